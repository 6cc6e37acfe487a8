package io.djia.core.spectral;

import org.jtransforms.fft.FloatFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Real FFT of one power-of-two size, planned once and reused, hiding JTransforms' packed layout.
 *
 * <p>Spectra are split into {@code re[0..n/2]} and {@code im[0..n/2]} ({@code n/2 + 1} bins). The forward
 * transform is unnormalised; {@link #inverse} divides by {@code n}, so inverse(forward(x)) == x.
 * Not thread-safe: one instance per thread. No allocation after construction.
 */
public final class RealFft {
    static {
        // Parallelism comes from processing clips and channels side by side, never from inside one FFT.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int size;
    private final FloatFFT_1D fft;
    private final float[] work;

    public RealFft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
        }
        this.size = size;
        this.fft = new FloatFFT_1D(size);
        this.work = new float[size];
    }

    public int size() {
        return size;
    }

    /** Number of bins, {@code size / 2 + 1}. */
    public int bins() {
        return size / 2 + 1;
    }

    /** Transforms {@code time[0..size)} (not modified) into {@code re} and {@code im} ({@link #bins()} each). */
    public void forward(float[] time, float[] re, float[] im) {
        System.arraycopy(time, 0, work, 0, size);
        fft.realForward(work);
        // JTransforms packs: work[0] = Re[0], work[1] = Re[n/2], then (Re[k], Im[k]) pairs.
        re[0] = work[0];
        im[0] = 0f;
        re[size / 2] = work[1];
        im[size / 2] = 0f;
        for (int k = 1; k < size / 2; k++) {
            re[k] = work[2 * k];
            im[k] = work[2 * k + 1];
        }
    }

    /** Inverse of {@link #forward}: writes {@code size} samples into {@code time}, scaled by 1/size. */
    public void inverse(float[] re, float[] im, float[] time) {
        work[0] = re[0];
        work[1] = re[size / 2];
        for (int k = 1; k < size / 2; k++) {
            work[2 * k] = re[k];
            work[2 * k + 1] = im[k];
        }
        fft.realInverse(work, true);
        System.arraycopy(work, 0, time, 0, size);
    }
}
