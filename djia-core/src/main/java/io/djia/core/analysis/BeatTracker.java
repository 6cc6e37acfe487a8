package io.djia.core.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * Beat tracking by dynamic programming (Ellis 2007, "Beat Tracking by Dynamic Programming").
 *
 * <p>The score of a beat at frame t is the smoothed onset accent there plus the best score of a previous
 * beat at p, less {@code tightness * ln((t - p) / period)^2}, which penalises intervals away from the
 * period. Backtracking from the best final beat gives the sequence; weak beats at either end (before the
 * music starts or after it stops) are trimmed; each beat then snaps to the onset peak within a tenth of a
 * period, refined to a fraction of a frame. Stateless and thread-safe.
 */
public final class BeatTracker {
    private final double tightness;

    /** The usual tightness of 100. */
    public BeatTracker() {
        this(100);
    }

    /** @param tightness weight of the tempo-consistency penalty (> 0); larger keeps beats closer to the period */
    public BeatTracker(double tightness) {
        if (!(tightness > 0)) {
            throw new IllegalArgumentException("tightness must be > 0, got " + tightness);
        }
        this.tightness = tightness;
    }

    /** Beat times in seconds, ascending; empty when {@code bpm} is 0 or the envelope is silent. */
    public double[] track(OnsetEnvelope envelope, double bpm) {
        Objects.requireNonNull(envelope, "envelope");
        if (bpm == 0) {
            return new double[0];
        }
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new IllegalArgumentException("tempo must be 20..400 BPM, got " + bpm);
        }
        float[] onset = envelope.accentView();
        int n = onset.length;
        double period = envelope.framesPerSecond() * 60.0 / bpm;
        if (n < 2 * period) {
            return new double[0];
        }
        double[] local = localScore(onset, period);
        if (local == null) {
            return new double[0];
        }
        int shortest = Math.max(1, (int) Math.round(period / 2));
        int longest = (int) Math.round(2 * period);
        double[] penalty = new double[longest + 1];
        for (int d = shortest; d <= longest; d++) {
            double l = Math.log(d / period);
            penalty[d] = -tightness * l * l;
        }
        double[] cumulative = new double[n];
        int[] backlink = new int[n];
        for (int t = 0; t < n; t++) {
            double best = 0;
            int link = -1;
            for (int d = shortest; d <= longest && t - d >= 0; d++) {
                double candidate = cumulative[t - d] + penalty[d];
                if (candidate > best) {
                    best = candidate;
                    link = t - d;
                }
            }
            cumulative[t] = local[t] + best;
            backlink[t] = link;
        }
        // Final beat: the best cumulative score within the last period.
        int last = n - 1;
        for (int t = n - 1; t >= Math.max(0, n - (int) Math.ceil(period)); t--) {
            if (cumulative[t] > cumulative[last]) {
                last = t;
            }
        }
        int[] reversed = new int[n];
        int count = 0;
        for (int t = last; t >= 0; t = backlink[t]) {
            reversed[count++] = t;
        }
        int[] frames = new int[count];
        for (int i = 0; i < count; i++) {
            frames[i] = reversed[count - 1 - i];
        }
        frames = trim(frames, local);
        double[] times = new double[frames.length];
        int radius = Math.max(1, (int) Math.round(period / 10));
        for (int i = 0; i < frames.length; i++) {
            times[i] = snap(envelope, onset, frames[i], radius);
        }
        return times;
    }

    /**
     * Tempo implied by beat times: the slope of a least-squares line through (beat number, time), where beat
     * numbers count median intervals so that a skipped beat does not bias the slope. 0 for fewer than 4 beats.
     */
    public static double bpmOfBeats(double[] beatTimes) {
        Objects.requireNonNull(beatTimes, "beatTimes");
        int n = beatTimes.length;
        if (n < 4) {
            return 0;
        }
        double[] intervals = new double[n - 1];
        for (int i = 1; i < n; i++) {
            intervals[i - 1] = beatTimes[i] - beatTimes[i - 1];
        }
        double[] sorted = intervals.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        if (!(median > 0)) {
            return 0;
        }
        double sumX = 0, sumY = 0, sumXx = 0, sumXy = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.round((beatTimes[i] - beatTimes[0]) / median);
            double y = beatTimes[i];
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumXy += x * y;
        }
        double denominator = n * sumXx - sumX * sumX;
        if (denominator <= 0) {
            return 0;
        }
        double slope = (n * sumXy - sumX * sumY) / denominator;
        return slope > 0 ? 60.0 / slope : 0;
    }

    /** Onset strength divided by its standard deviation, smoothed by a Gaussian of width period / 32. */
    private static double[] localScore(float[] onset, double period) {
        int n = onset.length;
        double sum = 0, sumSq = 0;
        for (float v : onset) {
            sum += v;
            sumSq += (double) v * v;
        }
        double variance = sumSq / n - (sum / n) * (sum / n);
        if (!(variance > 0)) {
            return null;
        }
        double scale = 1.0 / Math.sqrt(variance);
        double sigma = Math.max(0.5, period / 32);
        int half = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            kernel[k + half] = Math.exp(-0.5 * (k / sigma) * (k / sigma));
        }
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            double s = 0;
            for (int k = -half; k <= half; k++) {
                int i = t + k;
                if (i >= 0 && i < n) {
                    s += kernel[k + half] * onset[i];
                }
            }
            out[t] = s * scale;
        }
        return out;
    }

    /** Drops leading and trailing beats whose local score is under half the RMS of the beats' scores. */
    private static int[] trim(int[] frames, double[] local) {
        if (frames.length == 0) {
            return frames;
        }
        double sumSq = 0;
        for (int f : frames) {
            sumSq += local[f] * local[f];
        }
        double threshold = 0.5 * Math.sqrt(sumSq / frames.length);
        int from = 0;
        int to = frames.length;
        while (from < to && local[frames[from]] < threshold) {
            from++;
        }
        while (to > from && local[frames[to - 1]] < threshold) {
            to--;
        }
        return Arrays.copyOfRange(frames, from, to);
    }

    /** Time of the beat at {@code frame}, moved to the strongest onset peak within +-radius frames if any. */
    private static double snap(OnsetEnvelope envelope, float[] onset, int frame, int radius) {
        int best = frame;
        for (int t = Math.max(1, frame - radius); t <= Math.min(onset.length - 2, frame + radius); t++) {
            if (onset[t] > onset[best]) {
                best = t;
            }
        }
        boolean isPeak = best > 0 && best < onset.length - 1 && onset[best] >= onset[best - 1]
                && onset[best] >= onset[best + 1] && onset[best] > 0;
        if (isPeak) {
            double offset = Signals.parabolicOffset(onset[best - 1], onset[best], onset[best + 1]);
            return envelope.secondsOfFrame(best + offset) + OnsetDetector.leadSeconds(envelope);
        }
        return envelope.secondsOfFrame(frame) + OnsetDetector.leadSeconds(envelope);
    }
}
