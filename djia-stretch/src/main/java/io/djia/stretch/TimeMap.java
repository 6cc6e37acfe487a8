package io.djia.stretch;

/**
 * Piecewise-linear map between the phase vocoder's input position {@code w} (frames after the pitch
 * resampler) and stretched time {@code S(w)}: each segment starts where the ratio changed and grows by the
 * effective ratio per input frame. Frames are scheduled at {@code S^-1(o - latency)}, so a ratio change moves
 * later frames only and the latency stays constant.
 *
 * <p>Holds the last {@value #CAPACITY} segments, far more than the ratio changes inside one latency span;
 * queries before the oldest kept segment extend it. Not thread-safe, no allocation after construction.
 */
final class TimeMap {
    private static final int CAPACITY = 64;

    private final long[] startInput = new long[CAPACITY];
    private final double[] startStretched = new double[CAPACITY];
    private final double[] slope = new double[CAPACITY];
    private int newest;
    private int count;

    TimeMap(double initialRatio) {
        reset(initialRatio);
    }

    void reset(double ratio) {
        newest = 0;
        count = 1;
        startInput[0] = 0;
        startStretched[0] = 0;
        slope[0] = ratio;
    }

    /** From input frame {@code w} on, stretched time grows by {@code ratio} per frame. */
    void change(long w, double ratio) {
        double s = stretchedAt(w);
        if (startInput[newest] == w) {
            slope[newest] = ratio;
            return;
        }
        newest = (newest + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
        startInput[newest] = w;
        startStretched[newest] = s;
        slope[newest] = ratio;
    }

    /** Stretched time of input position {@code w}. */
    double stretchedAt(double w) {
        int i = newest;
        for (int n = 1; n < count && startInput[i] > w; n++) {
            i = (i - 1 + CAPACITY) % CAPACITY;
        }
        return startStretched[i] + (w - startInput[i]) * slope[i];
    }

    /** Input position whose stretched time is {@code s}. */
    double inputAt(double s) {
        int i = newest;
        for (int n = 1; n < count && startStretched[i] > s; n++) {
            i = (i - 1 + CAPACITY) % CAPACITY;
        }
        return startInput[i] + (s - startStretched[i]) / slope[i];
    }

    /** Ratio in force at stretched time {@code s}. */
    double ratioAtStretched(double s) {
        int i = newest;
        for (int n = 1; n < count && startStretched[i] > s; n++) {
            i = (i - 1 + CAPACITY) % CAPACITY;
        }
        return slope[i];
    }
}
