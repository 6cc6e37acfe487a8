package io.djia.core.resample;

import io.djia.core.audio.AudioBuffer;
import java.util.Objects;

/**
 * Converts audio between two sample rates with a band-limited (Kaiser-windowed sinc) interpolator.
 *
 * <p>Output frame n is the band-limited value of the input at time n / outputRate seconds: the kernel is
 * symmetric and centred on that instant, so there is no delay, and an event at time t stays at time t. The
 * output has round(frames * outputRate / inputRate) frames; the input is taken as silent before its first
 * and after its last frame. Content above 0.90 of the lower Nyquist frequency is attenuated, and at least
 * 90 dB of rejection is reached at that Nyquist frequency (see {@link KaiserSincDesign}).
 *
 * <p>Immutable and thread-safe; one instance per rate pair can be shared. Building one costs a few
 * milliseconds (the coefficient table), so keep it when converting many buffers.
 */
public final class Resampler {
    private final ResamplerKernel kernel;

    private Resampler(ResamplerKernel kernel) {
        this.kernel = kernel;
    }

    /** A resampler from {@code inputRate} to {@code outputRate} Hz. */
    public static Resampler create(int inputRate, int outputRate) {
        return new Resampler(new ResamplerKernel(inputRate, outputRate));
    }

    /** {@code in} at {@code targetRate}; a copy when the rate already matches. */
    public static AudioBuffer resample(AudioBuffer in, int targetRate) {
        Objects.requireNonNull(in, "in");
        if (in.sampleRate() == targetRate) {
            return in.copy();
        }
        return create(in.sampleRate(), targetRate).apply(in);
    }

    public int inputRate() {
        return kernel.inputRate();
    }

    public int outputRate() {
        return kernel.outputRate();
    }

    /** Input frames the kernel reaches on each side of an output instant. */
    public int kernelHalfWidthFrames() {
        return kernel.halfTaps();
    }

    /** round(inputFrames * outputRate / inputRate), halves rounded up. */
    public int outputFrames(int inputFrames) {
        if (inputFrames < 0) {
            throw new IllegalArgumentException("frame count must be >= 0, got " + inputFrames);
        }
        long frames = ((long) inputFrames * outputRate() * 2 + inputRate()) / (2L * inputRate());
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(inputFrames + " frames at " + outputRate() + " Hz do not fit in one buffer");
        }
        return (int) frames;
    }

    /** {@code in} (which must be at {@link #inputRate()}) converted to {@link #outputRate()}, as a new buffer. */
    public AudioBuffer apply(AudioBuffer in) {
        Objects.requireNonNull(in, "in");
        if (in.sampleRate() != inputRate()) {
            throw new IllegalArgumentException("buffer is at " + in.sampleRate() + " Hz, this resampler expects "
                    + inputRate() + " Hz");
        }
        if (kernel.isIdentity()) {
            return in.copy();
        }
        int channels = in.channels();
        int frames = in.frames();
        int outFrames = outputFrames(frames);
        int halfTaps = kernel.halfTaps();
        int taps = kernel.taps();
        // Silence around the input, so every dot product reads a full window without bounds checks.
        float[][] padded = new float[channels][];
        for (int c = 0; c < channels; c++) {
            padded[c] = new float[frames + taps + 1];
            System.arraycopy(in.channel(c), 0, padded[c], halfTaps, frames);
        }
        float[][] out = new float[channels][outFrames];
        float[] scratch = new float[taps];
        long up = kernel.upFactor();
        long down = kernel.downFactor();
        for (int n = 0; n < outFrames; n++) {
            long position = n * down;
            long base = position / up;
            float[] coefficients = kernel.coefficients(position - base * up, scratch);
            // Input frame base - halfTaps + 1 + j sits at padded index base + 1 + j.
            int from = (int) base + 1;
            for (int c = 0; c < channels; c++) {
                out[c][n] = ResamplerKernel.dot(padded[c], from, coefficients, taps);
            }
        }
        return new AudioBuffer(out, outputRate());
    }

    /**
     * A streaming converter for blocks of at most {@code maxInputFrames} frames, for the live engine.
     * See {@link StreamingResampler} for its latency.
     */
    public StreamingResampler newStream(int channels, int maxInputFrames) {
        return new StreamingResampler(kernel, channels, maxInputFrames);
    }
}
