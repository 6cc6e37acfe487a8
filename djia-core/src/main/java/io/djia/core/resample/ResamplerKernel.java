package io.djia.core.resample;

/**
 * Filter coefficients for every output position of one rate pair, out/in = L/M in lowest terms.
 *
 * <p>Output frame n sits at input position n*M/L = base + phase/L. Its value is the dot product of
 * {@link #taps()} input samples starting at {@code base - halfTaps + 1} with the coefficients of that phase.
 * With few phases (L up to {@value #MAX_TABLE_PHASES}, table within {@value #MAX_TABLE_FLOATS} floats) every
 * phase's coefficients are tabulated (polyphase); otherwise they are interpolated linearly from a finely
 * sampled prototype. Each phase is scaled to unit DC gain, so a constant stays exactly constant. Immutable.
 */
final class ResamplerKernel {
    static final int MAX_TABLE_PHASES = 4096;
    /** Largest coefficient table, in floats (16 MiB); beyond it the interpolated prototype is used. */
    static final long MAX_TABLE_FLOATS = 1L << 22;
    /** Longest kernel: downsampling by more than about 130 would need more taps than this. */
    static final int MAX_TAPS = 1 << 14;
    /** Prototype points per input sample for interpolated coefficients, at a band fraction of 1. */
    private static final int PROTOTYPE_DENSITY = 1024;

    private final int inputRate;
    private final int outputRate;
    private final long upFactor;
    private final long downFactor;
    private final int halfTaps;
    private final int taps;
    private final float[][] table;
    private final float[] prototype;
    private final int prototypeDensity;

    ResamplerKernel(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + inputRate + " -> " + outputRate);
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        long gcd = gcd(inputRate, outputRate);
        this.upFactor = outputRate / gcd;
        this.downFactor = inputRate / gcd;
        double bandFraction = Math.min(1.0, outputRate / (double) inputRate);
        double halfWidth = KaiserSincDesign.HALF_WIDTH_AT_LOWER_RATE / bandFraction;
        if (2 * Math.ceil(halfWidth) > MAX_TAPS) {
            throw new IllegalArgumentException("converting " + inputRate + " Hz to " + outputRate
                    + " Hz needs a kernel longer than " + MAX_TAPS + " taps; convert in two steps");
        }
        this.halfTaps = (int) Math.ceil(halfWidth);
        this.taps = 2 * halfTaps;
        if (upFactor <= MAX_TABLE_PHASES && upFactor * taps <= MAX_TABLE_FLOATS) {
            table = new float[(int) upFactor][];
            for (int p = 0; p < upFactor; p++) {
                table[p] = new float[taps];
                double phase = p / (double) upFactor;
                double sum = 0;
                double[] row = new double[taps];
                for (int j = 0; j < taps; j++) {
                    row[j] = KaiserSincDesign.kernel(phase + halfTaps - 1 - j, bandFraction, halfWidth);
                    sum += row[j];
                }
                for (int j = 0; j < taps; j++) {
                    table[p][j] = (float) (row[j] / sum);
                }
            }
            prototype = null;
            prototypeDensity = 0;
        } else {
            // A wider kernel (downsampling) is smoother, so it needs proportionally fewer points per input sample.
            prototypeDensity = Math.max(128, (int) Math.ceil(PROTOTYPE_DENSITY * bandFraction));
            prototype = new float[taps * prototypeDensity + 2];
            for (int i = 0; i < prototype.length; i++) {
                prototype[i] = (float) KaiserSincDesign.kernel(i / (double) prototypeDensity - halfTaps, bandFraction,
                        halfWidth);
            }
            table = null;
        }
    }

    int inputRate() {
        return inputRate;
    }

    int outputRate() {
        return outputRate;
    }

    /** L: output frames per {@link #downFactor()} input frames. */
    long upFactor() {
        return upFactor;
    }

    /** M: input frames per {@link #upFactor()} output frames. */
    long downFactor() {
        return downFactor;
    }

    int halfTaps() {
        return halfTaps;
    }

    int taps() {
        return taps;
    }

    boolean isTabulated() {
        return table != null;
    }

    boolean isIdentity() {
        return inputRate == outputRate;
    }

    /**
     * Coefficients for phase {@code phase} (0 <= phase < L): a table row (do not modify), or {@code scratch}
     * ({@link #taps()} long) filled with interpolated values.
     */
    float[] coefficients(long phase, float[] scratch) {
        if (table != null) {
            return table[(int) phase];
        }
        // tau_j + halfTaps = phase/L + taps - 1 - j, at prototypeDensity points per input sample.
        double position = phase / (double) upFactor * prototypeDensity;
        int index = (int) position;
        float frac = (float) (position - index);
        double sum = 0;
        for (int j = 0; j < taps; j++) {
            int k = index + (taps - 1 - j) * prototypeDensity;
            float v = prototype[k] + frac * (prototype[k + 1] - prototype[k]);
            scratch[j] = v;
            sum += v;
        }
        float scale = (float) (1.0 / sum);
        for (int j = 0; j < taps; j++) {
            scratch[j] *= scale;
        }
        return scratch;
    }

    /**
     * Sum of {@code coefficients[j] * x[from + j]}. A plain loop on purpose: C2 vectorises its multiplications
     * (the additions stay in order), which measured faster than hand-unrolled partial sums.
     */
    static float dot(float[] x, int from, float[] coefficients, int taps) {
        float sum = 0;
        for (int j = 0; j < taps; j++) {
            sum += x[from + j] * coefficients[j];
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
