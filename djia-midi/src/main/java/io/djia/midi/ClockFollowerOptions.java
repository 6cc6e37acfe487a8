package io.djia.midi;

/**
 * Settings of a {@link ClockFollower}. Start from {@link #defaults()} and change what you need.
 *
 * @param beatsPerBar          meter for bars, 1..32 (default 4)
 * @param maxWindowTicks       longest stretch of ticks in the tempo fit (default 192, 8 beats); longer is
 *                             steadier at a fixed tempo, shorter follows tempo ramps more closely
 * @param lockTicks            ticks in the fit before it counts as locked when no tempo carries over
 *                             (default 12)
 * @param outlierGateSigmas    a tick further than this many noise deviations from its prediction is left
 *                             out of the fit (default 4)
 * @param minGateMs            the gate is never narrower than this (default 1 ms)
 * @param relockRunTicks       this many consecutive same-sided outliers that agree on a new tempo restart
 *                             the fit from them (default 4)
 * @param cusumThresholdSigmas CUSUM alarm level on normalised prediction errors (Page 1954) that shrinks
 *                             the window to the estimated change point (default 10)
 * @param clockLostMs          silence after which the clock counts as lost; at least four tick periods
 *                             are always allowed (default 500 ms)
 * @param latencyOffsetMs      added to every prediction (default 0)
 */
public record ClockFollowerOptions(
        int beatsPerBar,
        int maxWindowTicks,
        int lockTicks,
        double outlierGateSigmas,
        double minGateMs,
        int relockRunTicks,
        double cusumThresholdSigmas,
        double clockLostMs,
        double latencyOffsetMs) {

    public ClockFollowerOptions {
        if (beatsPerBar < 1 || beatsPerBar > 32) {
            throw new IllegalArgumentException("beats per bar must be 1..32, got " + beatsPerBar);
        }
        if (maxWindowTicks < 8 || maxWindowTicks > 24 * 64) {
            throw new IllegalArgumentException("fit window must be 8..1536 ticks, got " + maxWindowTicks);
        }
        if (lockTicks < 2 || lockTicks > maxWindowTicks) {
            throw new IllegalArgumentException("lock ticks must be 2..maxWindowTicks (" + maxWindowTicks
                    + "), got " + lockTicks);
        }
        if (!(outlierGateSigmas >= 2 && outlierGateSigmas <= 20)) {
            throw new IllegalArgumentException("outlier gate must be 2..20 sigmas, got " + outlierGateSigmas);
        }
        if (!(minGateMs >= 0 && minGateMs <= 50)) {
            throw new IllegalArgumentException("minimum gate must be 0..50 ms, got " + minGateMs);
        }
        if (relockRunTicks < 3 || relockRunTicks > 24) {
            throw new IllegalArgumentException("relock run must be 3..24 ticks, got " + relockRunTicks);
        }
        if (!(cusumThresholdSigmas >= 3 && cusumThresholdSigmas <= 100)) {
            throw new IllegalArgumentException("CUSUM threshold must be 3..100 sigmas, got " + cusumThresholdSigmas);
        }
        if (!(clockLostMs >= 10 && clockLostMs <= 60_000)) {
            throw new IllegalArgumentException("clock-lost timeout must be 10..60000 ms, got " + clockLostMs);
        }
        if (!(Math.abs(latencyOffsetMs) <= 1000)) {
            throw new IllegalArgumentException("latency offset must be within +-1000 ms, got " + latencyOffsetMs);
        }
    }

    public static ClockFollowerOptions defaults() {
        return new ClockFollowerOptions(4, 192, 12, 4.0, 1.0, 4, 8.0, 500.0, 0.0);
    }

    public ClockFollowerOptions withBeatsPerBar(int value) {
        return new ClockFollowerOptions(value, maxWindowTicks, lockTicks, outlierGateSigmas, minGateMs,
                relockRunTicks, cusumThresholdSigmas, clockLostMs, latencyOffsetMs);
    }

    public ClockFollowerOptions withMaxWindowTicks(int value) {
        return new ClockFollowerOptions(beatsPerBar, value, Math.min(lockTicks, value), outlierGateSigmas,
                minGateMs, relockRunTicks, cusumThresholdSigmas, clockLostMs, latencyOffsetMs);
    }

    public ClockFollowerOptions withCusumThresholdSigmas(double value) {
        return new ClockFollowerOptions(beatsPerBar, maxWindowTicks, lockTicks, outlierGateSigmas, minGateMs,
                relockRunTicks, value, clockLostMs, latencyOffsetMs);
    }

    public ClockFollowerOptions withClockLostMs(double value) {
        return new ClockFollowerOptions(beatsPerBar, maxWindowTicks, lockTicks, outlierGateSigmas, minGateMs,
                relockRunTicks, cusumThresholdSigmas, value, latencyOffsetMs);
    }

    public ClockFollowerOptions withLatencyOffsetMs(double value) {
        return new ClockFollowerOptions(beatsPerBar, maxWindowTicks, lockTicks, outlierGateSigmas, minGateMs,
                relockRunTicks, cusumThresholdSigmas, clockLostMs, value);
    }
}
