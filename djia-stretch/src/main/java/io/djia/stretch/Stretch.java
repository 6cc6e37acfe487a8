package io.djia.stretch;

import io.djia.core.audio.AudioBuffer;
import java.util.Objects;

/** Whole-buffer stretching, on the streaming engine with its latency removed. Thread-safe: no shared state. */
public final class Stretch {
    /** Silence fed after the input so the last output frames exist whatever the rounding. */
    private static final int TAIL_PAD_FRAMES = 8;
    private static final int BLOCK = 8192;

    private Stretch() {
    }

    /** The buffer stretched by {@code options.ratio()}: {@code round(frames * ratio)} frames long. */
    public static AudioBuffer offline(AudioBuffer in, StretchOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        long frames = Math.round(in.frames() * options.ratio());
        if (frames > Integer.MAX_VALUE - 1_000_000) {
            throw new IllegalArgumentException(in.frames() + " frames at ratio " + options.ratio()
                    + " do not fit in one buffer");
        }
        return toFrames(in, (int) frames, options);
    }

    /**
     * The buffer stretched to exactly {@code outFrames} frames (the ratio in {@code options} is replaced by
     * {@code outFrames / in.frames()}, which must lie within the allowed ratios).
     */
    public static AudioBuffer toFrames(AudioBuffer in, int outFrames, StretchOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        if (outFrames < 0) {
            throw new IllegalArgumentException("output length must be >= 0 frames, got " + outFrames);
        }
        if (in.frames() == 0 || outFrames == 0) {
            if (outFrames > 0) {
                throw new IllegalArgumentException("cannot stretch an empty buffer to " + outFrames + " frames");
            }
            return AudioBuffer.silence(in.channels(), 0, in.sampleRate());
        }
        StretchOptions exact = options.withRatio(outFrames / (double) in.frames());
        try (PhaseVocoderStretcher stretcher = PhaseVocoderStretcher.forOffline(in.channels(), in.sampleRate(), exact)) {
            int channels = in.channels();
            int latency = stretcher.latencyFrames();
            long total = (long) latency + stretcher.outputFramesFor(in.frames() + TAIL_PAD_FRAMES) + latency;
            float[][] all = new float[channels][(int) total];
            float[][] block = new float[channels][BLOCK];
            float[][] view = new float[channels][(int) Math.ceil(BLOCK * exact.ratio()) + 2];
            int produced = 0;
            for (int offset = 0; offset < in.frames(); offset += BLOCK) {
                int n = Math.min(BLOCK, in.frames() - offset);
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(in.channel(c), offset, block[c], 0, n);
                }
                produced += processInto(stretcher, block, n, all, produced, view);
            }
            float[][] pad = new float[channels][TAIL_PAD_FRAMES];
            produced += processInto(stretcher, pad, TAIL_PAD_FRAMES, all, produced, view);
            float[][] tail = new float[channels][latency];
            int flushed = stretcher.flush(tail);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(tail[c], 0, all[c], produced, flushed);
            }
            produced += flushed;
            if (produced < latency + outFrames) {
                throw new IllegalStateException("stretcher produced " + produced + " frames, expected at least "
                        + (latency + outFrames));
            }
            float[][] result = new float[channels][];
            for (int c = 0; c < channels; c++) {
                result[c] = java.util.Arrays.copyOfRange(all[c], latency, latency + outFrames);
            }
            return new AudioBuffer(result, in.sampleRate());
        }
    }

    private static int processInto(Stretcher stretcher, float[][] in, int frames, float[][] all, int at,
            float[][] scratch) {
        int n = stretcher.process(in, frames, scratch);
        for (int c = 0; c < scratch.length; c++) {
            System.arraycopy(scratch[c], 0, all[c], at, n);
        }
        return n;
    }
}
