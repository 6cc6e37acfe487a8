package io.djia.core.fx;

/**
 * Biquad coefficients from R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients"
 * (the Audio EQ Cookbook): bilinear transforms of the analog prototypes with frequency pre-warping, so the
 * cutoff lands exactly where asked. Results are normalised by a0.
 */
final class RbjCookbook {
    /** Index of each coefficient in the 5-element array: b0, b1, b2, a1, a2. */
    static final int B0 = 0;
    static final int B1 = 1;
    static final int B2 = 2;
    static final int A1 = 3;
    static final int A2 = 4;

    private RbjCookbook() {
    }

    /** Writes {b0, b1, b2, a1, a2} / a0 into {@code coefficients}; no allocation. */
    static void compute(BiquadType type, double sampleRate, double frequencyHz, double q, double gainDb,
                        double[] coefficients) {
        double w0 = 2.0 * Math.PI * frequencyHz / sampleRate;
        double cosW0 = Math.cos(w0);
        double alpha = Math.sin(w0) / (2.0 * q);
        // A is the square root of the linear gain: shelves and peaks reach 10^(gainDb/20) at their extreme.
        double a = Math.pow(10.0, gainDb / 40.0);
        double b0;
        double b1;
        double b2;
        double a0;
        double a1;
        double a2;
        switch (type) {
            case LOW_PASS -> {
                b1 = 1.0 - cosW0;
                b0 = b1 / 2.0;
                b2 = b0;
                a0 = 1.0 + alpha;
                a1 = -2.0 * cosW0;
                a2 = 1.0 - alpha;
            }
            case HIGH_PASS -> {
                b0 = (1.0 + cosW0) / 2.0;
                b1 = -(1.0 + cosW0);
                b2 = b0;
                a0 = 1.0 + alpha;
                a1 = -2.0 * cosW0;
                a2 = 1.0 - alpha;
            }
            case BAND_PASS -> {
                // Constant 0 dB peak gain variant.
                b0 = alpha;
                b1 = 0.0;
                b2 = -alpha;
                a0 = 1.0 + alpha;
                a1 = -2.0 * cosW0;
                a2 = 1.0 - alpha;
            }
            case PEAKING -> {
                b0 = 1.0 + alpha * a;
                b1 = -2.0 * cosW0;
                b2 = 1.0 - alpha * a;
                a0 = 1.0 + alpha / a;
                a1 = -2.0 * cosW0;
                a2 = 1.0 - alpha / a;
            }
            case LOW_SHELF -> {
                double twoSqrtAAlpha = 2.0 * Math.sqrt(a) * alpha;
                b0 = a * ((a + 1) - (a - 1) * cosW0 + twoSqrtAAlpha);
                b1 = 2.0 * a * ((a - 1) - (a + 1) * cosW0);
                b2 = a * ((a + 1) - (a - 1) * cosW0 - twoSqrtAAlpha);
                a0 = (a + 1) + (a - 1) * cosW0 + twoSqrtAAlpha;
                a1 = -2.0 * ((a - 1) + (a + 1) * cosW0);
                a2 = (a + 1) + (a - 1) * cosW0 - twoSqrtAAlpha;
            }
            case HIGH_SHELF -> {
                double twoSqrtAAlpha = 2.0 * Math.sqrt(a) * alpha;
                b0 = a * ((a + 1) + (a - 1) * cosW0 + twoSqrtAAlpha);
                b1 = -2.0 * a * ((a - 1) + (a + 1) * cosW0);
                b2 = a * ((a + 1) + (a - 1) * cosW0 - twoSqrtAAlpha);
                a0 = (a + 1) - (a - 1) * cosW0 + twoSqrtAAlpha;
                a1 = 2.0 * ((a - 1) - (a + 1) * cosW0);
                a2 = (a + 1) - (a - 1) * cosW0 - twoSqrtAAlpha;
            }
            default -> throw new IllegalStateException("unhandled biquad type " + type);
        }
        coefficients[B0] = b0 / a0;
        coefficients[B1] = b1 / a0;
        coefficients[B2] = b2 / a0;
        coefficients[A1] = a1 / a0;
        coefficients[A2] = a2 / a0;
    }
}
