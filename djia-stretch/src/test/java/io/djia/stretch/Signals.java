package io.djia.stretch;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.RealFft;
import io.djia.core.spectral.WindowType;

/** Test signals with known answers, and the measurements the tests make on them. */
final class Signals {
    static final int RATE = 44_100;

    private Signals() {
    }

    static float[] sine(double hz, double amplitude, int frames, int rate) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    static AudioBuffer mono(float[] x) {
        return new AudioBuffer(new float[][] {x}, RATE);
    }

    /** Frequency from rising zero crossings with linear interpolation, over {@code [from, to)}. */
    static double frequencyHz(float[] x, int from, int to, int rate) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = from; i < to - 1; i++) {
            if (x[i] <= 0 && x[i + 1] > 0) {
                double t = i + x[i] / (double) (x[i] - x[i + 1]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / rate);
    }

    static double cents(double measured, double expected) {
        return 1200 * Math.log(measured / expected) / Math.log(2);
    }

    static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** A decaying 2 kHz burst (3 ms decay, 20 ms long): a metronome click with a known shape. */
    static void addClick(float[] x, int at, double amplitude, int rate) {
        for (int i = 0; i < rate / 50 && at + i < x.length; i++) {
            double t = i / (double) rate;
            x[at + i] += (float) (amplitude * Math.sin(2 * Math.PI * 2000 * t) * Math.exp(-t / 0.003));
        }
    }

    /**
     * Average magnitude spectrum (dB, 8192-point Hann frames every 2048) of {@code [from, to)}.
     */
    static double[] averageSpectrumDb(float[] x, int from, int to) {
        int size = 8192;
        RealFft fft = new RealFft(size);
        float[] window = WindowType.HANN.create(size);
        float[] frame = new float[size];
        float[] re = new float[size / 2 + 1];
        float[] im = new float[size / 2 + 1];
        double[] sum = new double[size / 2 + 1];
        int frames = 0;
        for (int start = from; start + size <= to; start += size / 4) {
            for (int i = 0; i < size; i++) {
                frame[i] = x[start + i] * window[i];
            }
            fft.forward(frame, re, im);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += Math.sqrt((double) re[k] * re[k] + (double) im[k] * im[k]);
            }
            frames++;
        }
        double[] out = new double[sum.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = 20 * Math.log10(sum[k] / frames + 1e-12);
        }
        return out;
    }

    /** Bins that are the maximum of +-{@code halfWidth} bins and within {@code rangeDb} of the loudest bin. */
    static int[] peakBins(double[] spectrumDb, int halfWidth, double rangeDb) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : spectrumDb) {
            max = Math.max(max, v);
        }
        int[] peaks = new int[spectrumDb.length];
        int count = 0;
        for (int k = halfWidth; k < spectrumDb.length - halfWidth; k++) {
            if (spectrumDb[k] < max - rangeDb) {
                continue;
            }
            boolean peak = true;
            for (int j = k - halfWidth; j <= k + halfWidth && peak; j++) {
                peak = j == k || spectrumDb[j] < spectrumDb[k];
            }
            if (peak) {
                peaks[count++] = k;
            }
        }
        return java.util.Arrays.copyOf(peaks, count);
    }
}
