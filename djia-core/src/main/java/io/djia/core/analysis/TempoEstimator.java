package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.RealFft;
import java.util.Objects;

/**
 * Tempo from the autocorrelation of the onset envelope.
 *
 * <ol>
 *   <li>The accent envelope (loud onsets count more than many quiet ones) is smoothed, high-passed (its 1 s
 *       moving mean removed) and autocorrelated through an FFT.</li>
 *   <li>The beat period is the autocorrelation peak with the highest prior-weighted value inside the prior's
 *       range (Ellis 2007 weights by a log-Gaussian tempo preference in the same way).</li>
 *   <li>Octave errors: a period half as long wins when its autocorrelation peak holds at least 80% of the
 *       chosen one's and the onsets half-way between the chosen beats are at least 80% as strong as those on
 *       them (the pulse is really there at the faster rate, not just eighth-note hats or bass); a period
 *       twice as long wins when the chosen peak is under half of it (the chosen one was only a subdivision
 *       the prior favoured).</li>
 *   <li>The period is refined by fitting the peaks at its multiples, which pins it to a fraction of a frame.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class TempoEstimator {
    private static final double FASTER_RATIO = 0.8;
    private static final double FASTER_OFF_BEAT_RATIO = 0.8;
    private static final double SLOWER_RATIO = 0.5;
    private static final int MAX_MULTIPLE = 8;

    private final TempoPrior prior;

    public TempoEstimator() {
        this(TempoPrior.DEFAULT);
    }

    public TempoEstimator(TempoPrior prior) {
        this.prior = Objects.requireNonNull(prior, "prior");
    }

    public TempoPrior prior() {
        return prior;
    }

    /** Tempo of the channels' average. */
    public TempoEstimate estimate(AudioBuffer audio) {
        return estimate(new OnsetDetector().envelope(audio));
    }

    public TempoEstimate estimate(OnsetEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        double fps = envelope.framesPerSecond();
        int n = envelope.frames();
        double minLag = fps * 60.0 / prior.maxBpm();
        double maxLag = fps * 60.0 / prior.minBpm();
        int lags = (int) Math.ceil(Math.max(maxLag, MAX_MULTIPLE * minLag) * 1.05) + 2;
        if (n < 2 * maxLag + 2) {
            return TempoEstimate.NONE;
        }
        double[] smooth = smooth(envelope.accentView());
        double[] r = autocorrelation(highPass(smooth, (int) Math.round(fps)), Math.min(lags, n - 1));
        if (r[0] <= 0) {
            return TempoEstimate.NONE;
        }
        int best = -1;
        double bestScore = 0;
        for (int lag = Math.max(2, (int) Math.floor(minLag)); lag <= Math.min(r.length - 2, (int) Math.ceil(maxLag)); lag++) {
            if (r[lag] <= 0 || r[lag] < r[lag - 1] || r[lag] < r[lag + 1]) {
                continue;
            }
            double peak = lag + Signals.parabolicOffset(r[lag - 1], r[lag], r[lag + 1]);
            double score = value(r, peak) * prior.weight(60.0 * fps / peak);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        if (best < 0) {
            return TempoEstimate.NONE;
        }
        double period = peakNear(r, best, 1);
        for (int step = 0; step < 2; step++) {
            double faster = period / 2;
            if (60.0 * fps / faster <= prior.maxBpm() && value(r, peakNear(r, faster, 2)) >= FASTER_RATIO * value(r, period)
                    && offBeatRatio(smooth, refineWithMultiples(r, period)) >= FASTER_OFF_BEAT_RATIO) {
                period = peakNear(r, faster, 2);
                continue;
            }
            double slower = period * 2;
            if (60.0 * fps / slower >= prior.minBpm() && slower < r.length - 2
                    && value(r, period) < SLOWER_RATIO * value(r, peakNear(r, slower, 2))) {
                period = peakNear(r, slower, 2);
                continue;
            }
            break;
        }
        period = refineWithMultiples(r, period);
        double bpm = 60.0 * fps / period;
        double confidence = Math.max(0, Math.min(1, value(r, period) / r[0]));
        if (bpm < 20 || bpm > 400) {
            return TempoEstimate.NONE;
        }
        return new TempoEstimate(bpm, confidence);
    }

    /** The envelope smoothed over five frames, so a period that falls between two lags still shows its peak. */
    private static double[] smooth(float[] raw) {
        int n = raw.length;
        double[] x = new double[n];
        double[] kernel = {1, 2, 3, 2, 1};
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = -2; k <= 2; k++) {
                int j = Math.max(0, Math.min(n - 1, i + k));
                s += kernel[k + 2] * raw[j];
            }
            x[i] = s / 9.0;
        }
        return x;
    }

    /**
     * Off-beat over on-beat strength for a period: the phase whose pulse train collects the most onset
     * strength is "on", half a period later is "off", and each side is measured by the 40th percentile of its
     * onsets, so accented bar starts do not make the on-beats look stronger than a real faster pulse. Near 1
     * when every half period carries equal onsets (the pulse is really twice as fast), well under 1 when the
     * half periods are mere subdivisions. Unlike the autocorrelation ratio, 2a / (1 + a^2) for off/on
     * strength a, this is linear in a.
     */
    static double offBeatRatio(double[] x, double period) {
        int phases = (int) Math.ceil(period);
        double bestMean = 0;
        int bestPhase = -1;
        for (int phase = 0; phase < phases; phase++) {
            double[] on = pulse(x, phase, period);
            double mean = java.util.Arrays.stream(on).average().orElse(0);
            if (mean > bestMean) {
                bestMean = mean;
                bestPhase = phase;
            }
        }
        if (bestPhase < 0) {
            return 0;
        }
        double on = percentile(pulse(x, bestPhase, period), 0.4);
        double off = percentile(pulse(x, bestPhase + period / 2, period), 0.4);
        return on > 0 ? off / on : 0;
    }

    /** Local maxima (+-2 frames) of x at start, start + period, ... */
    private static double[] pulse(double[] x, double start, double period) {
        int count = start < x.length ? (int) Math.ceil((x.length - start) / period) : 0;
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            int centre = (int) Math.round(start + j * period);
            double max = 0;
            for (int i = Math.max(0, centre - 2); i <= Math.min(x.length - 1, centre + 2); i++) {
                max = Math.max(max, x[i]);
            }
            out[j] = max;
        }
        return out;
    }

    private static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.floor(p * (sorted.length - 1))];
    }

    /** x minus its moving mean over {@code width} frames. */
    private static double[] highPass(double[] x, int width) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        double[] out = new double[n];
        int half = Math.max(1, width / 2);
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(n, i + half + 1);
            out[i] = x[i] - (prefix[to] - prefix[from]) / (to - from);
        }
        return out;
    }

    /** Unbiased autocorrelation for lags 0..maxLag, via a zero-padded FFT (Wiener-Khinchin). */
    private static double[] autocorrelation(double[] x, int maxLag) {
        int n = x.length;
        int size = Signals.powerOfTwoAtLeast(2.0 * n);
        RealFft fft = new RealFft(size);
        float[] time = new float[size];
        for (int i = 0; i < n; i++) {
            time[i] = (float) x[i];
        }
        float[] re = new float[fft.bins()];
        float[] im = new float[fft.bins()];
        fft.forward(time, re, im);
        for (int k = 0; k < re.length; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
            im[k] = 0f;
        }
        fft.inverse(re, im, time);
        double[] r = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            r[lag] = time[lag] / (double) (n - lag);
        }
        return r;
    }

    /** Fractional position of the highest local peak within +-radius of {@code around}. */
    private static double peakNear(double[] r, double around, int radius) {
        int centre = (int) Math.round(around);
        int best = -1;
        for (int lag = Math.max(1, centre - radius); lag <= Math.min(r.length - 2, centre + radius); lag++) {
            if (best < 0 || r[lag] > r[best]) {
                best = lag;
            }
        }
        if (best < 0) {
            return around;
        }
        return best + Signals.parabolicOffset(r[best - 1], r[best], r[best + 1]);
    }

    /** Autocorrelation at a fractional lag: the parabola through the three nearest lags. */
    private static double value(double[] r, double lag) {
        int i = (int) Math.round(lag);
        if (i < 1 || i >= r.length - 1) {
            return 0;
        }
        double f = lag - i;
        double a = r[i - 1];
        double b = r[i];
        double c = r[i + 1];
        return b + 0.5 * f * (c - a) + 0.5 * f * f * (a - 2 * b + c);
    }

    /** Least-squares period through the origin from the peaks at 1..8 times the period that stand out. */
    private static double refineWithMultiples(double[] r, double period) {
        double base = value(r, period);
        double sumMp = 0;
        double sumMm = 0;
        double estimate = period;
        for (int m = 1; m <= MAX_MULTIPLE; m++) {
            double expected = m * estimate;
            if (expected + 3 >= r.length) {
                break;
            }
            int radius = Math.max(2, (int) Math.round(0.02 * expected));
            double p = peakNear(r, expected, radius);
            if (value(r, p) < 0.5 * base || Math.abs(p - expected) > 0.03 * expected + 1) {
                break;
            }
            sumMp += m * p;
            sumMm += (double) m * m;
            estimate = sumMp / sumMm;
        }
        return estimate;
    }
}
