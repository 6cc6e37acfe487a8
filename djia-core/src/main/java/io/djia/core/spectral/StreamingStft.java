package io.djia.core.spectral;

import java.util.Arrays;
import java.util.Objects;

/**
 * Block-by-block STFT for the live engine: samples go in, each complete frame's spectrum is handed to a
 * {@link FrameProcessor} that may modify it in place, and the overlap-added result comes out
 * {@link #latencyFrames()} samples later.
 *
 * <p>With a processor that leaves the spectrum unchanged the output is the input delayed by exactly
 * {@code fftSize - 1} samples, the least delay at which every frame covering a sample has been heard. Synthesis uses the analysis window, normalised by the steady-state sum
 * of squared windows. Blocks may have any length. Nothing is allocated after construction, so
 * {@link #process} is safe on the audio thread. Not thread-safe: one instance per stream.
 */
public final class StreamingStft {
    /** Edits one frame's spectrum in place ({@code fftSize / 2 + 1} bins); must not keep the arrays. */
    @FunctionalInterface
    public interface FrameProcessor {
        void process(float[] re, float[] im);
    }

    private final int fftSize;
    private final int hopSize;
    private final int latency;
    private final float[] window;
    private final float[] inverseNorm;
    private final RealFft fft;
    private final float[] inFifo;
    private final float[] outReady;
    private final double[] accumulator;
    private final float[] frame;
    private final float[] re;
    private final float[] im;
    private int rover;
    private int readIndex;
    private long framesProcessed;

    /**
     * @param fftSize power of two >= 2
     * @param hopSize power of two in [1, fftSize]
     */
    public StreamingStft(int fftSize, int hopSize, WindowType window) {
        if (fftSize < 2 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("STFT size must be a power of two >= 2, got " + fftSize);
        }
        if (hopSize < 1 || hopSize > fftSize || Integer.bitCount(hopSize) != 1) {
            throw new IllegalArgumentException("hop must be a power of two between 1 and the FFT size " + fftSize
                    + ", got " + hopSize);
        }
        Objects.requireNonNull(window, "window");
        this.fftSize = fftSize;
        this.hopSize = hopSize;
        this.latency = fftSize - 1;
        this.window = window.create(fftSize);
        // Sum of squared windows seen by an output sample, periodic in the hop because hop divides fftSize.
        this.inverseNorm = new float[hopSize];
        for (int i = 0; i < hopSize; i++) {
            double s = 0;
            for (int j = i; j < fftSize; j += hopSize) {
                s += (double) this.window[j] * this.window[j];
            }
            if (s < 1e-10) {
                throw new IllegalArgumentException(window + " window with hop " + hopSize + " of " + fftSize
                        + " leaves samples uncovered; choose a smaller hop");
            }
            inverseNorm[i] = (float) (1.0 / s);
        }
        this.fft = new RealFft(fftSize);
        this.inFifo = new float[fftSize];
        this.outReady = new float[hopSize];
        this.accumulator = new double[fftSize];
        this.frame = new float[fftSize];
        this.re = new float[fft.bins()];
        this.im = new float[fft.bins()];
        reset();
    }

    public int fftSize() {
        return fftSize;
    }

    public int hopSize() {
        return hopSize;
    }

    public int bins() {
        return fftSize / 2 + 1;
    }

    /** Delay in samples between input and output, {@code fftSize - 1}. */
    public int latencyFrames() {
        return latency;
    }

    /** Frames analysed since construction or the last {@link #reset()}. */
    public long framesProcessed() {
        return framesProcessed;
    }

    /** Clears all history, as if newly made. */
    public void reset() {
        Arrays.fill(inFifo, 0f);
        Arrays.fill(outReady, 0f);
        Arrays.fill(accumulator, 0.0);
        rover = fftSize - hopSize;
        readIndex = 0;
        framesProcessed = 0;
    }

    /** Processes {@code frames} samples of {@code in} into {@code out} (which may be the same array). */
    public void process(float[] in, float[] out, int frames, FrameProcessor processor) {
        process(in, 0, out, 0, frames, processor);
    }

    /** As {@link #process(float[], float[], int, FrameProcessor)}, from the given offsets. */
    public void process(float[] in, int inOffset, float[] out, int outOffset, int frames, FrameProcessor processor) {
        for (int n = 0; n < frames; n++) {
            inFifo[rover++] = in[inOffset + n];
            if (rover == fftSize) {
                processFrame(processor);
                rover = fftSize - hopSize;
                readIndex = 0;
            }
            out[outOffset + n] = outReady[readIndex++];
        }
    }

    private void processFrame(FrameProcessor processor) {
        for (int i = 0; i < fftSize; i++) {
            frame[i] = inFifo[i] * window[i];
        }
        fft.forward(frame, re, im);
        processor.process(re, im);
        fft.inverse(re, im, frame);
        for (int i = 0; i < fftSize; i++) {
            accumulator[i] += (double) frame[i] * window[i];
        }
        for (int i = 0; i < hopSize; i++) {
            outReady[i] = (float) (accumulator[i] * inverseNorm[i]);
        }
        System.arraycopy(accumulator, hopSize, accumulator, 0, fftSize - hopSize);
        Arrays.fill(accumulator, fftSize - hopSize, fftSize, 0.0);
        System.arraycopy(inFifo, hopSize, inFifo, 0, fftSize - hopSize);
        framesProcessed++;
    }
}
