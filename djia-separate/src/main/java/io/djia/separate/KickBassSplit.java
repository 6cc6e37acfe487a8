package io.djia.separate;

import java.util.Arrays;

/**
 * Tells kick drums from bass under the crossover, where median-filter HPSS cannot: at 40-150 Hz a kick's tail is
 * as "horizontal" as a bass note, and a bass note's harmonics are as "vertical" as a kick. Two cues decide:
 * <ul>
 *   <li>Decay: a kick dies away right after its onset, a bass note holds its level. A bin is held when its level
 *       half a lag and a whole lag earlier (or later) is close to the current level; the decay evidence is
 *       {@code 1 - closeness^2}.</li>
 *   <li>Repetition: drum hits repeat every beat or bar with the same level, while the bass changes with the
 *       harmony. The repeating share of a bin is the median of its level over all repetitions of the clip's
 *       period, divided by its level (REPET: Rafii and Pardo, "REpeating Pattern Extraction Technique",
 *       IEEE TASLP 2013), with the period taken from the autocorrelation of the low-band magnitudes.</li>
 * </ul>
 * The kick share is {@code repetition * sqrt(decay)}, hardened by an exponent. Not thread-safe; allocates per call.
 */
final class KickBassSplit {
    private static final double MIN_PERIOD_SECONDS = 0.2;
    private static final double MAX_PERIOD_SECONDS = 8.0;
    private static final double PEAK_SHARE = 0.9;

    private KickBassSplit() {
    }

    /**
     * The kick share {@code [frame][bin]} for bins {@code 0 .. lowBins - 1} of the magnitude spectrogram.
     *
     * @param framesPerSecond STFT frame rate (sample rate / hop)
     */
    static float[][] kickShare(float[][] magnitude, int lowBins, double framesPerSecond, double decayLagMs,
                               double sharpness) {
        int frames = magnitude.length;
        float[][] smoothed = smoothAcrossBins(magnitude, lowBins);
        int lag = Math.max(2, (int) Math.round(decayLagMs / 1000.0 * framesPerSecond));
        int halfLag = Math.max(1, lag / 2);
        double period = repetitionPeriod(magnitude, lowBins, (int) Math.round(MIN_PERIOD_SECONDS * framesPerSecond),
                (int) Math.round(MAX_PERIOD_SECONDS * framesPerSecond));
        float[][] repeating = period > 0 ? repeatingShare(magnitude, lowBins, period) : null;
        float[][] kick = new float[frames][lowBins];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < lowBins; k++) {
                double level = smoothed[t][k] + 1e-9;
                double past = Math.min(closeness(at(smoothed, t - halfLag, k) / level),
                        closeness(at(smoothed, t - lag, k) / level));
                double future = Math.min(closeness(at(smoothed, t + halfLag, k) / level),
                        closeness(at(smoothed, t + lag, k) / level));
                double held = Math.max(past, future);
                double decay = 1 - held * held;
                double share = (repeating == null ? 1.0 : repeating[t][k]) * Math.sqrt(decay);
                kick[t][k] = (float) harden(share, sharpness);
            }
        }
        return kick;
    }

    /** {@code x^p / (x^p + (1-x)^p)}: pushes shares towards 0 or 1, keeping 0.5 where it is. */
    static double harden(double x, double p) {
        double a = Math.pow(x, p);
        double b = Math.pow(1 - x, p);
        return a / (a + b + 1e-12);
    }

    /** Ratio folded into (0, 1]: 1 when equal, small when either side is much larger. */
    static double closeness(double ratio) {
        return ratio > 1 ? 1 / ratio : ratio;
    }

    private static double at(float[][] m, int t, int k) {
        return t < 0 || t >= m.length ? 0 : m[t][k];
    }

    /** Sum over each bin and its two neighbours, which steadies the level of partials beating inside a bin. */
    private static float[][] smoothAcrossBins(float[][] magnitude, int lowBins) {
        int bins = magnitude[0].length;
        float[][] out = new float[magnitude.length][lowBins];
        for (int t = 0; t < magnitude.length; t++) {
            float[] m = magnitude[t];
            for (int k = 0; k < lowBins; k++) {
                float sum = m[k];
                if (k > 0) {
                    sum += m[k - 1];
                }
                if (k + 1 < bins) {
                    sum += m[k + 1];
                }
                out[t][k] = sum;
            }
        }
        return out;
    }

    /**
     * The repetition period in frames (fractional), or 0 when the clip holds fewer than two periods: the
     * shortest lag whose low-band autocorrelation is a local peak within 90% of the highest, refined by a
     * parabola through the peak.
     */
    static double repetitionPeriod(float[][] magnitude, int lowBins, int minLag, int maxLag) {
        int frames = magnitude.length;
        int last = Math.min(maxLag, frames / 2);
        if (last <= minLag + 1) {
            return 0;
        }
        double[] ac = new double[last + 2];
        double best = 0;
        for (int lag = minLag - 1; lag <= last + 1 && lag < frames; lag++) {
            double sum = 0;
            for (int t = 0; t + lag < frames; t++) {
                float[] a = magnitude[t];
                float[] b = magnitude[t + lag];
                for (int k = 1; k < lowBins; k++) {
                    sum += a[k] * b[k];
                }
            }
            ac[lag] = sum / (frames - lag);
            if (lag >= minLag && lag <= last) {
                best = Math.max(best, ac[lag]);
            }
        }
        if (best <= 0) {
            return 0;
        }
        for (int lag = minLag; lag <= last; lag++) {
            if (ac[lag] >= PEAK_SHARE * best && ac[lag] >= ac[lag - 1] && ac[lag] >= ac[lag + 1]) {
                double a = ac[lag - 1];
                double b = ac[lag];
                double c = ac[lag + 1];
                double curvature = a - 2 * b + c;
                return curvature == 0 ? lag : lag + 0.5 * (a - c) / curvature;
            }
        }
        return 0;
    }

    /** min(1, median over the repetitions of a bin's level at the same phase of the period / its level). */
    static float[][] repeatingShare(float[][] magnitude, int lowBins, double period) {
        int frames = magnitude.length;
        float[][] out = new float[frames][lowBins];
        int repetitions = (int) Math.ceil(frames / period) + 1;
        float[] values = new float[repetitions];
        int[] index = new int[repetitions];
        for (int t = 0; t < frames; t++) {
            double phase = t - Math.floor(t / period) * period;
            int n = 0;
            for (int r = 0; r < repetitions; r++) {
                int i = (int) Math.round(phase + r * period);
                if (i < frames) {
                    index[n++] = i;
                }
            }
            for (int k = 0; k < lowBins; k++) {
                for (int j = 0; j < n; j++) {
                    values[j] = magnitude[index[j]][k];
                }
                Arrays.sort(values, 0, n);
                float median = (n & 1) == 1 ? values[n / 2] : 0.5f * (values[n / 2 - 1] + values[n / 2]);
                float level = magnitude[t][k];
                out[t][k] = level <= 0 ? 0f : Math.min(1f, median / level);
            }
        }
        return out;
    }
}
