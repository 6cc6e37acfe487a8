package io.djia.generate.procedural.dsp;

/**
 * State-variable filter discretised with the trapezoidal rule (A. Simper, "Linear trapezoidal integrated SVF",
 * Cytomic technical paper, 2013). Stable under fast cutoff modulation, with low-, band- and high-pass outputs
 * from one {@link #tick}. The band output has gain Q at the cutoff; {@link #bandNormalized()} has gain 1.
 */
public final class Svf {
    private final double sampleRate;
    private double k = Math.sqrt(2.0);
    private double a1;
    private double a2;
    private double a3;
    private double ic1;
    private double ic2;
    private double low;
    private double band;
    private double high;

    public Svf(double sampleRate) {
        this.sampleRate = sampleRate;
        set(1000.0, Math.sqrt(0.5));
    }

    /** Sets cutoff (clamped below Nyquist) and quality factor Q (0.5 = no peak, 0.707 = Butterworth). */
    public Svf set(double cutoffHz, double q) {
        double fc = Math.max(5.0, Math.min(cutoffHz, 0.48 * sampleRate));
        double g = Math.tan(Math.PI * fc / sampleRate);
        k = 1.0 / Math.max(q, 0.05);
        a1 = 1.0 / (1.0 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
        return this;
    }

    /** Processes one sample; read the outputs with {@link #low()}, {@link #band()}, {@link #high()}. */
    public void tick(double x) {
        double v3 = x - ic2;
        double v1 = a1 * ic1 + a2 * v3;
        double v2 = ic2 + a2 * ic1 + a3 * v3;
        ic1 = 2.0 * v1 - ic1;
        ic2 = 2.0 * v2 - ic2;
        low = v2;
        band = v1;
        high = x - k * v1 - v2;
    }

    public double lowpass(double x) {
        tick(x);
        return low;
    }

    public double bandpass(double x) {
        tick(x);
        return band * k;
    }

    public double highpass(double x) {
        tick(x);
        return high;
    }

    public double low() {
        return low;
    }

    public double band() {
        return band;
    }

    public double bandNormalized() {
        return band * k;
    }

    public double high() {
        return high;
    }

    public void reset() {
        ic1 = 0;
        ic2 = 0;
    }
}
