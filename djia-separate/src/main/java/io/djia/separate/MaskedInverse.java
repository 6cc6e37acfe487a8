package io.djia.separate;

import io.djia.core.spectral.RealFft;
import io.djia.core.spectral.Spectrogram;
import io.djia.core.spectral.WindowType;

/**
 * Inverse STFT of a masked spectrogram, the same weighted overlap-add as {@link io.djia.core.spectral.Stft#inverse}
 * (frames centred on {@code t * hop}, divided by the summed squared window), with the mask applied frame by frame
 * so no masked copy of the spectrogram is made, and the window envelope and accumulator planned once per clip.
 * Not thread-safe.
 */
final class MaskedInverse {
    private static final double SILENT_NORM = 1e-10;

    private final int fftSize;
    private final int hop;
    private final int length;
    private final float[] window;
    private final RealFft fft;
    private final double[] inverseNorm;
    private final double[] sum;
    private final float[] re;
    private final float[] im;
    private final float[] frame;

    MaskedInverse(int fftSize, int hop, int frames, int length) {
        this.fftSize = fftSize;
        this.hop = hop;
        this.length = length;
        this.window = WindowType.HANN.create(fftSize);
        this.fft = new RealFft(fftSize);
        this.sum = new double[length];
        this.re = new float[fftSize / 2 + 1];
        this.im = new float[fftSize / 2 + 1];
        this.frame = new float[fftSize];
        double[] norm = new double[length];
        for (int t = 0; t < frames; t++) {
            int start = t * hop - fftSize / 2;
            for (int i = Math.max(0, -start); i < fftSize && start + i < length; i++) {
                norm[start + i] += (double) window[i] * window[i];
            }
        }
        for (int n = 0; n < length; n++) {
            norm[n] = norm[n] > SILENT_NORM ? 1.0 / norm[n] : 0.0;
        }
        this.inverseNorm = norm;
    }

    /** The signal of {@code source} under {@code mask[frame][bin]}, times {@code binWeight[bin]} when given. */
    float[] apply(Spectrogram source, float[][] mask, float[] binWeight) {
        java.util.Arrays.fill(sum, 0.0);
        int bins = re.length;
        for (int t = 0; t < source.frames(); t++) {
            float[] sr = source.re()[t];
            float[] si = source.im()[t];
            float[] m = mask[t];
            for (int k = 0; k < bins; k++) {
                float g = binWeight == null ? m[k] : m[k] * binWeight[k];
                re[k] = sr[k] * g;
                im[k] = si[k] * g;
            }
            fft.inverse(re, im, frame);
            int start = t * hop - fftSize / 2;
            int to = Math.min(fftSize, length - start);
            for (int i = Math.max(0, -start); i < to; i++) {
                sum[start + i] += window[i] * frame[i];
            }
        }
        float[] out = new float[length];
        for (int n = 0; n < length; n++) {
            out[n] = (float) (sum[n] * inverseNorm[n]);
        }
        return out;
    }
}
