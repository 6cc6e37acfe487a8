package io.djia.midi;

import java.util.SplittableRandom;

/**
 * A simulated clock master and the path its ticks take to us. The master's true tick times come from a tempo
 * that may step or ramp; on the way each tick is moved to the nearest audio block boundary (a DAW that emits
 * clock from its audio callback), delayed by Gaussian jitter, its timestamp rounded (a millisecond driver
 * clock), and with set probabilities dropped or delayed a lot (an outlier). Seeded: the same seed gives the
 * same arrivals.
 */
final class SimulatedClockSource {
    static final long START_NANOS = 1_000_000_000L;

    private double jitterMs;
    private double timestampResolutionMs;
    private int sampleRate;
    private int blockFrames;
    private double dropProbability;
    private double outlierProbability;
    private double outlierMinMs;
    private double outlierMaxMs;
    private final SplittableRandom random;
    private long lastArrival = Long.MIN_VALUE;

    SimulatedClockSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Gaussian jitter 0.5 ms, 1 ms timestamps, 256-frame blocks at 48 kHz: the hard case of the targets. */
    static SimulatedClockSource realistic(long seed) {
        return new SimulatedClockSource(seed).jitterMs(0.5).timestampResolutionMs(1.0).blocks(48_000, 256);
    }

    SimulatedClockSource jitterMs(double value) {
        jitterMs = value;
        return this;
    }

    SimulatedClockSource timestampResolutionMs(double value) {
        timestampResolutionMs = value;
        return this;
    }

    SimulatedClockSource blocks(int rate, int frames) {
        sampleRate = rate;
        blockFrames = frames;
        return this;
    }

    SimulatedClockSource drops(double probability) {
        dropProbability = probability;
        return this;
    }

    SimulatedClockSource outliers(double probability, double minMs, double maxMs) {
        outlierProbability = probability;
        outlierMinMs = minMs;
        outlierMaxMs = maxMs;
        return this;
    }

    /** True tick times for {@code ticks} ticks at a constant tempo, by multiplication (no accumulated error). */
    static double[] steadyTicks(double bpm, int ticks) {
        double period = 60e9 / (24 * bpm);
        double[] times = new double[ticks];
        for (int k = 0; k < ticks; k++) {
            times[k] = START_NANOS + k * period;
        }
        return times;
    }

    /** True tick times following {@code tempo.bpmAt(seconds since the first tick)}, one period at a time. */
    static double[] tickTimes(TempoCurve tempo, int ticks) {
        double[] times = new double[ticks];
        double t = START_NANOS;
        for (int k = 0; k < ticks; k++) {
            times[k] = t;
            t += 60e9 / (24 * tempo.bpmAt((t - START_NANOS) / 1e9));
        }
        return times;
    }

    /**
     * Arrival time of a tick sent at {@code trueNanos} (call in tick order), or {@code Long.MIN_VALUE} when it is
     * dropped.
     */
    long arrival(double trueNanos) {
        double t = trueNanos;
        if (blockFrames > 0) {
            double blockNanos = blockFrames * 1e9 / sampleRate;
            t = Math.round(t / blockNanos) * blockNanos;
        }
        t += jitterMs * 1e6 * random.nextGaussian();
        if (random.nextDouble() < outlierProbability) {
            t += (outlierMinMs + (outlierMaxMs - outlierMinMs) * random.nextDouble()) * 1e6;
        }
        if (timestampResolutionMs > 0) {
            double resolution = timestampResolutionMs * 1e6;
            t = Math.round(t / resolution) * resolution;
        }
        boolean dropped = random.nextDouble() < dropProbability;
        if (dropped) {
            return Long.MIN_VALUE;
        }
        // MIDI is a serial stream: a late byte holds back the ones behind it.
        lastArrival = Math.max(lastArrival, Math.round(t));
        return lastArrival;
    }

    @FunctionalInterface
    interface TempoCurve {
        double bpmAt(double seconds);
    }
}
