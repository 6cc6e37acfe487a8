package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Onset detection by spectral flux with an adaptive threshold.
 *
 * <p>The detection function is the half-wave rectified frame-to-frame rise of log-compressed energy in
 * about 40 logarithmically spaced bands (Bello et al. 2005; Böck and Widmer 2013, "SuperFlux"), on a ~23 ms Hann
 * window every ~5.8 ms. Peaks are picked where the function is a local maximum over +-30 ms, exceeds its mean
 * over the surrounding 100 ms / 70 ms by {@code delta} (a fraction of its maximum), and comes at least 30 ms
 * after the previous onset. Stateless and thread-safe.
 */
public final class OnsetDetector {
    private static final double LOW_HZ = 30.0;
    private static final double HIGH_HZ = 16_000.0;
    private static final double LOW_BAND_LIMIT_HZ = 250.0;
    private static final int BANDS = 40;
    /**
     * Gains applied to band energy (relative to the mean band energy) inside log(1 + gain * energy). The onset
     * strength compresses hard so that soft onsets register; the accent compresses mildly, so that a broadband
     * but quiet hi-hat does not outweigh a kick, which is what tempo and beat decisions need.
     */
    private static final double ONSET_COMPRESSION = 1000.0;
    private static final double ACCENT_COMPRESSION = 5.0;

    private final double delta;

    /** Detector with the default threshold (7% of the strongest flux above the local mean). */
    public OnsetDetector() {
        this(0.07);
    }

    /** @param delta threshold above the local mean as a fraction of the maximum flux, in (0, 1) */
    public OnsetDetector(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("onset threshold delta must be in (0, 1), got " + delta);
        }
        this.delta = delta;
    }

    /** Hop for a sample rate: the power of two nearest to 5.8 ms (256 at 44.1 and 48 kHz). */
    static int hopFor(int sampleRate) {
        return Signals.powerOfTwoNear(sampleRate / 172.0);
    }

    /** Onset envelope of the channels' average. */
    public OnsetEnvelope envelope(AudioBuffer audio) {
        Objects.requireNonNull(audio, "audio");
        return envelope(Signals.mono(audio), audio.sampleRate());
    }

    /** Onset envelope of a mono signal. */
    public OnsetEnvelope envelope(float[] mono, int sampleRate) {
        Objects.requireNonNull(mono, "mono");
        if (sampleRate < 8_000) {
            throw new IllegalArgumentException("onset detection needs at least 8000 Hz, got " + sampleRate);
        }
        int hop = hopFor(sampleRate);
        int fftSize = 4 * hop;
        Stft stft = new Stft(fftSize, hop, WindowType.HANN);
        int[] bandStart = bandEdges(sampleRate, fftSize);
        int bands = bandStart.length - 1;
        int lowBands = 0;
        while (lowBands < bands && bandStart[lowBands + 1] * (double) sampleRate / fftSize <= LOW_BAND_LIMIT_HZ) {
            lowBands++;
        }
        int frames = stft.frameCount(mono.length);
        float[][] energy = new float[frames][bands];
        double[] total = new double[1];
        stft.forEachFrame(mono, (t, re, im) -> {
            float[] e = energy[t];
            for (int b = 0; b < bands; b++) {
                double s = 0;
                for (int k = bandStart[b]; k < bandStart[b + 1]; k++) {
                    s += (double) re[k] * re[k] + (double) im[k] * im[k];
                }
                e[b] = (float) s;
                total[0] += s;
            }
        });
        double mean = total[0] / ((double) frames * bands);
        float[] strength = new float[frames];
        float[] accent = new float[frames];
        float[] low = new float[frames];
        if (mean > 0) {
            flux(energy, ONSET_COMPRESSION / mean, bands, strength, null, 0);
            flux(energy, ACCENT_COMPRESSION / mean, bands, accent, low, lowBands);
        }
        return new OnsetEnvelope(strength, accent, low, hop, fftSize, sampleRate);
    }

    /**
     * Rectified rise of log(1 + gain * energy) summed over bands into {@code out}; the part from the first
     * {@code lowBands} bands also into {@code lowOut} when given.
     */
    private static void flux(float[][] energy, double gain, int bands, float[] out, float[] lowOut, int lowBands) {
        float[] previous = new float[bands];
        float[] current = new float[bands];
        for (int t = 0; t < energy.length; t++) {
            for (int b = 0; b < bands; b++) {
                // Math.log is an intrinsic; log1p is not, and the precision near zero does not matter here.
                current[b] = (float) Math.log(1.0 + gain * energy[t][b]);
            }
            double sum = 0;
            double lowSum = 0;
            for (int b = 0; b < bands && t > 0; b++) {
                // SuperFlux: compare with the loudest neighbouring band of the previous frame, so a sweeping
                // kick or a vibrato does not count as a new onset.
                float reference = previous[b];
                if (b > 0) {
                    reference = Math.max(reference, previous[b - 1]);
                }
                if (b < bands - 1) {
                    reference = Math.max(reference, previous[b + 1]);
                }
                double rise = current[b] - reference;
                if (rise > 0) {
                    sum += rise;
                    if (b < lowBands) {
                        lowSum += rise;
                    }
                }
            }
            out[t] = (float) sum;
            if (lowOut != null) {
                lowOut[t] = (float) lowSum;
            }
            float[] swap = previous;
            previous = current;
            current = swap;
        }
    }

    /** Onset times in seconds, ascending. */
    public double[] onsetTimes(OnsetEnvelope envelope) {
        float[] d = envelope.strengthView();
        int n = d.length;
        double max = 0;
        for (float v : d) {
            max = Math.max(max, v);
        }
        if (max <= 0) {
            return new double[0];
        }
        double fps = envelope.framesPerSecond();
        int localMax = Math.max(1, (int) Math.round(0.03 * fps));
        int before = Math.max(1, (int) Math.round(0.10 * fps));
        int after = Math.max(1, (int) Math.round(0.07 * fps));
        int minGap = Math.max(1, (int) Math.round(0.03 * fps));
        double threshold = delta * max;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + d[i];
        }
        double[] out = new double[16];
        int count = 0;
        int last = Integer.MIN_VALUE / 2;
        for (int t = 1; t < n - 1; t++) {
            if (t - last < minGap || d[t] <= 0) {
                continue;
            }
            boolean peak = true;
            for (int j = Math.max(0, t - localMax); j <= Math.min(n - 1, t + localMax) && peak; j++) {
                if (d[j] > d[t] || (d[j] == d[t] && j < t)) {
                    peak = false;
                }
            }
            if (!peak) {
                continue;
            }
            int from = Math.max(0, t - before);
            int to = Math.min(n, t + after + 1);
            double localMean = (prefix[to] - prefix[from]) / (to - from);
            if (d[t] < localMean + threshold) {
                continue;
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, count * 2);
            }
            out[count++] = onsetSeconds(envelope, t);
            last = t;
        }
        return Arrays.copyOf(out, count);
    }

    /** Onsets of the channels' average, in seconds. */
    public double[] onsetTimes(AudioBuffer audio) {
        return onsetTimes(envelope(audio));
    }

    /**
     * Time of the onset whose flux peaks at frame {@code t}: the peak refined by a parabola, then moved later
     * by the detector's lead. Log flux rises as soon as a sound enters the right edge of the window, so the
     * peak precedes the true onset by about half a window less one hop.
     */
    static double onsetSeconds(OnsetEnvelope envelope, int t) {
        float[] d = envelope.strengthView();
        double offset = (t > 0 && t < d.length - 1) ? Signals.parabolicOffset(d[t - 1], d[t], d[t + 1]) : 0;
        return envelope.secondsOfFrame(t + offset) + leadSeconds(envelope);
    }

    /** Systematic lead of the flux peak over the onset, in seconds. */
    static double leadSeconds(OnsetEnvelope envelope) {
        return LEAD_HOPS * envelope.hopSize() / envelope.sampleRate();
    }

    /**
     * Measured lead of the flux peak over sharp onsets (clicks, kicks, snares, hats) with this window and hop:
     * 0.75 to 1.0 hops. Soft attacks of about 10 ms peak on time, so they come out up to one hop late.
     */
    private static final double LEAD_HOPS = 0.8;

    /** Bin boundaries of the log-spaced bands: band b covers bins [edge[b], edge[b + 1]). */
    private static int[] bandEdges(int sampleRate, int fftSize) {
        double binHz = sampleRate / (double) fftSize;
        double high = Math.min(HIGH_HZ, 0.45 * sampleRate);
        int[] edges = new int[BANDS + 1];
        int count = 0;
        int previous = -1;
        for (int i = 0; i <= BANDS; i++) {
            double hz = LOW_HZ * Math.pow(high / LOW_HZ, i / (double) BANDS);
            int bin = Math.max(1, (int) Math.round(hz / binHz));
            if (bin > previous) {
                edges[count++] = bin;
                previous = bin;
            }
        }
        return Arrays.copyOf(edges, count);
    }
}
