package io.djia.separate.demucs;

import io.djia.core.audio.AudioBuffer;
import io.djia.separate.SeparationProgress;
import io.djia.separate.Stem;
import io.djia.separate.Stems;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs a {@link SegmentModel} over a whole clip the way Demucs' {@code apply_model} does, doing on the host what
 * exports leave out:
 * <ol>
 *   <li>normalise by the mean and standard deviation of the mono mixture (Demucs {@code separate.py});</li>
 *   <li>pad with {@code fftSize} zeros at both ends, so the clip's edges never fall in the frames the
 *       spectrogram crops;</li>
 *   <li>cut segments of the model's length with the described overlap, zero-padding the last one
 *       symmetrically;</li>
 *   <li>per segment, the STFT for the spectrogram input and the inverse STFT of the spectrogram output, added
 *       to the time-branch output (HTDemucs sums its two branches);</li>
 *   <li>overlap-add with a linear (triangular) cross-fade window normalised by the summed weights;</li>
 *   <li>undo the scaling; drums, bass and vocals come from the model, and "other" is whatever they leave of
 *       the mixture, so the stems sum back exactly (the mixture's mean, the model's residual and any extra
 *       stems such as guitar or piano end up there).</li>
 * </ol>
 * Clips must be at the model's sample rate; a mono clip is duplicated to the model's channels and its stems
 * folded back. Not thread-safe: scratch buffers are reused between calls.
 */
public final class HybridPipeline {
    private static final double SILENT_STD = 1e-9;

    private final DemucsModelDescription description;
    private final SegmentModel model;
    private final HybridSpectrogram spectrogram;
    private final float[] waveform;
    private final float[] spectrogramIn;
    private final float[] waveformOut;
    private final float[] spectrogramOut;
    private final float[] crossFade;
    private final float[] segmentStem;
    /** For each model stem, the stem it feeds, or null when it folds into "other". */
    private final Stem[] stemOf;

    public HybridPipeline(DemucsModelDescription description, SegmentModel model) {
        this.description = Objects.requireNonNull(description, "description");
        this.model = Objects.requireNonNull(model, "model");
        int n = description.segmentFrames();
        int c = description.channels();
        int s = description.stems().size();
        this.spectrogram = description.spectral()
                ? new HybridSpectrogram(description.fftSize(), description.hopSize(), n) : null;
        int specPlane = description.spectral() ? description.spectrogramBins() * description.spectrogramFrames() : 0;
        this.waveform = new float[c * n];
        this.spectrogramIn = description.spectrogramInput() == null ? null : new float[2 * c * specPlane];
        this.waveformOut = description.waveformOutput() == null ? null : new float[s * c * n];
        this.spectrogramOut = description.spectrogramOutput() == null ? null : new float[s * 2 * c * specPlane];
        this.crossFade = crossFade(n);
        this.segmentStem = new float[n];
        this.stemOf = new Stem[s];
        for (int i = 0; i < s; i++) {
            String name = description.stems().get(i).toLowerCase(Locale.ROOT);
            stemOf[i] = switch (name) {
                case "drums" -> Stem.DRUMS;
                case "bass" -> Stem.BASS;
                case "vocals" -> Stem.VOCALS;
                default -> null;
            };
        }
    }

    public DemucsModelDescription description() {
        return description;
    }

    /** Separates a clip at the model's sample rate; progress counts segments. */
    public Stems separate(AudioBuffer mixture, SeparationProgress progress) {
        Objects.requireNonNull(mixture, "mixture");
        Objects.requireNonNull(progress, "progress");
        if (mixture.sampleRate() != description.sampleRate()) {
            throw new IllegalArgumentException("the clip is at " + mixture.sampleRate() + " Hz but model "
                    + description.name() + " expects " + description.sampleRate() + " Hz; resample it first");
        }
        int channels = description.channels();
        AudioBuffer input = channels == 2 ? (mixture.channels() == 2 ? mixture : mixture.toStereo())
                : (mixture.channels() == 1 ? mixture : mixture.toMono());
        int length = input.frames();
        double[] stats = monoMeanAndStd(input);
        double mean = stats[0];
        double std = stats[1];
        if (length == 0 || std < SILENT_STD) {
            progress.update(1.0);
            return silentStems(mixture);
        }

        int margin = description.spectral() ? description.fftSize() : 0;
        int total = margin + length + margin;
        float[][] normalised = new float[channels][total];
        float scale = (float) (1.0 / std);
        for (int c = 0; c < channels; c++) {
            float[] src = input.channel(c);
            float[] dst = normalised[c];
            for (int i = 0; i < length; i++) {
                dst[margin + i] = (float) ((src[i] - mean) * scale);
            }
        }

        int n = description.segmentFrames();
        int stride = Math.max(1, (int) ((1.0 - description.overlap()) * n));
        int segments = (total + stride - 1) / stride;
        float[][][] out = new float[Stem.values().length][][];
        for (Stem s : stemOf) {
            if (s != null && out[s.ordinal()] == null) {
                out[s.ordinal()] = new float[channels][total];
            }
        }
        float[] weightSum = new float[total];
        int done = 0;
        for (int offset = 0; offset < total; offset += stride) {
            int chunk = Math.min(n, total - offset);
            int lead = (n - chunk) / 2;
            fillSegment(normalised, offset - lead, total);
            runSegment();
            for (int s = 0; s < stemOf.length; s++) {
                if (stemOf[s] == null) {
                    continue;
                }
                float[][] target = out[stemOf[s].ordinal()];
                for (int c = 0; c < channels; c++) {
                    segmentStemSignal(s, c);
                    float[] dst = target[c];
                    for (int i = 0; i < chunk; i++) {
                        dst[offset + i] += crossFade[i] * segmentStem[lead + i];
                    }
                }
            }
            for (int i = 0; i < chunk; i++) {
                weightSum[offset + i] += crossFade[i];
            }
            progress.update(++done / (double) segments);
        }

        AudioBuffer[] stems = new AudioBuffer[Stem.values().length];
        for (Stem s : new Stem[] {Stem.DRUMS, Stem.BASS, Stem.VOCALS}) {
            float[][] result = new float[channels][length];
            float[][] acc = out[s.ordinal()];
            if (acc != null) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < length; i++) {
                        result[c][i] = (float) (acc[c][margin + i] / weightSum[margin + i] * std);
                    }
                }
            }
            stems[s.ordinal()] = toChannels(new AudioBuffer(result, mixture.sampleRate()), mixture.channels());
        }
        return Stems.withResidualOther(mixture, stems[Stem.DRUMS.ordinal()], stems[Stem.BASS.ordinal()],
                stems[Stem.VOCALS.ordinal()]);
    }

    /** Copies {@code normalised[start .. start + N)} into the waveform tensor, zeros outside [0, total). */
    private void fillSegment(float[][] normalised, int start, int total) {
        int n = description.segmentFrames();
        Arrays.fill(waveform, 0f);
        int from = Math.max(0, -start);
        int to = Math.min(n, total - start);
        for (int c = 0; c < normalised.length; c++) {
            if (to > from) {
                System.arraycopy(normalised[c], start + from, waveform, c * n + from, to - from);
            }
        }
    }

    private void runSegment() {
        if (spectrogramIn != null) {
            for (int c = 0; c < description.channels(); c++) {
                spectrogram.forward(waveform, c * description.segmentFrames(), spectrogramIn, c);
            }
        }
        model.run(waveform, spectrogramIn, waveformOut, spectrogramOut);
    }

    /** Time branch plus inverse STFT of the frequency branch for one model stem and channel. */
    private void segmentStemSignal(int stem, int channel) {
        int n = description.segmentFrames();
        int c = description.channels();
        if (waveformOut != null) {
            System.arraycopy(waveformOut, (stem * c + channel) * n, segmentStem, 0, n);
        } else {
            Arrays.fill(segmentStem, 0f);
        }
        if (spectrogramOut != null) {
            int plane = description.spectrogramBins() * description.spectrogramFrames();
            spectrogram.inverseAdd(spectrogramOut, (stem * 2 * c + 2 * channel) * plane, segmentStem, 0);
        }
    }

    /**
     * Demucs' transition window: 1, 2, .. N/2 then N - N/2 .. 1, scaled to a peak of 1, so neighbouring
     * segments cross-fade linearly over their overlap.
     */
    static float[] crossFade(int n) {
        float[] w = new float[n];
        int half = n / 2;
        double peak = Math.max(half, n - half);
        for (int i = 0; i < half; i++) {
            w[i] = (float) ((i + 1) / peak);
        }
        for (int i = half; i < n; i++) {
            w[i] = (float) ((n - i) / peak);
        }
        return w;
    }

    /** Mean and unbiased standard deviation of the channel average, as torch's {@code mean()} and {@code std()}. */
    static double[] monoMeanAndStd(AudioBuffer input) {
        int length = input.frames();
        int channels = input.channels();
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double v = 0;
            for (int c = 0; c < channels; c++) {
                v += input.channel(c)[i];
            }
            sum += v / channels;
        }
        double mean = length == 0 ? 0 : sum / length;
        double squares = 0;
        for (int i = 0; i < length; i++) {
            double v = 0;
            for (int c = 0; c < channels; c++) {
                v += input.channel(c)[i];
            }
            double d = v / channels - mean;
            squares += d * d;
        }
        double std = length < 2 ? 0 : Math.sqrt(squares / (length - 1));
        return new double[] {mean, std};
    }

    private static AudioBuffer toChannels(AudioBuffer b, int channels) {
        if (b.channels() == channels) {
            return b;
        }
        return channels == 1 ? b.toMono() : b.toStereo();
    }

    private static Stems silentStems(AudioBuffer mixture) {
        int c = mixture.channels();
        int n = mixture.frames();
        int rate = mixture.sampleRate();
        return Stems.withResidualOther(mixture, AudioBuffer.silence(c, n, rate), AudioBuffer.silence(c, n, rate),
                AudioBuffer.silence(c, n, rate));
    }
}
