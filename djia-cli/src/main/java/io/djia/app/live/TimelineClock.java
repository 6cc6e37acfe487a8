package io.djia.app.live;

/**
 * Maps clock time (nanoseconds of the {@link io.djia.midi.TimeSource} the MIDI clock is stamped with) to the
 * mixer's timeline frames and back. Timeline frame {@code f} is the frame the mixer schedules at {@code f}; it is
 * heard {@code latencyFrames} output frames later (the master limiter's look-ahead), which both directions
 * include, so an event scheduled at {@code frameAt(t)} is heard at time {@code t}.
 *
 * <p>Control thread only.
 */
interface TimelineClock {
    /** The (fractional) timeline frame heard at {@code nanos}. */
    double frameAt(long nanos);

    /** When timeline frame {@code frame} is heard. */
    long nanosAt(double frame);

    /**
     * Output frames as a virtual sound card plays them: output frame {@code o} is heard exactly at
     * {@code originNanos + o / sampleRate} seconds. Deterministic; used by the headless driver.
     */
    static TimelineClock exact(long originNanos, int sampleRate, int latencyFrames) {
        return new TimelineClock() {
            @Override
            public double frameAt(long nanos) {
                return (nanos - originNanos) * (sampleRate / 1e9) - latencyFrames;
            }

            @Override
            public long nanosAt(double frame) {
                return originNanos + Math.round((frame + latencyFrames) * (1e9 / sampleRate));
            }
        };
    }
}
