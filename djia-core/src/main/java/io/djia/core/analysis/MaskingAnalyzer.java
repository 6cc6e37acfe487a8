package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Overlap between a new clip and the current mix per critical band (Zwicker's 24 Bark bands), so the stem
 * selector and the mixer can keep two instruments out of each other's way.
 *
 * <p>Both signals go through the same ~46 ms Hann STFT and are summed into Bark bands per frame. For band b,
 * with c and m the clip's and the mix's band powers over time:
 * <ul>
 *   <li>simultaneity T_b = sum sqrt(c m) / sqrt(sum c * sum m), 1 when the two move together, small when they
 *       alternate (Cauchy-Schwarz);</li>
 *   <li>shares p_b, q_b: the fraction of each signal's energy in band b;</li>
 *   <li>band overlap = T_b * min(p_b, q_b) / max(p_b, q_b); overall = sum over b of T_b * min(p_b, q_b).</li>
 * </ul>
 * The score ignores absolute levels: how loud the clip plays is the mixer's call. Suggestions: a high-pass
 * below 500 Hz when it removes a quarter of the fight and keeps 80% of the clip, a gain cut for what
 * remains, another stem when most of the clip still fights. Frames are aligned from the start and the longer
 * signal is cut to the shorter. Stateless and thread-safe.
 */
public final class MaskingAnalyzer {
    /** Zwicker and Terhardt 1980 critical-band edges in Hz (24 bands). */
    private static final double[] BARK_EDGES_HZ = {
        0, 100, 200, 300, 400, 510, 630, 770, 920, 1080, 1270, 1480, 1720, 2000, 2320, 2700, 3150, 3700,
        4400, 5300, 6400, 7700, 9500, 12000, 15500
    };
    private static final double SIGNIFICANT_SHARE = 0.01;
    private static final double HIGH_PASS_LIMIT_HZ = 500;
    private static final double HIGH_PASS_MAX_LOSS = 0.2;
    private static final double HIGH_PASS_MIN_BENEFIT = 0.25;
    private static final double GAIN_FROM = 0.25;
    private static final double ANOTHER_STEM_FROM = 0.6;

    /** The 25 edges of the 24 Bark bands, in Hz. */
    public static double[] bandEdgesHz() {
        return BARK_EDGES_HZ.clone();
    }

    public static int bands() {
        return BARK_EDGES_HZ.length - 1;
    }

    /** Label such as "920-1080 Hz". */
    public static String bandLabel(int band) {
        return Math.round(BARK_EDGES_HZ[band]) + "-" + Math.round(BARK_EDGES_HZ[band + 1]) + " Hz";
    }

    public MaskingReport score(AudioBuffer clip, AudioBuffer mix) {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(mix, "mix");
        if (clip.sampleRate() != mix.sampleRate()) {
            throw new IllegalArgumentException("clip is at " + clip.sampleRate() + " Hz but the mix at "
                    + mix.sampleRate() + " Hz; resample one of them first");
        }
        int rate = clip.sampleRate();
        int length = Math.min(clip.frames(), mix.frames());
        float[] c = Arrays.copyOf(Signals.mono(clip), length);
        float[] m = Arrays.copyOf(Signals.mono(mix), length);
        int fftSize = Signals.powerOfTwoAtLeast(0.04 * rate);
        Stft stft = new Stft(fftSize, fftSize / 2, WindowType.HANN);
        int[] bandOfBin = bandOfBin(rate, fftSize);
        int bands = bands();
        int frames = stft.frameCount(length);
        float[][] clipBands = bandPowers(stft, c, bandOfBin, frames);
        float[][] mixBands = bandPowers(stft, m, bandOfBin, frames);

        double[] clipSum = new double[bands];
        double[] mixSum = new double[bands];
        double[] cross = new double[bands];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bands; b++) {
                clipSum[b] += clipBands[t][b];
                mixSum[b] += mixBands[t][b];
                cross[b] += Math.sqrt((double) clipBands[t][b] * mixBands[t][b]);
            }
        }
        double clipTotal = Arrays.stream(clipSum).sum();
        double mixTotal = Arrays.stream(mixSum).sum();
        double[] overlap = new double[bands];
        double[] contribution = new double[bands];
        double[] clipShare = new double[bands];
        if (clipTotal <= 0 || mixTotal <= 0) {
            return new MaskingReport(overlap, 0, List.of(), 0, 0);
        }
        double overall = 0;
        for (int b = 0; b < bands; b++) {
            double p = clipSum[b] / clipTotal;
            double q = mixSum[b] / mixTotal;
            clipShare[b] = p;
            double together = (clipSum[b] > 0 && mixSum[b] > 0) ? cross[b] / Math.sqrt(clipSum[b] * mixSum[b]) : 0;
            together = Math.min(1, together);
            contribution[b] = together * Math.min(p, q);
            overall += contribution[b];
            if (p >= SIGNIFICANT_SHARE && q >= SIGNIFICANT_SHARE) {
                overlap[b] = together * Math.min(p, q) / Math.max(p, q);
            }
        }
        overall = Math.min(1, overall);
        return suggest(overlap, contribution, clipShare, overall);
    }

    private static MaskingReport suggest(double[] overlap, double[] contribution, double[] clipShare, double overall) {
        List<String> advice = new ArrayList<>();
        double highPassHz = 0;
        double removed = 0;
        if (overall > 0) {
            double loss = 0;
            double benefit = 0;
            for (int b = 0; b < overlap.length && BARK_EDGES_HZ[b + 1] <= HIGH_PASS_LIMIT_HZ; b++) {
                loss += clipShare[b];
                benefit += contribution[b];
                if (loss > HIGH_PASS_MAX_LOSS) {
                    break;
                }
                if (benefit >= HIGH_PASS_MIN_BENEFIT * overall) {
                    highPassHz = BARK_EDGES_HZ[b + 1];
                    removed = benefit;
                }
            }
        }
        if (highPassHz > 0) {
            double lossPercent = 0;
            for (int b = 0; BARK_EDGES_HZ[b + 1] <= highPassHz; b++) {
                lossPercent += 100 * clipShare[b];
            }
            advice.add(String.format(java.util.Locale.ROOT,
                    "high-pass the clip at %.0f Hz: below it the clip fights the mix but holds only %.0f%% of its energy",
                    highPassHz, lossPercent));
        }
        double remaining = Math.max(0, overall - removed);
        double gainDb = 0;
        if (remaining >= GAIN_FROM) {
            gainDb = -Math.min(6, Math.max(1.5, Math.round(2 * 12 * (remaining - GAIN_FROM)) / 2.0));
            int band = 0;
            for (int b = 1; b < overlap.length; b++) {
                if (overlap[b] > overlap[band]) {
                    band = b;
                }
            }
            advice.add(String.format(java.util.Locale.ROOT,
                    "cut the clip by %.1f dB (or cut it around %s, where the overlap is %.0f%%)",
                    -gainDb, bandLabel(band), 100 * overlap[band]));
        }
        if (remaining >= ANOTHER_STEM_FROM) {
            advice.add(String.format(java.util.Locale.ROOT,
                    "pick another stem: %.0f%% of the clip's spectrum plays in the same bands at the same time as the mix",
                    100 * remaining));
        }
        return new MaskingReport(overlap, overall, advice, highPassHz, gainDb);
    }

    private static int[] bandOfBin(int rate, int fftSize) {
        int[] out = new int[fftSize / 2 + 1];
        double binHz = rate / (double) fftSize;
        for (int k = 0; k < out.length; k++) {
            double hz = k * binHz;
            out[k] = -1;
            for (int b = 0; b < bands(); b++) {
                if (k > 0 && hz >= BARK_EDGES_HZ[b] && hz < BARK_EDGES_HZ[b + 1]) {
                    out[k] = b;
                    break;
                }
            }
        }
        return out;
    }

    private static float[][] bandPowers(Stft stft, float[] x, int[] bandOfBin, int frames) {
        float[][] out = new float[frames][bands()];
        stft.forEachFrame(x, (t, re, im) -> {
            float[] row = out[t];
            for (int k = 1; k < bandOfBin.length; k++) {
                int b = bandOfBin[k];
                if (b >= 0) {
                    row[b] += re[k] * re[k] + im[k] * im[k];
                }
            }
        });
        return out;
    }
}
