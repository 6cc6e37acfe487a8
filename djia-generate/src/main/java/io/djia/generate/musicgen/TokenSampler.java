package io.djia.generate.musicgen;

import java.util.SplittableRandom;

/**
 * Turns one decoder step's logits into codes: classifier-free guidance, then top-k sampling at a temperature,
 * as Transformers' MusicGen does ({@code ClassifierFreeGuidanceLogitsProcessor}, {@code TemperatureLogitsWarper},
 * {@code TopKLogitsWarper}, multinomial draw).
 *
 * <p>Top-k keeps every logit at least as large as the k-th largest (ties at the threshold stay, as in
 * Transformers), scales by 1/temperature and draws from the softmax with one uniform number from the caller's
 * seeded generator. Temperature 0 picks the largest logit. Scratch arrays are made once; an instance is for
 * one thread.
 */
public final class TokenSampler {
    private final int vocabSize;
    private final float[] selectScratch;
    private final int[] keptCodes;
    private final double[] cumulative;

    public TokenSampler(int vocabSize) {
        if (vocabSize < 1) {
            throw new IllegalArgumentException("vocabulary size must be >= 1, got " + vocabSize);
        }
        this.vocabSize = vocabSize;
        this.selectScratch = new float[vocabSize];
        this.keptCodes = new int[vocabSize];
        this.cumulative = new double[vocabSize];
    }

    public int vocabSize() {
        return vocabSize;
    }

    /** The generation temperature for an intensity 1..10: 0.7 + 0.03 x intensity, hotter for more energy. */
    public static double temperatureForIntensity(int intensity) {
        if (intensity < 1 || intensity > 10) {
            throw new IllegalArgumentException("intensity must be 1..10, got " + intensity);
        }
        return 0.7 + 0.03 * intensity;
    }

    /**
     * Classifier-free guidance (Ho and Salimans, 2022) on a batch laid out as {@code rows} conditional rows
     * followed by {@code rows} unconditional rows of {@code vocab} logits: row r becomes
     * {@code uncond + (cond - uncond) * scale}, written over the conditional rows.
     */
    public static void guide(float[] logits, int rows, int vocab, float scale) {
        int half = rows * vocab;
        if (logits.length < 2 * half) {
            throw new IllegalArgumentException("guidance needs " + 2 * half + " logits (2 x " + rows + " rows of " + vocab
                    + "), got " + logits.length);
        }
        for (int i = 0; i < half; i++) {
            float uncond = logits[half + i];
            logits[i] = uncond + (logits[i] - uncond) * scale;
        }
    }

    /**
     * Draws one token from the row of {@link #vocabSize()} logits starting at {@code offset}.
     *
     * @param topK        how many of the largest logits may be drawn (ties at the k-th value included)
     * @param temperature divisor of the logits; 0 picks the largest
     * @throws IllegalStateException when the row holds NaN or no finite logit
     */
    public int sample(float[] logits, int offset, int topK, double temperature, SplittableRandom random) {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be >= 1, got " + topK);
        }
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        int n = vocabSize;
        float[] copy = selectScratch;
        float max = Float.NEGATIVE_INFINITY;
        int argmax = -1;
        for (int i = 0; i < n; i++) {
            float v = logits[offset + i];
            copy[i] = v;
            if (v > max) {
                max = v;
                argmax = i;
            } else if (v != v) {
                throw new IllegalStateException("logit " + i + " is NaN; the model produced invalid output");
            }
        }
        if (argmax < 0 || max == Float.POSITIVE_INFINITY) {
            throw new IllegalStateException("no finite logit to sample from (largest is " + max + ")");
        }
        if (temperature == 0 || topK == 1) {
            return argmax;
        }
        float threshold = topK >= n ? Float.NEGATIVE_INFINITY : kthLargestInScratch(topK);
        // Only the kept codes get a weight; the draw walks their running sum in code order.
        double inverseTemperature = 1.0 / temperature;
        double sum = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            float v = logits[offset + i];
            if (v >= threshold && v > Float.NEGATIVE_INFINITY) {
                sum += Math.exp((v - max) * inverseTemperature);
                keptCodes[kept] = i;
                cumulative[kept] = sum;
                kept++;
            }
        }
        double target = random.nextDouble() * sum;
        for (int j = 0; j < kept; j++) {
            if (cumulative[j] > target) {
                return keptCodes[j];
            }
        }
        return keptCodes[kept - 1];
    }

    /**
     * The k-th largest value of the row copied into the scratch array (Hoare's selection with median-of-three
     * pivots, expected linear time); reorders the scratch array.
     */
    private float kthLargestInScratch(int k) {
        float[] a = selectScratch;
        int target = vocabSize - k;
        int lo = 0;
        int hi = vocabSize - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            float pivot = medianOfThree(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private static float medianOfThree(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
