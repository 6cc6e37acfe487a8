package io.djia.separate;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Spectrogram;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.Objects;

/**
 * The embedded separator: no model files, fast enough to run on every generated clip.
 *
 * <ul>
 *   <li>Above the bass crossover, harmonic-percussive separation by median filtering of the magnitude
 *       spectrogram along time (sustained partials) and along frequency (broadband transients), with soft masks
 *       (Fitzgerald, "Harmonic/percussive separation using median filtering", DAFx 2010) and a separation margin
 *       (Driedger, Müller and Disch, "Extending harmonic-percussive separation of audio signals", ISMIR 2014).</li>
 *   <li>Under the crossover, where kick tails and bass notes look alike to median filters, the percussive share
 *       comes from {@link KickBassSplit} (decay and repetition).</li>
 *   <li>Drums: the percussive share. Bass: the harmonic share under a raised-cosine low-pass crossover.</li>
 *   <li>Vocals (stereo only): the harmonic share above the crossover, inside the voice band, weighted by how
 *       centred each bin is (left/right similarity, after Avendano and Jot, "A frequency-domain approach to
 *       multichannel upmix", JAES 2004).</li>
 *   <li>Other: what the three leave, so the stems sum back to the clip.</li>
 * </ul>
 * Masks are computed once from the summed power of the channels and applied to every channel, so each stem
 * keeps the clip's stereo image. Thread-safe: every call plans its own transforms and buffers.
 */
public final class DspSeparator implements Separator {
    private static final float EPS = 1e-12f;

    private final DspSettings settings;

    public DspSeparator(DspSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public DspSeparator() {
        this(DspSettings.defaults());
    }

    public DspSettings settings() {
        return settings;
    }

    @Override
    public Stems separate(AudioBuffer clip, SeparationProgress progress) {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(progress, "progress");
        if (clip.channels() > 2) {
            throw new IllegalArgumentException("the DSP separator takes mono or stereo clips, got "
                    + clip.channels() + " channels; fold it to stereo first");
        }
        float peak = clip.peak();
        if (!Float.isFinite(peak)) {
            throw new IllegalArgumentException("the clip holds NaN or infinite samples; expected finite audio");
        }
        int channels = clip.channels();
        int length = clip.frames();
        double rate = clip.sampleRate();
        double binHz = rate / settings.fftSize();
        Stft stft = new Stft(settings.fftSize(), settings.hopSize(), WindowType.HANN);
        Spectrogram[] spectra = new Spectrogram[channels];
        for (int c = 0; c < channels; c++) {
            spectra[c] = stft.forward(clip.channel(c));
        }
        progress.update(0.15);
        int frames = spectra[0].frames();
        int bins = spectra[0].bins();
        float[][] magnitude = combinedMagnitude(spectra);

        int harmonicHalf = Math.max(1, (int) Math.round(settings.harmonicMedianMs() / 1000.0 * rate
                / settings.hopSize() / 2.0));
        int percussiveHalf = Math.max(1, (int) Math.round(settings.percussiveMedianHz() / binHz / 2.0));
        float[][] harmonic = medianAlongTime(magnitude, harmonicHalf);
        float[][] percussive = medianAlongFrequency(magnitude, percussiveHalf);
        softMasks(harmonic, percussive, (float) settings.margin(), settings.power());
        progress.update(0.4);

        float[] lowPass = new float[bins];
        float[] voiceBand = new float[bins];
        int lowBins = 0;
        for (int k = 0; k < bins; k++) {
            double hz = k * binHz;
            lowPass[k] = (float) lowPassWeight(hz, settings.bassCrossoverHz(), settings.crossoverOctaves());
            voiceBand[k] = (float) ((1.0 - lowPassWeight(hz, settings.vocalLowHz(), 0.5))
                    * lowPassWeight(hz, settings.vocalHighHz(), 1.0));
            if (lowPass[k] > 0) {
                lowBins = k + 1;
            }
        }
        if (lowBins > 0 && frames > 1) {
            float[][] kick = KickBassSplit.kickShare(magnitude, lowBins, rate / settings.hopSize(),
                    settings.kickDecayLagMs(), settings.kickMaskSharpness());
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < lowBins; k++) {
                    float w = lowPass[k];
                    harmonic[t][k] = w * (1 - kick[t][k]) + (1 - w) * harmonic[t][k];
                    percussive[t][k] = w * kick[t][k] + (1 - w) * percussive[t][k];
                }
            }
        }
        progress.update(0.55);

        MaskedInverse inverse = new MaskedInverse(settings.fftSize(), settings.hopSize(), frames, length);
        float[][] drums = new float[channels][];
        float[][] bass = new float[channels][];
        float[][] vocals = new float[channels][];
        for (int c = 0; c < channels; c++) {
            drums[c] = inverse.apply(spectra[c], percussive, null);
            bass[c] = inverse.apply(spectra[c], harmonic, lowPass);
            progress.update(0.55 + 0.3 * (c + 1) / channels);
        }
        if (channels == 2) {
            float[][] vocalMask = centredVoiceMask(spectra[0], spectra[1], harmonic, lowPass, voiceBand,
                    settings.centreSharpness(), magnitude);
            for (int c = 0; c < channels; c++) {
                vocals[c] = inverse.apply(spectra[c], vocalMask, null);
            }
        } else {
            vocals[0] = new float[length];
        }
        progress.update(1.0);
        int sr = clip.sampleRate();
        return Stems.withResidualOther(clip, new AudioBuffer(drums, sr), new AudioBuffer(bass, sr),
                new AudioBuffer(vocals, sr));
    }

    @Override
    public String description() {
        return "dsp (median-filter HPSS, kick/bass split under " + (int) settings.bassCrossoverHz() + " Hz)";
    }

    @Override
    public void close() {
        // Holds nothing native.
    }

    /** 1 below {@code cutoffHz * 2^(-octaves/2)}, 0 above {@code cutoffHz * 2^(octaves/2)}, raised cosine in log frequency between. */
    static double lowPassWeight(double hz, double cutoffHz, double octaves) {
        if (hz <= 0) {
            return 1.0;
        }
        double x = Math.log(hz / cutoffHz) / Math.log(2) / octaves + 0.5;
        if (x <= 0) {
            return 1.0;
        }
        if (x >= 1) {
            return 0.0;
        }
        return 0.5 * (1 + Math.cos(Math.PI * x));
    }

    private static float[][] combinedMagnitude(Spectrogram[] spectra) {
        int frames = spectra[0].frames();
        int bins = spectra[0].bins();
        float[][] magnitude = new float[frames][bins];
        for (int t = 0; t < frames; t++) {
            float[] m = magnitude[t];
            for (Spectrogram s : spectra) {
                float[] re = s.re()[t];
                float[] im = s.im()[t];
                for (int k = 0; k < bins; k++) {
                    m[k] += re[k] * re[k] + im[k] * im[k];
                }
            }
            for (int k = 0; k < bins; k++) {
                m[k] = (float) Math.sqrt(m[k]);
            }
        }
        return magnitude;
    }

    /**
     * Turns the harmonic and percussive estimates into soft masks in place: harmonic where H exceeds margin * P,
     * percussive where P exceeds margin * H, Wiener-like with the given power (Driedger 2014, eq. 5 made soft).
     */
    private static void softMasks(float[][] harmonic, float[][] percussive, float margin, double power) {
        boolean square = power == 2.0;
        for (int t = 0; t < harmonic.length; t++) {
            float[] h = harmonic[t];
            float[] q = percussive[t];
            for (int k = 0; k < h.length; k++) {
                double hp;
                double pp;
                if (square) {
                    hp = (double) h[k] * h[k];
                    pp = (double) q[k] * q[k];
                } else {
                    hp = Math.pow(h[k], power);
                    pp = Math.pow(q[k], power);
                }
                double hm = square ? hp * margin * margin : Math.pow(margin * h[k], power);
                double pm = square ? pp * margin * margin : Math.pow(margin * q[k], power);
                h[k] = (float) (hp / (hp + pm + EPS));
                q[k] = (float) (pp / (pp + hm + EPS));
            }
        }
    }

    /**
     * The vocal mask: harmonic share above the crossover, in the voice band, times the left/right similarity
     * {@code 2 Re(L R*) / (|L|^2 + |R|^2)} (1 for a centred source, 0 for one side or opposite phase) raised to
     * {@code sharpness}. Written into {@code out}.
     */
    private static float[][] centredVoiceMask(Spectrogram left, Spectrogram right, float[][] harmonic,
                                              float[] lowPass, float[] voiceBand, double sharpness, float[][] out) {
        for (int t = 0; t < harmonic.length; t++) {
            float[] lr = left.re()[t];
            float[] li = left.im()[t];
            float[] rr = right.re()[t];
            float[] ri = right.im()[t];
            float[] h = harmonic[t];
            float[] v = out[t];
            for (int k = 0; k < h.length; k++) {
                float band = (1 - lowPass[k]) * voiceBand[k];
                if (band <= 0) {
                    v[k] = 0f;
                    continue;
                }
                double cross = lr[k] * rr[k] + li[k] * ri[k];
                double energy = lr[k] * lr[k] + li[k] * li[k] + rr[k] * rr[k] + ri[k] * ri[k];
                double similarity = cross > 0 ? 2 * cross / (energy + EPS) : 0.0;
                double centred = sharpness == 4.0 ? similarity * similarity * similarity * similarity
                        : Math.pow(similarity, sharpness);
                v[k] = (float) (h[k] * band * centred);
            }
        }
        return out;
    }

    /** Median of each bin over time; bins go in blocks so the gathers run along rows, not across them. */
    private static float[][] medianAlongTime(float[][] magnitude, int half) {
        int frames = magnitude.length;
        int bins = magnitude[0].length;
        int block = 64;
        float[][] out = new float[frames][bins];
        float[][] columns = new float[block][frames];
        float[] filtered = new float[frames];
        SlidingMedian median = new SlidingMedian(half);
        for (int k0 = 0; k0 < bins; k0 += block) {
            int width = Math.min(block, bins - k0);
            for (int t = 0; t < frames; t++) {
                float[] row = magnitude[t];
                for (int j = 0; j < width; j++) {
                    columns[j][t] = row[k0 + j];
                }
            }
            for (int j = 0; j < width; j++) {
                median.filter(columns[j], frames, half, filtered);
                System.arraycopy(filtered, 0, columns[j], 0, frames);
            }
            for (int t = 0; t < frames; t++) {
                float[] row = out[t];
                for (int j = 0; j < width; j++) {
                    row[k0 + j] = columns[j][t];
                }
            }
        }
        return out;
    }

    private static float[][] medianAlongFrequency(float[][] magnitude, int half) {
        int bins = magnitude[0].length;
        float[][] out = new float[magnitude.length][bins];
        SlidingMedian median = new SlidingMedian(half);
        for (int t = 0; t < magnitude.length; t++) {
            median.filter(magnitude[t], bins, half, out[t]);
        }
        return out;
    }
}
