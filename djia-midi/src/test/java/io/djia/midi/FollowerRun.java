package io.djia.midi;

/**
 * Feeds simulated ticks (after a Start) to a follower and records, at every tick, the tempo error and the
 * errors of its predictions of the next beat and the next bar against the master's true tick times.
 */
final class FollowerRun {
    final double[] trueNanos;
    final double[] trueBpm;
    final double[] bpmError;
    final double[] nextBeatErrorNanos;
    final double[] nextBarErrorNanos;
    final boolean[] locked;
    final long[] tick;
    final ClockFollower follower;

    private FollowerRun(ClockFollower follower, double[] trueNanos) {
        this.follower = follower;
        this.trueNanos = trueNanos;
        int n = trueNanos.length;
        trueBpm = new double[n];
        bpmError = new double[n];
        nextBeatErrorNanos = new double[n];
        nextBarErrorNanos = new double[n];
        locked = new boolean[n];
        tick = new long[n];
        java.util.Arrays.fill(bpmError, Double.NaN);
        java.util.Arrays.fill(nextBeatErrorNanos, Double.NaN);
        java.util.Arrays.fill(nextBarErrorNanos, Double.NaN);
    }

    /** Sends Start just before tick 0, then every tick through {@code source}. */
    static FollowerRun run(ClockFollower follower, SimulatedClockSource source, double[] trueNanos) {
        FollowerRun run = new FollowerRun(follower, trueNanos);
        int n = trueNanos.length;
        int ticksPerBar = 24 * follower.options().beatsPerBar();
        follower.accept(ClockEvent.of(ClockEvent.Type.START, (long) trueNanos[0] - 1_000_000));
        for (int k = 0; k < n; k++) {
            run.trueBpm[k] = k + 1 < n ? 60e9 / (24 * (trueNanos[k + 1] - trueNanos[k])) : run.trueBpm[k - 1];
            long arrival = source.arrival(trueNanos[k]);
            if (arrival != Long.MIN_VALUE) {
                follower.accept(ClockEvent.clock(arrival));
            }
            ClockState s = follower.snapshot();
            run.locked[k] = s.locked();
            run.tick[k] = s.tick();
            if (Double.isNaN(s.nanosPerTick())) {
                continue;
            }
            run.bpmError[k] = s.bpm() - run.trueBpm[k];
            int nextBeat = (k / 24 + 1) * 24;
            if (nextBeat < n) {
                run.nextBeatErrorNanos[k] = s.predictTickNanos(nextBeat) - trueNanos[nextBeat];
            }
            int nextBar = (k / ticksPerBar + 1) * ticksPerBar;
            if (nextBar < n) {
                run.nextBarErrorNanos[k] = s.predictTickNanos(nextBar) - trueNanos[nextBar];
            }
        }
        return run;
    }

    static double mean(double[] values, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                count++;
            }
        }
        return sum / count;
    }

    static double std(double[] values, int from, int to) {
        double m = mean(values, from, to);
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                sum += (values[i] - m) * (values[i] - m);
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }

    static double maxAbs(double[] values, int from, int to) {
        double max = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                max = Math.max(max, Math.abs(values[i]));
            }
        }
        return max;
    }

    static double rms(double[] values, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i] * values[i];
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }
}
