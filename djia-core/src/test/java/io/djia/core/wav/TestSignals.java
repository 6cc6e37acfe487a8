package io.djia.core.wav;

import io.djia.core.audio.AudioBuffer;
import java.util.SplittableRandom;

/** Known test signals. */
final class TestSignals {
    private TestSignals() {
    }

    /**
     * {@code channels} channels, each a sine of its own frequency (220 Hz * (c + 1)) at {@code amplitude} plus
     * seeded uniform noise of +-{@code noise}, so every sample value differs.
     */
    static AudioBuffer tones(int channels, int frames, int sampleRate, double amplitude, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] planar = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            double hz = 220.0 * (c + 1);
            for (int i = 0; i < frames; i++) {
                planar[c][i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate)
                        + noise * (2 * random.nextDouble() - 1));
            }
        }
        return new AudioBuffer(planar, sampleRate);
    }

    static double maxAbsError(AudioBuffer expected, AudioBuffer actual) {
        double max = 0;
        for (int c = 0; c < expected.channels(); c++) {
            for (int i = 0; i < expected.frames(); i++) {
                max = Math.max(max, Math.abs(expected.channel(c)[i] - actual.channel(c)[i]));
            }
        }
        return max;
    }

    static double dbfs(double linear) {
        return 20 * Math.log10(linear);
    }
}
