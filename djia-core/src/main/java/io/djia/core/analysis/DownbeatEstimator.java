package io.djia.core.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bar starts from tracked beats: of the {@code beatsPerBar} ways to group the beats into bars, the one
 * whose first beats carry the most low-frequency onset energy (kick and bass), the biggest harmonic
 * change and the strongest accents. Each cue is standardised over the beats before the three are added,
 * weighted 1, 1 and 0.5. Stateless and thread-safe.
 */
public final class DownbeatEstimator {
    private static final double ACCENT_WEIGHT = 0.5;

    private DownbeatEstimator() {
    }

    /**
     * Index (0 .. beatsPerBar-1) of the first beat that starts a bar.
     *
     * @param chromagram may be null when no harmonic cue is available
     */
    public static int phase(double[] beatTimes, OnsetEnvelope envelope, Chromagram chromagram, int beatsPerBar) {
        Objects.requireNonNull(beatTimes, "beatTimes");
        Objects.requireNonNull(envelope, "envelope");
        if (beatsPerBar < 1) {
            throw new IllegalArgumentException("beats per bar must be >= 1, got " + beatsPerBar);
        }
        int n = beatTimes.length;
        if (beatsPerBar == 1 || n < 2) {
            return 0;
        }
        double[] low = new double[n];
        double[] accent = new double[n];
        double[] change = new double[n];
        float[] lowStrength = envelope.lowBandView();
        float[] strength = envelope.accentView();
        int radius = Math.max(1, (int) Math.round(0.03 * envelope.framesPerSecond()));
        for (int i = 0; i < n; i++) {
            // The envelope peaks a little before the onset time reported for it.
            int frame = envelope.frameAtSeconds(beatTimes[i] - OnsetDetector.leadSeconds(envelope));
            for (int t = Math.max(0, frame - radius); t <= Math.min(strength.length - 1, frame + radius); t++) {
                low[i] = Math.max(low[i], lowStrength[t]);
                accent[i] = Math.max(accent[i], strength[t]);
            }
            if (chromagram != null) {
                double previous = i > 0 ? beatTimes[i - 1] : beatTimes[i] - (beatTimes[1] - beatTimes[0]);
                double next = i + 1 < n ? beatTimes[i + 1] : beatTimes[i] + (beatTimes[i] - previous);
                change[i] = 1 - cosine(chromagram.meanBetween(previous, beatTimes[i]),
                        chromagram.meanBetween(beatTimes[i], next));
            }
        }
        standardise(low);
        standardise(accent);
        standardise(change);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < beatsPerBar; p++) {
            double sum = 0;
            int count = 0;
            for (int i = p; i < n; i += beatsPerBar) {
                sum += low[i] + change[i] + ACCENT_WEIGHT * accent[i];
                count++;
            }
            double score = count == 0 ? Double.NEGATIVE_INFINITY : sum / count;
            if (score > bestScore + 1e-12) {
                bestScore = score;
                best = p;
            }
        }
        return best;
    }

    /** Times of the beats that start bars. */
    public static double[] barStarts(double[] beatTimes, OnsetEnvelope envelope, Chromagram chromagram, int beatsPerBar) {
        int p = phase(beatTimes, envelope, chromagram, beatsPerBar);
        int count = beatTimes.length <= p ? 0 : (beatTimes.length - p + beatsPerBar - 1) / beatsPerBar;
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            out[j] = beatTimes[p + j * beatsPerBar];
        }
        return out;
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return (aa > 0 && bb > 0) ? ab / Math.sqrt(aa * bb) : 1;
    }

    /** In place: zero mean, unit standard deviation; all zeros when constant. */
    private static void standardise(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, x.length));
        for (int i = 0; i < x.length; i++) {
            x[i] = sd > 1e-12 ? (x[i] - mean) / sd : 0;
        }
    }
}
