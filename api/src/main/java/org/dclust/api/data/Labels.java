package org.dclust.api.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dclust.api.DclustException;

/**
 * The class labels of N samples as codes 0..C−1, every code held by at least one sample, together
 * with the label each class had in its source (its number, or its name).
 *
 * <p>Sources label classes in many ways: 0..9, 1..10, ids such as 1000 and 2000, −1, names. K
 * defaults to the number of classes and ACC maps clusters to classes, so the codes must be dense:
 * the distinct labels, in increasing order (names in {@link String} order), get the codes 0, 1, …,
 * C−1. Labels that already are 0..C−1 with every class present keep their values (and the array is
 * shared, not copied), so such a data set's labels and fingerprint do not change. Taking a
 * {@link #subset} codes it again, so a class that no sample keeps is no longer counted.
 */
public final class Labels {
    /** A decimal number without exponent: "3", "-1", "+2", "3.0", ".5". */
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private final int[] codes;
    private final List<String> classes;

    private Labels(int[] codes, List<String> classes) {
        this.codes = codes;
        this.classes = List.copyOf(classes);
    }

    /**
     * Labels given as integers of any value: class c is the c-th smallest distinct value.
     *
     * @param values one label per sample; shared when it already is 0..C−1 with every class present
     */
    public static Labels ofValues(int[] values) {
        int[] distinct = values.clone();
        Arrays.sort(distinct);
        int c = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[c++] = distinct[i];
            }
        }
        distinct = Arrays.copyOf(distinct, c);
        List<String> names = new ArrayList<>(c);
        for (int v : distinct) {
            names.add(String.valueOf(v));
        }
        if (c == 0 || distinct[0] == 0 && distinct[c - 1] == c - 1) {
            return new Labels(values, names);
        }
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = Arrays.binarySearch(distinct, values[i]);
        }
        return new Labels(codes, names);
    }

    /**
     * Labels given as text (a CSV column, a labels file). When every label is a decimal number they
     * are read as integers ("3", "3.0" and "+3" are the class 3; "-1" is a class too) and coded as
     * by {@link #ofValues}; otherwise each distinct text is a class name, coded in {@link String}
     * order, so "cat", "dog", "cat" become 0, 1, 0.
     *
     * @param source what the labels come from ("labels.txt"), for messages
     * @throws DclustException when every label is a number but one is not a whole number that
     *     fits an int (a column of measurements, not of classes)
     */
    public static Labels ofText(String[] values, String source) {
        boolean numeric = values.length > 0;
        for (int i = 0; i < values.length && numeric; i++) {
            numeric = NUMBER.matcher(values[i]).matches();
        }
        if (!numeric) {
            List<String> names = new ArrayList<>(new TreeSet<>(Arrays.asList(values)));
            int[] codes = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                codes[i] = java.util.Collections.binarySearch(names, values[i]);
            }
            return new Labels(codes, names);
        }
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                ints[i] = new BigDecimal(values[i]).intValueExact();
            } catch (ArithmeticException e) {
                throw new DclustException(source + ": label " + values[i] + " of sample " + i + " (counted from 0) is not "
                        + "a whole number of at most 9 digits; class labels must be integers or names: is this the label column?");
            }
        }
        return ofValues(ints);
    }

    /**
     * Labels given as indices into a list of class names (one folder per class, say); names that no
     * sample has are dropped.
     *
     * @throws IllegalArgumentException when an index is outside the list
     */
    public static Labels ofIndices(int[] indices, List<String> names) {
        boolean[] used = new boolean[names.size()];
        for (int i : indices) {
            if (i < 0 || i >= used.length) {
                throw new IllegalArgumentException("class index " + i + " is outside the " + used.length + " names");
            }
            used[i] = true;
        }
        int[] code = new int[used.length];
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < used.length; j++) {
            code[j] = used[j] ? kept.size() : -1;
            if (used[j]) {
                kept.add(names.get(j));
            }
        }
        if (kept.size() == used.length) {
            return new Labels(indices, names);
        }
        int[] codes = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            codes[i] = code[indices[i]];
        }
        return new Labels(codes, kept);
    }

    /** Number of samples labelled. */
    public int size() {
        return codes.length;
    }

    /** The class code of each sample, in [0, {@link #numClasses()}); shared, do not modify. */
    public int[] codes() {
        return codes;
    }

    /** The number of classes C: every one is held by at least one sample. */
    public int numClasses() {
        return classes.size();
    }

    /** The label of each class in its source ("1", "1000", "-1", "cat"), indexed by code. */
    public List<String> classes() {
        return classes;
    }

    /** The labels of the samples at {@code indices}, coded again over the classes they hold. */
    public Labels subset(int[] indices) {
        int[] sub = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            sub[j] = codes[indices[j]];
        }
        return ofIndices(sub, classes);
    }
}
