package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Pitch-class energy over time: {@code frames[t][pc]} with pitch class 0 = C .. 11 = B.
 *
 * <p>Made from spectral peaks between 50 Hz and 5 kHz on a ~0.19 s Hann window (hop half of that), each
 * peak's frequency refined by a parabola on the log spectrum and mapped to the nearest equal-tempered
 * semitone after correcting for the recording's tuning (the weighted circular mean of the peaks' offsets
 * from A440, in the spirit of Harte and Sandler 2005). Peak-picking keeps window leakage out of the
 * neighbouring pitch classes.
 *
 * @param frames      chroma vectors, magnitude-weighted, not normalised
 * @param hopSize     samples between frames; frame t is centred at sample {@code t * hopSize}
 * @param sampleRate  Hz
 * @param tuningCents estimated deviation of the tuning from A440, in (-50, 50]
 */
public record Chromagram(float[][] frames, int hopSize, int sampleRate, double tuningCents) {
    static final double LOW_HZ = 50;
    static final double HIGH_HZ = 5_000;
    /** Peaks more than 50 dB under the frame's strongest are leakage or noise. */
    private static final double PEAK_FLOOR_POWER = 1e-5;

    public Chromagram {
        Objects.requireNonNull(frames, "frames");
        for (float[] f : frames) {
            if (f.length != 12) {
                throw new IllegalArgumentException("chroma vectors need 12 pitch classes, got " + f.length);
            }
        }
        if (hopSize < 1 || sampleRate <= 0) {
            throw new IllegalArgumentException("hop and sample rate must be positive, got " + hopSize + ", " + sampleRate);
        }
    }

    /** Chromagram of the channels' average. */
    public static Chromagram of(AudioBuffer audio) {
        Objects.requireNonNull(audio, "audio");
        float[] mono = Signals.mono(audio);
        int fftSize = fftSizeFor(audio.sampleRate());
        Stft stft = new Stft(fftSize, fftSize / 2, WindowType.HANN);
        Builder builder = new Builder(audio.sampleRate(), fftSize);
        stft.forEachFrame(mono, (t, re, im) -> builder.add(re, im));
        return builder.build(stft.hopSize());
    }

    /** FFT size for a sample rate: the power of two at or above 0.16 s (8192 at 44.1 and 48 kHz). */
    static int fftSizeFor(int sampleRate) {
        return Signals.powerOfTwoAtLeast(sampleRate * 0.16);
    }

    public int length() {
        return frames.length;
    }

    public double framesPerSecond() {
        return sampleRate / (double) hopSize;
    }

    /** Average of the frame vectors, each normalised to sum 1 first (so time, not loudness, weighs). */
    public double[] mean() {
        return meanOfFrames(0, frames.length);
    }

    /** Average normalised chroma of the frames centred in [fromSeconds, toSeconds). Zeros if none. */
    public double[] meanBetween(double fromSeconds, double toSeconds) {
        int from = (int) Math.max(0, Math.ceil(fromSeconds * framesPerSecond() - 1e-9));
        int to = (int) Math.min(frames.length, Math.ceil(toSeconds * framesPerSecond() - 1e-9));
        return meanOfFrames(from, Math.max(from, to));
    }

    private double[] meanOfFrames(int from, int to) {
        double[] out = new double[12];
        double loudest = 0;
        for (int t = from; t < to; t++) {
            loudest = Math.max(loudest, sum(frames[t]));
        }
        int used = 0;
        for (int t = from; t < to; t++) {
            double s = sum(frames[t]);
            // Frames 60 dB (in magnitude) under the loudest are silence between notes.
            if (s > 0 && s > 1e-3 * loudest) {
                for (int pc = 0; pc < 12; pc++) {
                    out[pc] += frames[t][pc] / s;
                }
                used++;
            }
        }
        if (used > 0) {
            for (int pc = 0; pc < 12; pc++) {
                out[pc] /= used;
            }
        }
        return out;
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    /** Collects spectral peaks frame by frame, then estimates the tuning and folds the peaks into chroma. */
    static final class Builder {
        private final int sampleRate;
        private final double binHz;
        private final int lowBin;
        private final int highBin;
        private final double[] power;
        private float[] peakMidi = new float[4096];
        private float[] peakWeight = new float[4096];
        private int[] peakFrame = new int[4096];
        private int peaks;
        private int frames;

        Builder(int sampleRate, int fftSize) {
            this.sampleRate = sampleRate;
            binHz = sampleRate / (double) fftSize;
            lowBin = Math.max(2, (int) Math.ceil(LOW_HZ / binHz));
            highBin = Math.min(fftSize / 2 - 2, (int) Math.floor(Math.min(HIGH_HZ, 0.45 * sampleRate) / binHz));
            power = new double[fftSize / 2 + 1];
        }

        void add(float[] re, float[] im) {
            double max = 0;
            for (int k = lowBin - 1; k <= highBin + 1; k++) {
                power[k] = (double) re[k] * re[k] + (double) im[k] * im[k];
                max = Math.max(max, power[k]);
            }
            if (max > 0) {
                double floor = max * PEAK_FLOOR_POWER;
                for (int k = lowBin; k <= highBin; k++) {
                    double p = power[k];
                    if (p > floor && p > power[k - 1] && p >= power[k + 1]) {
                        double offset = Signals.parabolicOffset(Math.log(power[k - 1] + 1e-30), Math.log(p),
                                Math.log(power[k + 1] + 1e-30));
                        double hz = (k + offset) * binHz;
                        addPeak((float) (69 + 12 * Math.log(hz / 440.0) / Math.log(2)), (float) Math.sqrt(p));
                    }
                }
            }
            frames++;
        }

        private void addPeak(float midi, float weight) {
            if (peaks == peakMidi.length) {
                peakMidi = Arrays.copyOf(peakMidi, peaks * 2);
                peakWeight = Arrays.copyOf(peakWeight, peaks * 2);
                peakFrame = Arrays.copyOf(peakFrame, peaks * 2);
            }
            peakMidi[peaks] = midi;
            peakWeight[peaks] = weight;
            peakFrame[peaks] = frames;
            peaks++;
        }

        Chromagram build(int hopSize) {
            double sin = 0;
            double cos = 0;
            for (int i = 0; i < peaks; i++) {
                double angle = 2 * Math.PI * (peakMidi[i] - Math.rint(peakMidi[i]));
                sin += peakWeight[i] * Math.sin(angle);
                cos += peakWeight[i] * Math.cos(angle);
            }
            double tuning = (sin == 0 && cos == 0) ? 0 : Math.atan2(sin, cos) / (2 * Math.PI);
            float[][] chroma = new float[frames][12];
            for (int i = 0; i < peaks; i++) {
                int pc = Math.floorMod((int) Math.rint(peakMidi[i] - tuning), 12);
                chroma[peakFrame[i]][pc] += peakWeight[i];
            }
            return new Chromagram(chroma, hopSize, sampleRate, 100 * tuning);
        }
    }
}
