package io.djia.core.resample;

/**
 * The low-pass prototype: an ideal low-pass (sinc) under a Kaiser window, designed with Kaiser's formulas
 * (J. F. Kaiser, "Nonrecursive digital filter design using the I0-sinh window function", Proc. IEEE ISCAS 1974;
 * as given in Oppenheim and Schafer, Discrete-Time Signal Processing, 3rd ed., section 7.6).
 *
 * <p>Band edges are fractions of the lower of the two Nyquist frequencies: flat to 0.90 of it, at least
 * {@value #STOPBAND_DB} dB down from 1.0 of it, so nothing that would alias into the output band survives.
 * At 44.1 kHz that keeps 0 to 19.8 kHz flat.
 */
final class KaiserSincDesign {
    /** Attenuation the design aims for; the window and length follow from it. */
    static final double STOPBAND_DB = 96.0;
    /** End of the flat band, as a fraction of the lower Nyquist frequency. */
    static final double PASSBAND_EDGE = 0.90;
    /** Start of the stopband, as a fraction of the lower Nyquist frequency: the guard band ends at Nyquist. */
    static final double STOPBAND_EDGE = 1.00;
    /** The sinc's cutoff sits midway in the transition band. */
    static final double CUTOFF = (PASSBAND_EDGE + STOPBAND_EDGE) / 2;
    /** Kaiser's beta for {@link #STOPBAND_DB} > 50 dB: 0.1102 (A - 8.7), about 9.6. */
    static final double BETA = 0.1102 * (STOPBAND_DB - 8.7);
    /**
     * Half the filter length in samples of the lower rate, from Kaiser's order estimate
     * N = (A - 7.95) / (2.285 * delta-omega) with delta-omega = pi * (STOPBAND_EDGE - PASSBAND_EDGE):
     * about 123 taps, so 62 on each side.
     */
    static final int HALF_WIDTH_AT_LOWER_RATE = (int) Math.ceil(
            (STOPBAND_DB - 7.95) / (2.285 * Math.PI * (STOPBAND_EDGE - PASSBAND_EDGE)) / 2);

    private static final double I0_BETA = besselI0(BETA);

    private KaiserSincDesign() {
    }

    /**
     * The kernel at {@code tau} input samples from the output instant, for a conversion that keeps
     * {@code bandFraction} = min(1, outRate / inRate) of the input band and reaches {@code halfWidth} input samples.
     */
    static double kernel(double tau, double bandFraction, double halfWidth) {
        double x = tau / halfWidth;
        if (x <= -1 || x >= 1) {
            return 0;
        }
        double window = besselI0(BETA * Math.sqrt(1 - x * x)) / I0_BETA;
        double bandwidth = CUTOFF * bandFraction; // two-sided cutoff in cycles per input sample
        double arg = Math.PI * bandwidth * tau;
        double sinc = arg == 0 ? 1 : Math.sin(arg) / arg;
        return bandwidth * sinc * window;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges for all x). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 200; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
