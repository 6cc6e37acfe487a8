package io.djia.separate.demucs;

import io.djia.core.spectral.RealFft;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;

/**
 * The STFT and inverse STFT that HTDemucs computes around its network ({@code HTDemucs._spec} and
 * {@code _ispec} in facebookresearch/demucs), done on the host because exports leave them out.
 *
 * <p>Forward: reflect-pad the segment by {@code 3/2 hop} on the left and up to a whole number of hops plus
 * {@code 3/2 hop} on the right, take a centred (reflect-padded) Hann STFT normalised by 1/sqrt(fftSize)
 * (torch.stft {@code normalized=True}), drop the Nyquist bin and keep frames 2 .. T+1, T = ceil(N / hop).
 * Inverse: put the frames back with two zero frames at each end and a zero Nyquist bin, scale by
 * sqrt(fftSize), weighted overlap-add divided by the summed squared window (torch.istft), and crop the
 * padding. Plans, the padded copy and the window envelope are made once per segment size.
 *
 * <p>Not thread-safe: one instance per pipeline.
 */
final class HybridSpectrogram {
    private final int fftSize;
    private final int hop;
    private final int segment;
    private final int bins;
    private final int frames;
    private final int pad;
    private final int paddedLength;
    private final float forwardScale;
    private final float inverseScale;
    private final Stft stft;
    private final RealFft fft;
    private final float[] window;
    private final float[] padded;
    private final float[] re;
    private final float[] im;
    private final float[] frame;
    private final double[] sum;
    private final double[] inverseEnvelope;

    HybridSpectrogram(int fftSize, int hopSize, int segmentFrames) {
        this.fftSize = fftSize;
        this.hop = hopSize;
        this.segment = segmentFrames;
        this.bins = fftSize / 2;
        this.frames = (segmentFrames + hopSize - 1) / hopSize;
        this.pad = hopSize / 2 * 3;
        this.paddedLength = frames * hopSize + 2 * pad;
        this.forwardScale = (float) (1.0 / Math.sqrt(fftSize));
        this.inverseScale = (float) Math.sqrt(fftSize);
        this.stft = new Stft(fftSize, hopSize, WindowType.HANN);
        this.fft = new RealFft(fftSize);
        this.window = WindowType.HANN.create(fftSize);
        this.padded = new float[paddedLength + fftSize];
        this.re = new float[fftSize / 2 + 1];
        this.im = new float[fftSize / 2 + 1];
        this.frame = new float[fftSize];
        this.sum = new double[paddedLength];
        // The envelope counts every frame of torch.istft, the zero ones at both ends included.
        double[] envelope = new double[paddedLength];
        for (int k = 0; k < frames + 4; k++) {
            int start = k * hopSize - fftSize / 2;
            for (int i = Math.max(0, -start); i < fftSize && start + i < paddedLength; i++) {
                envelope[start + i] += (double) window[i] * window[i];
            }
        }
        this.inverseEnvelope = new double[paddedLength];
        for (int n = 0; n < paddedLength; n++) {
            inverseEnvelope[n] = envelope[n] > 1e-11 ? 1.0 / envelope[n] : 0.0;
        }
    }

    int bins() {
        return bins;
    }

    int frames() {
        return frames;
    }

    /**
     * Transforms {@code signal[offset .. offset + segment)} and writes it into the complex-as-channels tensor
     * {@code out} ({@code [2C][bins][frames]}) at the planes of {@code channel}.
     */
    void forward(float[] signal, int offset, float[] out, int channel) {
        int half = fftSize / 2;
        // Two reflections: the segment padding of HTDemucs, then the centring of torch.stft.
        for (int j = 0; j < padded.length; j++) {
            int inPadded = reflect(j - half, paddedLength);
            padded[j] = signal[offset + reflect(inPadded - pad, segment)];
        }
        int plane = bins * frames;
        int reBase = 2 * channel * plane;
        int imBase = reBase + plane;
        for (int t = 0; t < frames; t++) {
            int k = t + 2;
            stft.frameSpectrum(padded, k * hop + half, re, im);
            for (int f = 0; f < bins; f++) {
                out[reBase + f * frames + t] = re[f] * forwardScale;
                out[imBase + f * frames + t] = im[f] * forwardScale;
            }
        }
    }

    /**
     * Inverts the complex-as-channels planes that start at {@code reBase} (real) and {@code reBase + bins *
     * frames} (imaginary) of {@code spec}, and adds the {@code segment} samples to {@code out[outOffset ..]}.
     */
    void inverseAdd(float[] spec, int reBase, float[] out, int outOffset) {
        int plane = bins * frames;
        int imBase = reBase + plane;
        java.util.Arrays.fill(sum, 0.0);
        int half = fftSize / 2;
        for (int t = 0; t < frames; t++) {
            for (int f = 0; f < bins; f++) {
                re[f] = spec[reBase + f * frames + t] * inverseScale;
                im[f] = spec[imBase + f * frames + t] * inverseScale;
            }
            re[bins] = 0f;
            im[bins] = 0f;
            // RealFft ignores the imaginary parts of the DC and Nyquist bins, as numpy's irfft does.
            fft.inverse(re, im, frame);
            int start = (t + 2) * hop - half;
            int from = Math.max(0, -start);
            int to = Math.min(fftSize, paddedLength - start);
            for (int i = from; i < to; i++) {
                sum[start + i] += (double) window[i] * frame[i];
            }
        }
        for (int i = 0; i < segment; i++) {
            int n = pad + i;
            out[outOffset + i] += (float) (sum[n] * inverseEnvelope[n]);
        }
    }

    /** Index of {@code i} mirrored into [0, length) without repeating the edge sample, as numpy "reflect". */
    static int reflect(int i, int length) {
        if (i >= 0 && i < length) {
            return i;
        }
        if (length == 1) {
            return 0;
        }
        int period = 2 * (length - 1);
        int m = Math.floorMod(i, period);
        return m < length ? m : period - m;
    }
}
