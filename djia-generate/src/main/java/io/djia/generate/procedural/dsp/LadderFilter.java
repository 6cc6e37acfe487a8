package io.djia.generate.procedural.dsp;

/**
 * Four-pole resonant low-pass in the style of the Moog transistor ladder, built from four trapezoidal one-pole
 * stages with the zero-delay feedback loop solved in closed form (V. Zavalishin, "The Art of VA Filter Design",
 * 2018, ch. 5). A tanh stage at the loop input gives the soft, squelchy overdrive of the analogue circuit
 * (after A. Huovilainen, "Non-linear digital implementation of the Moog ladder filter", DAFx 2004).
 *
 * <p>Resonance {@code r} in [0, 1] maps to loop gain k = 4r; at k = 4 the linear filter self-oscillates.
 * With k = 0 the response at the cutoff is exactly -12 dB; with k it is 1/|4 - k| times the input.
 */
public final class LadderFilter {
    private final double sampleRate;
    private double bigG;
    private double k;
    private double s1;
    private double s2;
    private double s3;
    private double s4;

    public LadderFilter(double sampleRate) {
        this.sampleRate = sampleRate;
        set(1000.0, 0.0);
    }

    public LadderFilter set(double cutoffHz, double resonance) {
        double fc = Math.max(10.0, Math.min(cutoffHz, 0.45 * sampleRate));
        double g = Math.tan(Math.PI * fc / sampleRate);
        bigG = g / (1.0 + g);
        k = 4.0 * Math.max(0.0, Math.min(resonance, 1.0));
        return this;
    }

    /** Cheaper {@link #set} for per-block modulation: {@code g = tan(pi fc / fs)} precomputed by the caller. */
    public void setWarped(double g, double resonance) {
        bigG = g / (1.0 + g);
        k = 4.0 * resonance;
    }

    public double process(double x) {
        double gg = bigG;
        double b = 1.0 - gg;
        double g2 = gg * gg;
        double g4 = g2 * g2;
        double feedback = g2 * gg * b * s1 + g2 * b * s2 + gg * b * s3 + b * s4;
        double y4 = (g4 * x + feedback) / (1.0 + k * g4);
        double u = Shaper.fastTanh(x - k * y4);
        double v = (u - s1) * gg;
        double y1 = v + s1;
        s1 = y1 + v;
        v = (y1 - s2) * gg;
        double y2 = v + s2;
        s2 = y2 + v;
        v = (y2 - s3) * gg;
        double y3 = v + s3;
        s3 = y3 + v;
        v = (y3 - s4) * gg;
        double out = v + s4;
        s4 = out + v;
        return out;
    }

    public void reset() {
        s1 = 0;
        s2 = 0;
        s3 = 0;
        s4 = 0;
    }
}
