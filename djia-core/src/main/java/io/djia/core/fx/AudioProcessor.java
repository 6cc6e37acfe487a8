package io.djia.core.fx;

/**
 * A block processor on planar audio ({@code [channel][frame]}).
 *
 * <p>{@link #process} reads {@code in[c][0..frames)} and writes {@code out[c][0..frames)}; {@code in} and
 * {@code out} may be the same arrays (in-place). Output depends only on the sample sequence, never on how it
 * is cut into blocks. Implementations do not allocate, lock or do I/O in {@code process}, and never keep a
 * reference to the caller's arrays. One instance belongs to one thread at a time.
 */
public interface AudioProcessor {

    /** Processes {@code frames} frames from {@code in} into {@code out} (which may be {@code in}). */
    void process(float[][] in, float[][] out, int frames);

    /** Clears all internal state (delay lines, filter memories, envelopes) as if freshly built. */
    void reset();

    /** Frames by which the output lags the input; the caller compensates. */
    default int latencyFrames() {
        return 0;
    }

    /**
     * Frames the output may still ring after the input falls silent (reverb and delay tails), so a
     * one-shot can be kept alive until it has died away. {@code 0} for memoryless processors.
     */
    default long tailFrames() {
        return 0;
    }
}
