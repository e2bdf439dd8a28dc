package org.dclust.datasets;

import java.util.TreeMap;

/**
 * Class labels given as text (a CSV column, a labels file): when every label is a non-negative
 * integer (written "3" or "3.0") it is the class number; otherwise the distinct labels are sorted (by {@link String} order)
 * and numbered from 0, so "cat", "dog", "cat" become 0, 1, 0.
 */
final class LabelCodes {
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("[0-9]{1,9}(\\.0*)?");

    /** Codes, and the number of classes (the largest code plus one). */
    record Coded(int[] codes, int classes) {
    }

    private LabelCodes() {
    }

    static Coded encode(String[] labels) {
        int[] codes = new int[labels.length];
        int max = -1;
        boolean numeric = true;
        for (int i = 0; i < labels.length && numeric; i++) {
            String s = labels[i];
            numeric = INTEGER.matcher(s).matches();
            if (numeric) {
                codes[i] = Integer.parseInt(s.substring(0, s.indexOf('.') < 0 ? s.length() : s.indexOf('.')));
                max = Math.max(max, codes[i]);
            }
        }
        if (numeric) {
            return new Coded(codes, max + 1);
        }
        TreeMap<String, Integer> index = new TreeMap<>();
        for (String s : labels) {
            index.put(s, 0);
        }
        int k = 0;
        for (var e : index.entrySet()) {
            e.setValue(k++);
        }
        for (int i = 0; i < labels.length; i++) {
            codes[i] = index.get(labels[i]);
        }
        return new Coded(codes, k);
    }
}
