package io.djia.generate.procedural;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.RealFft;
import java.util.ArrayList;
import java.util.List;

/** Measurements on rendered clips for the tests: onsets, spectral peaks, loop seams. */
final class ClipAnalysis {
    private ClipAnalysis() {
    }

    /**
     * Energy-rise onset detector on the sum of both channels, treating the clip as circular. The signal is first
     * pre-emphasised (x[n] - 0.9 x[n-1], -20 dB at DC, +5.6 dB at Nyquist) so slow beating between low partials
     * does not look like a stroke. An onset is where the energy of a 1.5 ms window exceeds four times (6 dB) the
     * largest window energy of the 25 ms before it and is within 40 dB of the loudest window; its time is refined
     * to the first sample whose magnitude clears both the background and a fifth of the local peak. Onsets closer
     * than 40 ms to the previous one are ignored (clap bursts, flams).
     */
    static List<Integer> onsets(AudioBuffer clip) {
        int n = clip.frames();
        int sr = clip.sampleRate();
        float[] sum = new float[n];
        for (int c = 0; c < clip.channels(); c++) {
            float[] ch = clip.channel(c);
            for (int i = 0; i < n; i++) {
                sum[i] += ch[i];
            }
        }
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = sum[i] - 0.9f * sum[Math.floorMod(i - 1, n)];
        }
        int window = Math.max(8, (int) (0.0015 * sr));
        int hop = Math.max(1, window / 4);
        int back = (int) (0.025 * sr);
        int gap = (int) (0.002 * sr);
        int hops = n / hop;
        // Short-window energy at every hop, circular.
        double[] energy = new double[hops];
        double maxEnergy = 0;
        for (int k = 0; k < hops; k++) {
            double e = 0;
            for (int i = 0; i < window; i++) {
                double v = x[Math.floorMod(k * hop + i, n)];
                e += v * v;
            }
            energy[k] = e / window;
            maxEnergy = Math.max(maxEnergy, energy[k]);
        }
        int backHops = back / hop;
        int gapHops = Math.max(1, gap / hop);
        List<Integer> out = new ArrayList<>();
        int refractory = (int) (0.04 * sr);
        long last = Long.MIN_VALUE / 2;
        for (int k = 0; k < hops; k++) {
            double bg = 0;
            for (int j = gapHops; j < gapHops + backHops; j++) {
                bg = Math.max(bg, energy[Math.floorMod(k - j, hops)]);
            }
            if (energy[k] > 4.0 * bg && energy[k] > 1e-4 * maxEnergy) {
                int start = k * hop;
                if (start - last < refractory) {
                    continue;
                }
                int refined = refine(x, start - window, (int) (0.015 * sr), Math.sqrt(bg));
                if (refined - last < refractory) {
                    continue;
                }
                out.add(Math.floorMod(refined, n));
                last = refined;
            }
        }
        // The scan starts at frame 0, so an onset found near the end may duplicate one at the start.
        if (out.size() > 1 && Math.floorMod(out.get(0) - out.get(out.size() - 1), n) < refractory) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static int refine(float[] x, int from, int span, double background) {
        int n = x.length;
        double peak = 0;
        for (int i = 0; i < span; i++) {
            peak = Math.max(peak, Math.abs(x[Math.floorMod(from + i, n)]));
        }
        double threshold = Math.max(3.0 * background, 0.2 * peak);
        for (int i = 0; i < span; i++) {
            if (Math.abs(x[Math.floorMod(from + i, n)]) >= threshold) {
                return from + i;
            }
        }
        return from;
    }

    /** Distance in frames from {@code frame} to the nearest of {@code grid} (circular over {@code frames}). */
    static double distanceToGrid(int frame, double[] grid, int frames) {
        double best = Double.MAX_VALUE;
        for (double g : grid) {
            double d = Math.abs(frame - g);
            d = Math.min(d, frames - d);
            best = Math.min(best, d);
        }
        return best;
    }

    /** A spectral peak: frequency in Hz and power (linear). */
    record Peak(double hz, double power) {
        double midi() {
            return 69.0 + 12.0 * Math.log(hz / 440.0) / Math.log(2.0);
        }

        int pitchClass() {
            return Math.floorMod((int) Math.round(midi()), 12);
        }
    }

    /** Welch-averaged power spectrum of the mono sum (Hann windows of {@code size}, half overlap). */
    static double[] powerSpectrum(AudioBuffer clip, int size) {
        float[] mono = clip.toMono().channel(0);
        RealFft fft = new RealFft(size);
        float[] frame = new float[size];
        float[] re = new float[fft.bins()];
        float[] im = new float[fft.bins()];
        double[] power = new double[fft.bins()];
        int count = 0;
        for (int start = 0; start + size <= mono.length; start += size / 2) {
            for (int i = 0; i < size; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
                frame[i] = (float) (mono[start + i] * w);
            }
            fft.forward(frame, re, im);
            for (int k = 0; k < power.length; k++) {
                power[k] += (double) re[k] * re[k] + (double) im[k] * im[k];
            }
            count++;
        }
        for (int k = 0; k < power.length; k++) {
            power[k] /= Math.max(1, count);
        }
        return power;
    }

    /** The strongest {@code count} local maxima between {@code loHz} and {@code hiHz}, strongest first. */
    static List<Peak> topPeaks(AudioBuffer clip, int size, double loHz, double hiHz, int count) {
        double[] p = powerSpectrum(clip, size);
        double binHz = clip.sampleRate() / (double) size;
        List<Peak> peaks = new ArrayList<>();
        int lo = Math.max(2, (int) Math.ceil(loHz / binHz));
        int hi = Math.min(p.length - 3, (int) Math.floor(hiHz / binHz));
        for (int k = lo; k <= hi; k++) {
            if (p[k] > p[k - 1] && p[k] >= p[k + 1] && p[k] > p[k - 2] && p[k] >= p[k + 2]) {
                // Parabolic interpolation on log power (Smith and Serra, PARSHL, 1987).
                double a = Math.log(p[k - 1] + 1e-30);
                double b = Math.log(p[k] + 1e-30);
                double c = Math.log(p[k + 1] + 1e-30);
                double offset = 0.5 * (a - c) / (a - 2 * b + c);
                peaks.add(new Peak((k + offset) * binHz, p[k]));
            }
        }
        peaks.sort((u, v) -> Double.compare(v.power(), u.power()));
        return peaks.subList(0, Math.min(count, peaks.size()));
    }

    /** Largest jump at the loop seam (last sample to first) over the channels. */
    static double seamJump(AudioBuffer clip) {
        double worst = 0;
        for (int c = 0; c < clip.channels(); c++) {
            float[] ch = clip.channel(c);
            worst = Math.max(worst, Math.abs(ch[0] - ch[ch.length - 1]));
        }
        return worst;
    }

    /** Largest sample-to-sample jump within {@code frames} of the seam on either side, the seam itself excluded. */
    static double jumpNearSeam(AudioBuffer clip, int frames) {
        int n = clip.frames();
        double worst = 0;
        for (int c = 0; c < clip.channels(); c++) {
            float[] ch = clip.channel(c);
            for (int i = 1; i < frames; i++) {
                worst = Math.max(worst, Math.abs(ch[i] - ch[i - 1]));
                worst = Math.max(worst, Math.abs(ch[n - i] - ch[n - i - 1]));
            }
        }
        return worst;
    }

    /**
     * A quantile of the sample-to-sample jumps inside the clip, over all channels, from a 65 536-bin histogram
     * (linear time; the result is the upper edge of the bin, so it errs on the high side by at most 1/65 536 of
     * the largest jump).
     */
    static double jumpQuantile(AudioBuffer clip, double quantile) {
        int n = clip.frames();
        double max = 0;
        for (int c = 0; c < clip.channels(); c++) {
            float[] ch = clip.channel(c);
            for (int i = 1; i < n; i++) {
                max = Math.max(max, Math.abs(ch[i] - ch[i - 1]));
            }
        }
        if (max == 0) {
            return 0;
        }
        int bins = 1 << 16;
        long[] histogram = new long[bins];
        double scale = (bins - 1) / max;
        long total = 0;
        for (int c = 0; c < clip.channels(); c++) {
            float[] ch = clip.channel(c);
            for (int i = 1; i < n; i++) {
                histogram[(int) (Math.abs(ch[i] - ch[i - 1]) * scale)]++;
                total++;
            }
        }
        long target = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int b = 0; b < bins; b++) {
            seen += histogram[b];
            if (seen >= target) {
                return (b + 1) / scale;
            }
        }
        return max;
    }

    static double mean(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }

    static boolean hasNaN(AudioBuffer clip) {
        for (int c = 0; c < clip.channels(); c++) {
            for (float v : clip.channel(c)) {
                if (!Float.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    static double db(double linear) {
        return 20.0 * Math.log10(Math.max(linear, 1e-12));
    }
}
