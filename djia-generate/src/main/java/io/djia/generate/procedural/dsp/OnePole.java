package io.djia.generate.procedural.dsp;

/** Trapezoidal one-pole filter (6 dB per octave) with low- and high-pass outputs. */
public final class OnePole {
    private final double sampleRate;
    private double gain;
    private double state;

    public OnePole(double sampleRate, double cutoffHz) {
        this.sampleRate = sampleRate;
        setCutoff(cutoffHz);
    }

    public OnePole setCutoff(double cutoffHz) {
        double fc = Math.max(1.0, Math.min(cutoffHz, 0.48 * sampleRate));
        double g = Math.tan(Math.PI * fc / sampleRate);
        gain = g / (1.0 + g);
        return this;
    }

    public double lowpass(double x) {
        double v = (x - state) * gain;
        double y = v + state;
        state = y + v;
        return y;
    }

    public double highpass(double x) {
        return x - lowpass(x);
    }

    public void reset() {
        state = 0;
    }
}
