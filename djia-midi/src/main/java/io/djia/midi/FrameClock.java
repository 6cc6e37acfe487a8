package io.djia.midi;

/**
 * Maps the audio frame counter to {@link TimeSource} time, so that clock sent or scheduled against frames
 * follows the sound card's own crystal rather than the CPU clock.
 */
public interface FrameClock {
    /** Nominal frames per second. */
    int sampleRate();

    /**
     * The time at which audio frame {@code frame} (fractional) is rendered, in {@link TimeSource} nanoseconds,
     * or {@code Long.MAX_VALUE} while that is not known yet (no audio has run).
     */
    long nanosAtFrame(double frame);

    /** An ideal clock: frame 0 at {@code frameZeroNanos}, exactly {@code sampleRate} frames a second. */
    static FrameClock fixedRate(int sampleRate, long frameZeroNanos) {
        if (sampleRate < 1000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sample rate must be 1000..384000 Hz, got " + sampleRate);
        }
        return new FrameClock() {
            @Override
            public int sampleRate() {
                return sampleRate;
            }

            @Override
            public long nanosAtFrame(double frame) {
                return frameZeroNanos + Math.round(frame * 1e9 / sampleRate);
            }
        };
    }
}
