package io.djia.core.spectral;

import java.util.Objects;

/**
 * Offline short-time Fourier transform with centred frames and a least-squares inverse.
 *
 * <p>Frame {@code t} is centred on sample {@code t * hopSize}; the signal is zero-padded by {@code fftSize / 2}
 * at both ends, so a signal of {@code n} samples gives {@link #frameCount(int) n / hop + 1} frames. The inverse
 * is a weighted overlap-add with the analysis window as synthesis window, divided by the summed squared window
 * (Griffin and Lim 1984), which reconstructs the input exactly for any window and any hop at which the windows
 * overlap, and is the least-squares estimate for a modified spectrogram.
 *
 * <p>Not thread-safe: one instance per thread. Per-frame work reuses buffers planned in the constructor.
 */
public final class Stft {
    /** Receives one frame's spectrum; the arrays are reused for the next frame, so copy what must be kept. */
    @FunctionalInterface
    public interface FrameConsumer {
        void accept(int frame, float[] re, float[] im);
    }

    private static final double SILENT_NORM = 1e-10;

    private final int fftSize;
    private final int hopSize;
    private final WindowType windowType;
    private final float[] window;
    private final RealFft fft;
    private final float[] frame;
    private final float[] re;
    private final float[] im;

    /**
     * @param fftSize power of two >= 2
     * @param hopSize power of two in [1, fftSize]
     */
    public Stft(int fftSize, int hopSize, WindowType window) {
        if (fftSize < 2 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("STFT size must be a power of two >= 2, got " + fftSize);
        }
        if (hopSize < 1 || hopSize > fftSize || Integer.bitCount(hopSize) != 1) {
            throw new IllegalArgumentException("hop must be a power of two between 1 and the FFT size " + fftSize
                    + ", got " + hopSize);
        }
        this.fftSize = fftSize;
        this.hopSize = hopSize;
        this.windowType = Objects.requireNonNull(window, "window");
        this.window = window.create(fftSize);
        this.fft = new RealFft(fftSize);
        this.frame = new float[fftSize];
        this.re = new float[fft.bins()];
        this.im = new float[fft.bins()];
    }

    public int fftSize() {
        return fftSize;
    }

    public int hopSize() {
        return hopSize;
    }

    public WindowType windowType() {
        return windowType;
    }

    /** Bins per frame, {@code fftSize / 2 + 1}. */
    public int bins() {
        return fftSize / 2 + 1;
    }

    /** Frames that {@link #forward} makes from a signal of {@code length} samples. */
    public int frameCount(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        return length / hopSize + 1;
    }

    /** Frequency of bin {@code k} in Hz. */
    public double binHz(int k, double sampleRate) {
        return k * sampleRate / fftSize;
    }

    /** A copy of the analysis window. */
    public float[] window() {
        return window.clone();
    }

    /** The full spectrogram of {@code signal}. */
    public Spectrogram forward(float[] signal) {
        Objects.requireNonNull(signal, "signal");
        int frames = frameCount(signal.length);
        float[][] outRe = new float[frames][];
        float[][] outIm = new float[frames][];
        forEachFrame(signal, (t, r, i) -> {
            outRe[t] = r.clone();
            outIm[t] = i.clone();
        });
        return new Spectrogram(outRe, outIm);
    }

    /**
     * Fills {@code into} (at least {@link #frameCount} frames of {@link #bins()} bins) with the spectrogram of
     * {@code signal}, so a caller analysing clip after clip of one length reuses one spectrogram. Frames past
     * {@code frameCount(signal.length)} are left as they were.
     */
    public void forward(float[] signal, Spectrogram into) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(into, "into");
        int frames = frameCount(signal.length);
        if (into.frames() < frames || into.bins() != bins()) {
            throw new IllegalArgumentException("spectrogram of " + into.frames() + " x " + into.bins()
                    + " cannot hold " + frames + " frames of " + bins() + " bins");
        }
        float[][] outRe = into.re();
        float[][] outIm = into.im();
        for (int t = 0; t < frames; t++) {
            frameSpectrum(signal, t * hopSize, outRe[t], outIm[t]);
        }
    }

    /**
     * Streams the frames of {@code signal} to {@code consumer} without keeping them, for analyses that reduce
     * each frame to a few numbers. Allocates nothing.
     */
    public void forEachFrame(float[] signal, FrameConsumer consumer) {
        Objects.requireNonNull(signal, "signal");
        int frames = frameCount(signal.length);
        for (int t = 0; t < frames; t++) {
            frameSpectrum(signal, t * hopSize, re, im);
            consumer.accept(t, re, im);
        }
    }

    /**
     * Spectrum of the window centred on sample {@code centre} of {@code signal} (zeros outside the signal),
     * written into {@code outRe} and {@code outIm} ({@link #bins()} each).
     */
    public void frameSpectrum(float[] signal, int centre, float[] outRe, float[] outIm) {
        int start = centre - fftSize / 2;
        int from = Math.max(0, -start);
        int to = Math.min(fftSize, signal.length - start);
        if (from > 0 || to < fftSize) {
            java.util.Arrays.fill(frame, 0f);
        }
        for (int i = from; i < to; i++) {
            frame[i] = signal[start + i] * window[i];
        }
        fft.forward(frame, outRe, outIm);
    }

    /**
     * Weighted overlap-add of {@code spec} into {@code length} samples, normalised by the summed squared window.
     * Samples no frame covers are zero.
     */
    public float[] inverse(Spectrogram spec, int length) {
        Objects.requireNonNull(spec, "spec");
        if (spec.frames() > 0 && spec.bins() != bins()) {
            throw new IllegalArgumentException("spectrogram has " + spec.bins() + " bins, this STFT expects "
                    + bins() + " (fftSize " + fftSize + ")");
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        double[] sum = new double[length];
        double[] norm = new double[length];
        float[][] specRe = spec.re();
        float[][] specIm = spec.im();
        for (int t = 0; t < spec.frames(); t++) {
            fft.inverse(specRe[t], specIm[t], frame);
            int start = t * hopSize - fftSize / 2;
            int from = Math.max(0, -start);
            int to = Math.min(fftSize, length - start);
            for (int i = from; i < to; i++) {
                double w = window[i];
                sum[start + i] += w * frame[i];
                norm[start + i] += w * w;
            }
        }
        float[] out = new float[length];
        for (int n = 0; n < length; n++) {
            out[n] = norm[n] > SILENT_NORM ? (float) (sum[n] / norm[n]) : 0f;
        }
        return out;
    }
}
