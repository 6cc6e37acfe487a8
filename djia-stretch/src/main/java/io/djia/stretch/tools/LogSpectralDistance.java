package io.djia.stretch.tools;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.RealFft;
import io.djia.core.spectral.WindowType;

/**
 * Log-spectral distance between a processed signal and a reference, in dB:
 * {@code mean over frames of sqrt(mean over bins of (10 log10((P_test + e) / (P_ref + e)))^2)}, per channel
 * and averaged over channels (Gray and Markel 1976; the usual measure for time-scale modification, e.g.
 * Driedger and Müller 2016). Frames of 2048 samples every 512 with a Hann window over the common length;
 * {@code e} is 80 dB below the reference's loudest bin, so what lies below that floor does not count.
 */
public final class LogSpectralDistance {
    private static final int SIZE = 2048;
    private static final int HOP = 512;
    private static final double FLOOR = 1e-8;

    private LogSpectralDistance() {
    }

    public static double between(AudioBuffer test, AudioBuffer reference) {
        if (test.channels() != reference.channels()) {
            throw new IllegalArgumentException("channel counts differ: " + test.channels() + " vs "
                    + reference.channels());
        }
        if (test.sampleRate() != reference.sampleRate()) {
            throw new IllegalArgumentException("sample rates differ: " + test.sampleRate() + " vs "
                    + reference.sampleRate());
        }
        int length = Math.min(test.frames(), reference.frames());
        if (length < SIZE) {
            throw new IllegalArgumentException("need at least " + SIZE + " common frames, got " + length);
        }
        double sum = 0;
        for (int c = 0; c < test.channels(); c++) {
            sum += channelDistance(test.channel(c), reference.channel(c), length);
        }
        return sum / test.channels();
    }

    private static double channelDistance(float[] test, float[] ref, int length) {
        RealFft fft = new RealFft(SIZE);
        float[] window = WindowType.HANN.create(SIZE);
        int bins = SIZE / 2 + 1;
        int frames = (length - SIZE) / HOP + 1;
        float[][] testPower = new float[frames][bins];
        float[][] refPower = new float[frames][bins];
        float[] frame = new float[SIZE];
        float[] re = new float[bins];
        float[] im = new float[bins];
        double max = 0;
        for (int t = 0; t < frames; t++) {
            spectrum(fft, window, test, t * HOP, frame, re, im, testPower[t]);
            spectrum(fft, window, ref, t * HOP, frame, re, im, refPower[t]);
            for (float p : refPower[t]) {
                max = Math.max(max, p);
            }
        }
        double floor = Math.max(max * FLOOR, 1e-30);
        double total = 0;
        for (int t = 0; t < frames; t++) {
            double s = 0;
            for (int k = 0; k < bins; k++) {
                double d = 10 * Math.log10((testPower[t][k] + floor) / (refPower[t][k] + floor));
                s += d * d;
            }
            total += Math.sqrt(s / bins);
        }
        return total / frames;
    }

    private static void spectrum(RealFft fft, float[] window, float[] x, int start, float[] frame, float[] re,
            float[] im, float[] power) {
        for (int i = 0; i < SIZE; i++) {
            frame[i] = x[start + i] * window[i];
        }
        fft.forward(frame, re, im);
        for (int k = 0; k < power.length; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
    }
}
