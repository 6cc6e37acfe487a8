package io.djia.core.resample;

import java.util.Arrays;

/**
 * Block-by-block sample-rate conversion with a constant latency, for the audio thread.
 *
 * <p>Its output is the offline {@link Resampler}'s output delayed by exactly {@link #latencyFrames()} output
 * frames: stream frame m is the band-limited input at time (m - latency) / outputRate, computed with the same
 * coefficients. The latency is the kernel's reach into the future, ceil(halfWidth * out / in) frames (none when
 * the rates are equal). Each call emits the frames whose inputs have all arrived, so blocks of a fixed input
 * size give output blocks whose sizes differ by at most one frame.
 *
 * <p>Allocates only when constructed; {@link #process} allocates nothing, locks nothing and does no I/O.
 * Not thread-safe: one instance per stream, used by one thread.
 */
public final class StreamingResampler {
    private final ResamplerKernel kernel;
    private final int channels;
    private final int maxInputFrames;
    private final int latencyFrames;
    private final float[][] history;
    private final float[] scratch;
    /** Absolute input index of {@code history[c][0]}. */
    private long historyStart;
    private int historyCount;
    /** Index of the next output frame, counted from the first frame this stream emits. */
    private long nextOutput;

    StreamingResampler(ResamplerKernel kernel, int channels, int maxInputFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (maxInputFrames < 1) {
            throw new IllegalArgumentException("max input frames must be >= 1, got " + maxInputFrames);
        }
        this.kernel = kernel;
        this.channels = channels;
        this.maxInputFrames = maxInputFrames;
        this.latencyFrames = kernel.isIdentity() ? 0
                : (int) ((kernel.halfTaps() * kernel.upFactor() + kernel.downFactor() - 1) / kernel.downFactor());
        this.scratch = new float[kernel.taps()];
        int initialHistory = kernel.isIdentity() ? 0 : (int) (kernel.halfTaps() - 1 - firstInputOf(0));
        this.history = new float[channels][Math.max(initialHistory, kernel.taps()) + maxInputFrames + 1];
        reset();
    }

    /** Output frames between an input event and the same event in the output. */
    public int latencyFrames() {
        return latencyFrames;
    }

    public int inputRate() {
        return kernel.inputRate();
    }

    public int outputRate() {
        return kernel.outputRate();
    }

    /** Most frames one {@link #process} call with {@code inputFrames} input frames can emit: size output blocks to it. */
    public int maxOutputFrames(int inputFrames) {
        return (int) (((long) inputFrames * kernel.upFactor() + kernel.downFactor() - 1) / kernel.downFactor()) + 1;
    }

    /** Forgets all input: the next frame emitted is frame 0 of a new stream. */
    public void reset() {
        for (float[] ch : history) {
            Arrays.fill(ch, 0f);
        }
        nextOutput = 0;
        if (kernel.isIdentity()) {
            historyStart = 0;
            historyCount = 0;
        } else {
            // Silence before the stream starts, back to the earliest input the first output frame reads.
            historyStart = firstInputOf(0) - kernel.halfTaps() + 1;
            historyCount = (int) -historyStart;
        }
    }

    /**
     * Consumes {@code inputFrames} frames of {@code in[c][inOffset..]} and writes the output frames now complete
     * to {@code out[c][outOffset..]}.
     *
     * @return the number of output frames written, at most {@link #maxOutputFrames(int) maxOutputFrames(inputFrames)}
     * @throws IllegalArgumentException when the block is larger than this stream was made for, or {@code out}
     *                                  has room for fewer than maxOutputFrames(inputFrames) frames
     */
    public int process(float[][] in, int inOffset, int inputFrames, float[][] out, int outOffset) {
        if (in.length != channels || out.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " channels in and out, got " + in.length
                    + " and " + out.length);
        }
        if (inputFrames < 0 || inputFrames > maxInputFrames) {
            throw new IllegalArgumentException("input block of " + inputFrames + " frames; this stream takes 0.."
                    + maxInputFrames);
        }
        int room = maxOutputFrames(inputFrames);
        for (int c = 0; c < channels; c++) {
            if (inOffset < 0 || inOffset + inputFrames > in[c].length || outOffset < 0
                    || outOffset + room > out[c].length) {
                throw new IllegalArgumentException("channel " + c + ": input needs " + (inOffset + inputFrames)
                        + " frames (has " + in[c].length + "), output needs room for " + (outOffset + room)
                        + " (has " + out[c].length + ")");
            }
        }
        if (kernel.isIdentity()) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(in[c], inOffset, out[c], outOffset, inputFrames);
            }
            nextOutput += inputFrames;
            return inputFrames;
        }
        compact();
        for (int c = 0; c < channels; c++) {
            System.arraycopy(in[c], inOffset, history[c], historyCount, inputFrames);
        }
        historyCount += inputFrames;
        long inputEnd = historyStart + historyCount;
        int halfTaps = kernel.halfTaps();
        int taps = kernel.taps();
        long up = kernel.upFactor();
        int produced = 0;
        while (true) {
            long position = (nextOutput - latencyFrames) * kernel.downFactor();
            long base = Math.floorDiv(position, up);
            if (base + halfTaps > inputEnd - 1) {
                break;
            }
            float[] coefficients = kernel.coefficients(position - base * up, scratch);
            int from = (int) (base - halfTaps + 1 - historyStart);
            for (int c = 0; c < channels; c++) {
                out[c][outOffset + produced] = ResamplerKernel.dot(history[c], from, coefficients, taps);
            }
            produced++;
            nextOutput++;
        }
        return produced;
    }

    /** Drops input no future output frame reads. */
    private void compact() {
        long needed = firstInputOf(nextOutput) - kernel.halfTaps() + 1;
        int drop = (int) (needed - historyStart);
        if (drop <= 0) {
            return;
        }
        int keep = historyCount - drop;
        for (int c = 0; c < channels; c++) {
            System.arraycopy(history[c], drop, history[c], 0, keep);
        }
        historyStart = needed;
        historyCount = keep;
    }

    /** The input frame at or before the instant of stream output frame {@code m}. */
    private long firstInputOf(long m) {
        return Math.floorDiv((m - latencyFrames) * kernel.downFactor(), kernel.upFactor());
    }
}
