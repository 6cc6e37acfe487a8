package io.djia.midi;

/**
 * The last few clock ticks (stream index, arrival nanos) and a least-squares line through them:
 * {@code time = anchorNanos + (tick - anchorTick) * nanosPerTick}.
 *
 * <p>The slope may lean on a prior (a slope and the weight of the data it came from, in ticks squared):
 * minimising {@code sum (y - a - b x)^2 + w (b - b0)^2} gives {@code b = (Sxy + w b0) / (Sxx + w)} on centred
 * data, which lets the tempo carry over a phase reset (Start, Continue) while the phase is re-measured.
 * Coordinates are taken relative to the newest point, so nanosecond stamps of any size keep full precision.
 * Solving is O(size) from scratch each time: with a few hundred points that costs well under a microsecond
 * and, unlike running sums with removals, cannot drift over an hour. Single-threaded.
 */
final class TickWindow {
    private final long[] ticks;
    private final long[] nanos;
    private int oldest;
    private int size;

    private boolean solved;
    private long anchorTick;
    private double anchorNanos;
    private double nanosPerTick = Double.NaN;
    private double meanX;
    private double sxx;
    private double priorWeight;

    TickWindow(int capacity) {
        this.ticks = new long[capacity];
        this.nanos = new long[capacity];
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == ticks.length;
    }

    /** Appends a point, dropping the oldest when full. Ticks must increase. */
    void add(long tick, long timeNanos) {
        if (size == ticks.length) {
            oldest = (oldest + 1) % ticks.length;
            size--;
        }
        int slot = (oldest + size) % ticks.length;
        ticks[slot] = tick;
        nanos[slot] = timeNanos;
        size++;
        solved = false;
    }

    void clear() {
        size = 0;
        oldest = 0;
        solved = false;
    }

    /** Keeps only the points whose tick is at least {@code firstTick}, and never fewer than {@code minKeep}. */
    void dropBefore(long firstTick, int minKeep) {
        while (size > minKeep && ticks[oldest] < firstTick) {
            oldest = (oldest + 1) % ticks.length;
            size--;
        }
        solved = false;
    }

    long tick(int i) {
        return ticks[(oldest + i) % ticks.length];
    }

    long timeNanos(int i) {
        return nanos[(oldest + i) % ticks.length];
    }

    long newestTick() {
        return tick(size - 1);
    }

    long newestNanos() {
        return timeNanos(size - 1);
    }

    /**
     * Fits the line. Returns false (and leaves no slope) when there is one point and no prior, or none at all.
     *
     * @param priorNanosPerTick slope to lean on, ignored when {@code priorWeightTicks2} is 0
     * @param priorWeightTicks2 how much data the prior stands for, as a sum of squared tick deviations
     */
    boolean solve(double priorNanosPerTick, double priorWeightTicks2) {
        solved = false;
        if (size == 0 || (size == 1 && !(priorWeightTicks2 > 0))) {
            return false;
        }
        long baseTick = newestTick();
        long baseNanos = newestNanos();
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < size; i++) {
            sumX += tick(i) - baseTick;
            sumY += timeNanos(i) - baseNanos;
        }
        double mx = sumX / size;
        double my = sumY / size;
        double sx = 0;
        double sxy = 0;
        for (int i = 0; i < size; i++) {
            double dx = (tick(i) - baseTick) - mx;
            sx += dx * dx;
            sxy += dx * ((timeNanos(i) - baseNanos) - my);
        }
        double w = priorWeightTicks2 > 0 ? priorWeightTicks2 : 0;
        double slope = (sxy + w * (w > 0 ? priorNanosPerTick : 0)) / (sx + w);
        if (!(slope > 0)) {
            return false;
        }
        nanosPerTick = slope;
        anchorTick = baseTick;
        anchorNanos = baseNanos + my - slope * mx;
        meanX = mx;
        sxx = sx;
        priorWeight = w;
        solved = true;
        return true;
    }

    boolean isSolved() {
        return solved;
    }

    double nanosPerTick() {
        return nanosPerTick;
    }

    long anchorTick() {
        return anchorTick;
    }

    /** Fitted time of {@link #anchorTick()} (the newest point's tick). */
    double anchorNanos() {
        return anchorNanos;
    }

    /** Fitted time of {@code tick}. */
    double predict(long tick) {
        return anchorNanos + (tick - anchorTick) * nanosPerTick;
    }

    /** Sum of squared tick deviations of the data plus the prior's weight: the slope's information. */
    double slopeInformation() {
        return sxx + priorWeight;
    }

    /**
     * Variance of the fitted time at {@code tick} in units of the per-tick noise variance:
     * {@code 1/n + (x - mean)^2 / (Sxx + w)} (the standard regression prediction variance).
     */
    double leverage(long tick) {
        double dx = (tick - anchorTick) - meanX;
        return 1.0 / size + dx * dx / (sxx + priorWeight);
    }
}
