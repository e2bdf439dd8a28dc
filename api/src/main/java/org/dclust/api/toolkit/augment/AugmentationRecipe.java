package org.dclust.api.toolkit.augment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strengths of every augmentation step, with named recipes per kind of data. A learner declares
 * one text parameter (e.g. {@code augment}) whose value is a recipe name, optionally followed by
 * overrides: {@code grey28}, {@code colour32:blur=0,crop=0.5}, {@code affine:degrees=5}.
 * {@link #parse} reads it and names what is wrong (an unknown recipe or key, a value out of range).
 *
 * <p>Recipes:
 * <ul>
 *   <li>{@code none}: no augmentation (the identity).</li>
 *   <li>{@code colour32}: MoCo v2's recipe (Chen et al. 2020, "Improved Baselines with Momentum
 *       Contrastive Learning", Sec. 3; its {@code main_moco.py} augmentation list) scaled to 32 x 32
 *       images: resized crop of 20-100 % of the area, colour jitter 0.4/0.4/0.4/0.1 with p = 0.8,
 *       grayscale p = 0.2, Gaussian blur sigma 0.1-2.0 with p = 0.5 (at 32 pixels CIFAR recipes often
 *       drop it: {@code colour32:blur=0}), horizontal flip p = 0.5.</li>
 *   <li>{@code secu32}: the first view of SeCu on CIFAR (Qian 2023; idstcv/SeCu {@code main.py},
 *       {@code aug_1}): resized crop of 30-100 %, colour jitter 0.4/0.4/0.2/0.1 with p = 0.8, grayscale
 *       p = 0.2, Gaussian blur always, horizontal flip p = 0.5. Its second view ({@code aug_2}) blurs
 *       with p = 0.1 and solarizes with p = 0.2: {@code secu32:blur=0.1,solarize=0.2}.</li>
 *   <li>{@code grey28}: ours for 28 x 28 grey images such as Fashion-MNIST: resized crop of 60-100 %
 *       (smaller crops of a 28-pixel image leave too little of the object: moco on the 3,000 embedded
 *       Fashion-MNIST images, 20 epochs, seed 1, clustered at ACC 0.60-0.61 with 60 % against
 *       0.48-0.54 with 40 %, at T = 0.1 and 0.2), flip p = 0.5, rotation up to 10 degrees, brightness
 *       and contrast jitter 0.4 with p = 0.8, Gaussian noise 0.02.</li>
 *   <li>{@code affine}: DEC-DA's (Guo et al. 2018) and DynAE's shifts and rotations for digit-like
 *       images: shift up to 10 % of the width and height, rotation up to 10 degrees, nothing else.</li>
 * </ul>
 * Keys: {@code crop} (smallest crop area fraction; 1 = no crop), {@code flip}, {@code degrees},
 * {@code shift}, {@code brightness}, {@code contrast}, {@code saturation}, {@code hue}, {@code jitter}
 * (the probability of the colour jitter), {@code grayscale}, {@code blur} (the probability of the
 * blur), {@code noise}, {@code solarize} (the probability of solarising at threshold 0.5).
 */
public record AugmentationRecipe(String name, Map<String, Double> values) {
    /** The recipe that changes nothing. */
    public static final String NONE = "none";

    /** The keys, in the order steps are applied, with each one's valid range. */
    private static final Map<String, double[]> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("crop", new double[] {0.01, 1});
        KEYS.put("flip", new double[] {0, 1});
        KEYS.put("degrees", new double[] {0, 180});
        KEYS.put("shift", new double[] {0, 1});
        KEYS.put("brightness", new double[] {0, 10});
        KEYS.put("contrast", new double[] {0, 10});
        KEYS.put("saturation", new double[] {0, 10});
        KEYS.put("hue", new double[] {0, 0.5});
        KEYS.put("jitter", new double[] {0, 1});
        KEYS.put("grayscale", new double[] {0, 1});
        KEYS.put("blur", new double[] {0, 1});
        KEYS.put("noise", new double[] {0, 1});
        KEYS.put("solarize", new double[] {0, 1});
    }

    private static final Map<String, Map<String, Double>> RECIPES = new LinkedHashMap<>();

    static {
        RECIPES.put(NONE, recipe());
        RECIPES.put("colour32", recipe("crop", 0.2, "flip", 0.5, "brightness", 0.4, "contrast", 0.4, "saturation", 0.4, "hue", 0.1,
                "jitter", 0.8, "grayscale", 0.2, "blur", 0.5));
        RECIPES.put("grey28", recipe("crop", 0.6, "flip", 0.5, "degrees", 10, "brightness", 0.4, "contrast", 0.4, "jitter", 0.8,
                "noise", 0.02));
        RECIPES.put("affine", recipe("shift", 0.1, "degrees", 10));
        RECIPES.put("secu32", recipe("crop", 0.3, "flip", 0.5, "brightness", 0.4, "contrast", 0.4, "saturation", 0.2, "hue", 0.1,
                "jitter", 0.8, "grayscale", 0.2, "blur", 1.0));
    }

    private static Map<String, Double> recipe(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        KEYS.keySet().forEach(k -> m.put(k, k.equals("crop") ? 1.0 : 0.0));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }

    /** The recipe names. */
    public static List<String> names() {
        return List.copyOf(RECIPES.keySet());
    }

    /**
     * Reads {@code NAME} or {@code NAME:key=value,key=value}.
     *
     * @throws IllegalArgumentException with one message naming the unknown recipe or key, or the value
     *     out of range, and what is valid
     */
    public static AugmentationRecipe parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Map<String, Double> base = RECIPES.get(name);
        if (base == null) {
            throw new IllegalArgumentException("unknown augmentation recipe '" + name + "'; known: " + String.join(", ", RECIPES.keySet())
                    + " (optionally followed by :key=value,... with keys " + String.join(", ", KEYS.keySet()) + ")");
        }
        Map<String, Double> values = new LinkedHashMap<>(base);
        if (colon >= 0) {
            for (String part : s.substring(colon + 1).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] kv = part.split("=", 2);
                String key = kv[0].trim();
                double[] valid = KEYS.get(key);
                if (valid == null || kv.length < 2) {
                    throw new IllegalArgumentException("augmentation override '" + part.trim() + "' is not key=value with a key among "
                            + String.join(", ", KEYS.keySet()));
                }
                double v;
                try {
                    v = Double.parseDouble(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("augmentation override " + key + "=" + kv[1].trim() + " is not a number");
                }
                if (!(v >= valid[0] && v <= valid[1])) {
                    throw new IllegalArgumentException("augmentation override " + key + "=" + kv[1].trim() + " is outside [" + valid[0] + ", "
                            + valid[1] + "]");
                }
                values.put(key, v);
            }
        }
        return new AugmentationRecipe(spec == null ? name : spec.trim(), values);
    }

    /** One strength. */
    public double get(String key) {
        return values.get(key);
    }

    /**
     * The pipeline for images of the given shape: warp (crop, flip, rotation, shift), colour jitter,
     * grayscale, blur, solarize, noise; steps whose strengths are all zero are left out.
     */
    public AugmentationPipeline pipeline(int channels, int height, int width, ImageAugmentation.PixelRange range) {
        List<ImageAugmentation> steps = new ArrayList<>();
        if (get("crop") < 1 || get("flip") > 0 || get("degrees") > 0 || get("shift") > 0) {
            boolean crop = get("crop") < 1;
            steps.add(new RandomWarp(get("crop"), 1, crop ? 3.0 / 4 : 1, crop ? 4.0 / 3 : 1, get("flip"), get("degrees"), get("shift")));
        }
        if (get("jitter") > 0 && (get("brightness") > 0 || get("contrast") > 0 || get("saturation") > 0 || get("hue") > 0)) {
            steps.add(new ColourJitter(get("brightness"), get("contrast"), get("saturation"), get("hue"), get("jitter")));
        }
        if (get("grayscale") > 0) {
            steps.add(new RandomGrayscale(get("grayscale")));
        }
        if (get("blur") > 0) {
            // MoCo v2's sigma range at 224 pixels is 0.1-2.0; scaled to the image's size, at least 0.1-0.5
            double max = Math.max(0.5, 2.0 * Math.min(height, width) / 224);
            steps.add(new GaussianBlur(0.1, max, get("blur")));
        }
        if (get("solarize") > 0) {
            steps.add(new Solarize(0.5, get("solarize")));
        }
        if (get("noise") > 0) {
            steps.add(new GaussianNoise(get("noise") * (range.hi() - range.lo())));
        }
        return new AugmentationPipeline(steps, channels, height, width, range);
    }
}
