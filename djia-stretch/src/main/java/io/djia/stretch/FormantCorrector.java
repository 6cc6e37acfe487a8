package io.djia.stretch;

import io.djia.core.spectral.RealFft;

/**
 * Formant preservation by the cepstral envelope: the log-amplitude spectrum is smoothed by keeping only the
 * cepstrum's low quefrencies (Oppenheim and Schafer, homomorphic deconvolution; the "true envelope" family of
 * Röbel and Rodet 2005 refines the same idea). The vocoder works on audio already resampled by the pitch
 * factor {@code p}, whose envelope {@code E'(f)} is the original's moved to {@code E(f / p)}; multiplying bin
 * {@code f} by {@code E'(p f) / E'(f)} puts the original envelope back while the harmonics stay shifted.
 *
 * <p>Gains are limited to +-20 dB so near-empty regions (above the resampler's cut-off) are not blown up.
 * Not thread-safe; no allocation after construction.
 */
final class FormantCorrector {
    private static final double MAX_LOG_GAIN = Math.log(10.0);
    /** Power floor relative to the loudest bin, so log(0) never enters the cepstrum (-100 dB). */
    private static final double FLOOR = 1e-10;

    private final int size;
    private final int bins;
    private final int lifter;
    private final RealFft fft;
    private final float[] logAmp;
    private final float[] zeros;
    private final float[] cepstrum;
    private final float[] envelope;
    private final float[] envelopeIm;
    private final float[] gains;

    /** @param lifterQuefrency cepstral coefficients kept on each side, in samples */
    FormantCorrector(int size, int lifterQuefrency) {
        this.size = size;
        this.bins = size / 2 + 1;
        this.lifter = Math.min(lifterQuefrency, size / 2 - 1);
        this.fft = new RealFft(size);
        this.logAmp = new float[bins];
        this.zeros = new float[bins];
        this.cepstrum = new float[size];
        this.envelope = new float[bins];
        this.envelopeIm = new float[bins];
        this.gains = new float[bins];
    }

    /** Bin gains that move the envelope of {@code power} (all bins) back by {@code pitchScale}; a view, reused. */
    float[] gains(float[] power, double pitchScale) {
        float max = 0f;
        for (int k = 0; k < bins; k++) {
            max = Math.max(max, power[k]);
        }
        if (max <= 0f) {
            java.util.Arrays.fill(gains, 1f);
            return gains;
        }
        double floor = max * FLOOR;
        for (int k = 0; k < bins; k++) {
            logAmp[k] = (float) (0.5 * Math.log(power[k] + floor));
        }
        fft.inverse(logAmp, zeros, cepstrum);
        for (int q = lifter; q <= size - lifter; q++) {
            cepstrum[q] = 0f;
        }
        fft.forward(cepstrum, envelope, envelopeIm);
        for (int k = 0; k < bins; k++) {
            double pos = k * pitchScale;
            double target;
            if (pos >= bins - 1) {
                target = envelope[bins - 1];
            } else {
                int i = (int) pos;
                double f = pos - i;
                target = envelope[i] + f * (envelope[i + 1] - envelope[i]);
            }
            double logGain = Math.max(-MAX_LOG_GAIN, Math.min(MAX_LOG_GAIN, target - envelope[k]));
            gains[k] = (float) Math.exp(logGain);
        }
        return gains;
    }
}
