package io.djia.generate.procedural.dsp;

/**
 * Band-limited step correction for naive sawtooth and pulse oscillators (polynomial BLEP, Valimaki and
 * Huovilainen, "Antialiasing oscillators in subtractive synthesis", IEEE Signal Processing Magazine, 2007).
 * The two-sample polynomial residual removes most aliasing for the cost of two compares per sample.
 */
public final class PolyBlep {
    private PolyBlep() {
    }

    /** Residual to subtract at a rising step; {@code t} is the phase in [0, 1), {@code dt} the phase increment. */
    public static double residual(double t, double dt) {
        if (t < dt) {
            double x = t / dt;
            return x + x - x * x - 1.0;
        }
        if (t > 1.0 - dt) {
            double x = (t - 1.0) / dt;
            return x * x + x + x + 1.0;
        }
        return 0.0;
    }

    /** Band-limited sawtooth in [-1, 1] rising over the cycle. */
    public static double saw(double phase, double dt) {
        return 2.0 * phase - 1.0 - residual(phase, dt);
    }

    /** Band-limited pulse: +1 for {@code phase < duty}, -1 after. */
    public static double pulse(double phase, double dt, double duty) {
        double value = phase < duty ? 1.0 : -1.0;
        double fall = phase - duty;
        if (fall < 0) {
            fall += 1.0;
        }
        return value + residual(phase, dt) - residual(fall, dt);
    }
}
