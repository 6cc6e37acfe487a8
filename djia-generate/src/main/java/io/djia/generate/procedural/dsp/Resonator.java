package io.djia.generate.procedural.dsp;

/**
 * An exponentially decaying sinusoid computed by rotating a complex phasor: two multiplies and two adds per
 * sample replace a sine and an exponential. This is one mode of a modal synthesiser (J.-M. Adrien, "The
 * missing link: modal synthesis", 1991): drums, bells, piano partials and timpani are sums of such modes.
 */
public final class Resonator {
    private double c;
    private double s;
    private double x;
    private double y;

    /**
     * @param frequencyHz    mode frequency
     * @param decaySeconds   time to fall by 60 dB (0 or less: no decay)
     * @param amplitude      initial amplitude
     * @param startPhase     initial phase in cycles (0 starts at zero amplitude: no click)
     */
    public Resonator(double frequencyHz, double decaySeconds, double amplitude, double startPhase, double sampleRate) {
        double r = decaySeconds > 0 ? Math.exp(Math.log(1e-3) / (decaySeconds * sampleRate)) : 1.0;
        double w = 2.0 * Math.PI * Math.min(frequencyHz, 0.49 * sampleRate) / sampleRate;
        c = r * Math.cos(w);
        s = r * Math.sin(w);
        x = amplitude * Math.cos(2.0 * Math.PI * startPhase);
        y = amplitude * Math.sin(2.0 * Math.PI * startPhase);
    }

    /** Next sample of {@code amplitude * r^n * sin(w n + phase)}. */
    public double next() {
        double out = y;
        double nx = c * x - s * y;
        y = s * x + c * y;
        x = nx;
        return out;
    }

    /** Current amplitude of the phasor. */
    public double magnitude() {
        return Math.sqrt(x * x + y * y);
    }
}
