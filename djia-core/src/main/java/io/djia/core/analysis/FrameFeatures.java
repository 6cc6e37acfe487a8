package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.Objects;

/**
 * Per-frame spectral features of a mono signal on a Hann STFT, frame {@code t} centred at {@code t * hopSize}:
 * spectral centroid, 85% roll-off, flatness (Wiener entropy), flux, RMS, the level in each {@link Band} and
 * chroma. The static one-frame methods allocate nothing and can run inside a streaming analysis.
 *
 * <p>Immutable; accessors return copies.
 */
public final class FrameFeatures {
    /** Share of spectral energy below the roll-off frequency. */
    public static final double ROLLOFF_FRACTION = 0.85;

    private final int sampleRate;
    private final int fftSize;
    private final int hopSize;
    private final double[] centroidHz;
    private final double[] rolloffHz;
    private final double[] flatness;
    private final double[] flux;
    private final double[] rms;
    private final double[][] bandLevelDb;
    private final float[][] chroma;

    private FrameFeatures(int sampleRate, int fftSize, int hopSize, int frames) {
        this.sampleRate = sampleRate;
        this.fftSize = fftSize;
        this.hopSize = hopSize;
        centroidHz = new double[frames];
        rolloffHz = new double[frames];
        flatness = new double[frames];
        flux = new double[frames];
        rms = new double[frames];
        bandLevelDb = new double[frames][Band.values().length];
        chroma = new float[frames][12];
    }

    /** Features of the channels' average with ~46 ms frames every ~11.6 ms (2048 / 512 at 44.1 kHz). */
    public static FrameFeatures compute(AudioBuffer audio) {
        Objects.requireNonNull(audio, "audio");
        int hop = 2 * OnsetDetector.hopFor(audio.sampleRate());
        return compute(Signals.mono(audio), audio.sampleRate(), 4 * hop, hop);
    }

    /** Features of a mono signal with the given power-of-two frame and hop sizes. */
    public static FrameFeatures compute(float[] mono, int sampleRate, int fftSize, int hopSize) {
        Objects.requireNonNull(mono, "mono");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        Stft stft = new Stft(fftSize, hopSize, WindowType.HANN);
        FrameFeatures f = new FrameFeatures(sampleRate, fftSize, hopSize, stft.frameCount(mono.length));
        double binHz = sampleRate / (double) fftSize;
        int bins = stft.bins();
        float[] power = new float[bins];
        float[] magnitude = new float[bins];
        float[] previous = new float[bins];
        int[] bandOfBin = new int[bins];
        int[] pitchClassOfBin = new int[bins];
        for (int k = 0; k < bins; k++) {
            Band b = Band.of(k * binHz);
            bandOfBin[k] = b == null ? -1 : b.ordinal();
            double hz = k * binHz;
            pitchClassOfBin[k] = (hz >= Chromagram.LOW_HZ && hz <= Chromagram.HIGH_HZ)
                    ? Math.floorMod((int) Math.rint(69 + 12 * Math.log(hz / 440.0) / Math.log(2)), 12) : -1;
        }
        // Hann: coherent gain N/2 maps a unit sine to magnitude 1; sum w^2 = 3N/8 for mean-square levels.
        double amplitudeScale = 2.0 / (fftSize / 2.0);
        double meanSquareScale = 2.0 / (fftSize * (3.0 * fftSize / 8.0));
        double[] bandSum = new double[Band.values().length];
        stft.forEachFrame(mono, (t, re, im) -> {
            for (int k = 0; k < bins; k++) {
                power[k] = re[k] * re[k] + im[k] * im[k];
                magnitude[k] = (float) (Math.sqrt(power[k]) * amplitudeScale);
            }
            f.centroidHz[t] = centroidHz(power, binHz);
            f.rolloffHz[t] = rolloffHz(power, binHz, ROLLOFF_FRACTION);
            f.flatness[t] = flatness(power);
            f.flux[t] = t == 0 ? 0 : flux(magnitude, previous);
            System.arraycopy(magnitude, 0, previous, 0, bins);
            f.rms[t] = rms(mono, t * hopSize - fftSize / 2, fftSize);
            java.util.Arrays.fill(bandSum, 0);
            float max = 0;
            float[] c = f.chroma[t];
            for (int k = 1; k < bins; k++) {
                if (bandOfBin[k] >= 0) {
                    bandSum[bandOfBin[k]] += power[k];
                }
                if (pitchClassOfBin[k] >= 0) {
                    c[pitchClassOfBin[k]] += power[k];
                }
            }
            for (int b = 0; b < bandSum.length; b++) {
                double ms = bandSum[b] * meanSquareScale;
                f.bandLevelDb[t][b] = ms > 1e-20 ? 10 * Math.log10(ms) : BandProfile.SILENT_DB;
            }
            for (float v : c) {
                max = Math.max(max, v);
            }
            if (max > 0) {
                for (int pc = 0; pc < 12; pc++) {
                    c[pc] /= max;
                }
            }
        });
        return f;
    }

    /** Power-weighted mean frequency of a one-sided power spectrum; 0 for silence. */
    public static double centroidHz(float[] power, double binHz) {
        double num = 0;
        double den = 0;
        for (int k = 1; k < power.length; k++) {
            num += k * (double) power[k];
            den += power[k];
        }
        return den > 0 ? binHz * num / den : 0;
    }

    /** Frequency under which {@code fraction} of the spectral energy lies; 0 for silence. */
    public static double rolloffHz(float[] power, double binHz, double fraction) {
        double total = 0;
        for (int k = 1; k < power.length; k++) {
            total += power[k];
        }
        if (total <= 0) {
            return 0;
        }
        double target = fraction * total;
        double sum = 0;
        for (int k = 1; k < power.length; k++) {
            sum += power[k];
            if (sum >= target) {
                return k * binHz;
            }
        }
        return (power.length - 1) * binHz;
    }

    /**
     * Spectral flatness: geometric over arithmetic mean of the power spectrum (DC and Nyquist excluded), in
     * [0, 1]: near 0 for a tone, about 0.56 (e^-gamma) for white noise. 0 for silence.
     */
    public static double flatness(float[] power) {
        double logSum = 0;
        double sum = 0;
        int n = power.length - 2;
        for (int k = 1; k <= n; k++) {
            double p = power[k] + 1e-20;
            logSum += Math.log(p);
            sum += p;
        }
        if (sum <= 1e-20 * n * 2) {
            return 0;
        }
        return Math.min(1.0, Math.exp(logSum / n) / (sum / n));
    }

    /** Spectral flux: the Euclidean norm of the rises in magnitude from the previous frame. */
    public static double flux(float[] magnitude, float[] previousMagnitude) {
        double s = 0;
        for (int k = 0; k < magnitude.length; k++) {
            double d = magnitude[k] - previousMagnitude[k];
            if (d > 0) {
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    /** RMS of {@code length} samples from {@code start}, counting samples outside the signal as zero. */
    public static double rms(float[] signal, int start, int length) {
        double s = 0;
        for (int i = Math.max(0, start); i < Math.min(signal.length, start + length); i++) {
            s += (double) signal[i] * signal[i];
        }
        return Math.sqrt(s / length);
    }

    public int frames() {
        return rms.length;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int fftSize() {
        return fftSize;
    }

    public int hopSize() {
        return hopSize;
    }

    public double[] centroidHz() {
        return centroidHz.clone();
    }

    public double[] rolloffHz() {
        return rolloffHz.clone();
    }

    public double[] flatness() {
        return flatness.clone();
    }

    /** Flux in amplitude units (a unit sine has magnitude 1 in its bin). */
    public double[] flux() {
        return flux.clone();
    }

    public double[] rms() {
        return rms.clone();
    }

    /** Mean-square level in dB of each band per frame, {@code [frame][Band.ordinal()]}. */
    public double[][] bandLevelDb() {
        double[][] out = new double[bandLevelDb.length][];
        for (int t = 0; t < out.length; t++) {
            out[t] = bandLevelDb[t].clone();
        }
        return out;
    }

    /** Chroma per frame, {@code [frame][pitch class]}, each frame scaled so its largest bin is 1. */
    public float[][] chroma() {
        float[][] out = new float[chroma.length][];
        for (int t = 0; t < out.length; t++) {
            out[t] = chroma[t].clone();
        }
        return out;
    }

    /** Time in seconds of frame {@code t}'s centre. */
    public double secondsOfFrame(int t) {
        return t * (double) hopSize / sampleRate;
    }
}
