package io.djia.midi;

/**
 * Settings of a {@link ClockMaster}.
 *
 * @param bpm               initial tempo in quarter-note beats per minute, 20..400
 * @param clockWhileStopped keep sending clock while stopped, so followers hold their tempo (default true)
 * @param latencyOffsetMs   added to every deadline: negative sends earlier, to make up for the receiver's
 *                          latency (default 0)
 */
public record ClockMasterOptions(double bpm, boolean clockWhileStopped, double latencyOffsetMs) {
    public ClockMasterOptions {
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new IllegalArgumentException("tempo must be 20..400 BPM, got " + bpm);
        }
        if (!(Math.abs(latencyOffsetMs) <= 1000)) {
            throw new IllegalArgumentException("latency offset must be within +-1000 ms, got " + latencyOffsetMs);
        }
    }

    public static ClockMasterOptions defaults() {
        return new ClockMasterOptions(120, true, 0);
    }

    public ClockMasterOptions withBpm(double value) {
        return new ClockMasterOptions(value, clockWhileStopped, latencyOffsetMs);
    }

    public ClockMasterOptions withClockWhileStopped(boolean value) {
        return new ClockMasterOptions(bpm, value, latencyOffsetMs);
    }

    public ClockMasterOptions withLatencyOffsetMs(double value) {
        return new ClockMasterOptions(bpm, clockWhileStopped, value);
    }
}
