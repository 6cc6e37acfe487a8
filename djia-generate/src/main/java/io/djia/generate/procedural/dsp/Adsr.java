package io.djia.generate.procedural.dsp;

/**
 * Attack-decay-sustain-release envelope with a linear attack and exponential decay and release, computed by
 * recursion (one multiply per sample). Decay and release times are to -60 dB of their span.
 */
public final class Adsr {
    private final double attackStep;
    private final double decayCoeff;
    private final double sustain;
    private final double releaseCoeff;
    private double level;
    private boolean attacking = true;
    private boolean released;

    public Adsr(double attackSeconds, double decaySeconds, double sustain, double releaseSeconds, double sampleRate) {
        this.attackStep = 1.0 / Math.max(1.0, attackSeconds * sampleRate);
        this.decayCoeff = coefficient(decaySeconds, sampleRate);
        this.sustain = sustain;
        this.releaseCoeff = coefficient(releaseSeconds, sampleRate);
    }

    /** Per-sample multiplier that falls by 60 dB over {@code seconds}. */
    public static double coefficient(double seconds, double sampleRate) {
        return seconds <= 0 ? 0.0 : Math.exp(Math.log(1e-3) / (seconds * sampleRate));
    }

    /** Starts the release (gate off); later calls are ignored. */
    public void release() {
        released = true;
        attacking = false;
    }

    public double next() {
        if (released) {
            level *= releaseCoeff;
        } else if (attacking) {
            level += attackStep;
            if (level >= 1.0) {
                level = 1.0;
                attacking = false;
            }
        } else {
            level = sustain + (level - sustain) * decayCoeff;
        }
        return level;
    }

    public double level() {
        return level;
    }

    /** True once released and below -80 dB: the voice may stop. */
    public boolean finished() {
        return released && level < 1e-4;
    }
}
