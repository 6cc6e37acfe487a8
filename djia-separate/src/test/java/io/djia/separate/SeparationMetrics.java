package io.djia.separate;

import io.djia.core.audio.AudioBuffer;

/** Separation quality measures for tests. */
final class SeparationMetrics {
    private SeparationMetrics() {
    }

    /**
     * Scale-invariant signal-to-distortion ratio in dB (Le Roux et al., "SDR - half-baked or well done?",
     * ICASSP 2019): the estimate is projected on the reference, and the projection's energy is compared with
     * what is left. All channels count together.
     */
    static double siSdrDb(AudioBuffer estimate, AudioBuffer reference) {
        double dot = 0;
        double refEnergy = 0;
        for (int c = 0; c < reference.channels(); c++) {
            float[] e = estimate.channel(c);
            float[] r = reference.channel(c);
            for (int i = 0; i < r.length; i++) {
                dot += (double) e[i] * r[i];
                refEnergy += (double) r[i] * r[i];
            }
        }
        double alpha = dot / refEnergy;
        double target = 0;
        double noise = 0;
        for (int c = 0; c < reference.channels(); c++) {
            float[] e = estimate.channel(c);
            float[] r = reference.channel(c);
            for (int i = 0; i < r.length; i++) {
                double s = alpha * r[i];
                double d = e[i] - s;
                target += s * s;
                noise += d * d;
            }
        }
        return 10 * Math.log10(target / noise);
    }

    /** Sum of two buffers of equal shape. */
    static AudioBuffer plus(AudioBuffer a, AudioBuffer b) {
        float[][] out = new float[a.channels()][a.frames()];
        for (int c = 0; c < a.channels(); c++) {
            for (int i = 0; i < a.frames(); i++) {
                out[c][i] = a.channel(c)[i] + b.channel(c)[i];
            }
        }
        return new AudioBuffer(out, a.sampleRate());
    }
}
