package io.djia.generate.procedural.dsp;

/**
 * Sine by table lookup with linear interpolation: about 20 times cheaper than {@link Math#sin} and accurate to
 * about -130 dB with 4096 entries (error bound (2&pi;/N)&sup2;/8), far below anything audible.
 */
public final class SineTable {
    private static final int SIZE = 4096;
    private static final double[] TABLE = new double[SIZE + 1];

    static {
        for (int i = 0; i <= SIZE; i++) {
            TABLE[i] = Math.sin(2.0 * Math.PI * i / SIZE);
        }
    }

    private SineTable() {
    }

    /** {@code sin(2 pi phase)} for a phase in cycles (any value; the integer part is discarded). */
    public static double sin(double phase) {
        double x = (phase - Math.floor(phase)) * SIZE;
        int i = (int) x;
        double f = x - i;
        return TABLE[i] + f * (TABLE[i + 1] - TABLE[i]);
    }

    /** {@code cos(2 pi phase)}. */
    public static double cos(double phase) {
        return sin(phase + 0.25);
    }
}
