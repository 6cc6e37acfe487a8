package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Programme loudness per ITU-R BS.1770-4 and EBU R128.
 *
 * <ul>
 *   <li>K-weighting: the BS.1770 high-shelf and high-pass biquads, designed for any sample rate from their
 *       analogue prototypes by the bilinear transform with pre-warping (at 48 kHz they equal the
 *       coefficients printed in the standard).</li>
 *   <li>Integrated loudness: 400 ms blocks with 75% overlap, an absolute gate at -70 LUFS and a relative gate
 *       10 LU below the mean of the blocks that pass the absolute gate.</li>
 *   <li>Loudness range (EBU Tech 3342): 3 s windows every 100 ms, absolute gate -70 LUFS, relative gate
 *       -20 LU, LRA = 95th minus 10th percentile.</li>
 *   <li>True peak: 4x oversampling with a windowed-sinc polyphase FIR (BS.1770-4 Annex 2).</li>
 * </ul>
 *
 * <p>Channel weights follow BS.1770: 1.0 for left, right and centre, 1.41 (+1.5 dB) for surrounds, and the
 * LFE channel of a 5.1 layout is left out. Stateless and thread-safe.
 */
public final class LoudnessMeter {
    /** BS.1770 offset that makes a 997 Hz full-scale sine in one front channel read -3.01 LKFS. */
    private static final double OFFSET_DB = -0.691;
    private static final double ABSOLUTE_GATE_LUFS = -70.0;
    private static final double RELATIVE_GATE_LU = -10.0;
    private static final double LRA_RELATIVE_GATE_LU = -20.0;
    private static final int SEGMENTS_PER_BLOCK = 4;
    private static final int SEGMENTS_PER_SHORT_TERM = 30;

    // Analogue prototypes of the BS.1770 filters (pre-filter shelf and RLB high-pass), as derived from the
    // standard's 48 kHz coefficients.
    private static final double SHELF_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double HIGH_PASS_HZ = 38.13547087602444;
    private static final double HIGH_PASS_Q = 0.5003270373238773;

    private LoudnessMeter() {
    }

    /** Integrated loudness, loudness range, true peak and the momentary / short-term maxima. */
    public static LoudnessReport measure(AudioBuffer audio) {
        Objects.requireNonNull(audio, "audio");
        double[][] segments = weightedSegmentEnergies(audio);
        int count = segments[0].length;
        double[] segmentEnergy = new double[count];
        double[] segmentSamples = segments[1];
        System.arraycopy(segments[0], 0, segmentEnergy, 0, count);

        double[] blocks = windowMeans(segmentEnergy, segmentSamples, SEGMENTS_PER_BLOCK);
        double[] shortTerm = windowMeans(segmentEnergy, segmentSamples, SEGMENTS_PER_SHORT_TERM);
        double integrated = gatedLoudness(blocks);
        double range = loudnessRange(shortTerm);
        double maxMomentary = maxLoudness(blocks);
        double maxShortTerm = shortTerm.length == 0 ? maxMomentary : maxLoudness(shortTerm);

        float samplePeak = audio.peak();
        double truePeak = TruePeak.linear(audio, samplePeak);
        return new LoudnessReport(integrated, range, toDb(truePeak), toDb(samplePeak), maxMomentary, maxShortTerm);
    }

    /** Gated integrated loudness in LUFS only. */
    public static double integratedLufs(AudioBuffer audio) {
        Objects.requireNonNull(audio, "audio");
        double[][] segments = weightedSegmentEnergies(audio);
        return gatedLoudness(windowMeans(segments[0], segments[1], SEGMENTS_PER_BLOCK));
    }

    /** True peak in dBTP only. */
    public static double truePeakDbtp(AudioBuffer audio) {
        Objects.requireNonNull(audio, "audio");
        return toDb(TruePeak.linear(audio, audio.peak()));
    }

    /**
     * K-weighting as two biquads {@code {b0, b1, b2, a1, a2}} (a0 = 1): the high shelf, then the high-pass.
     */
    public static double[][] kWeightingCoefficients(int sampleRate) {
        if (sampleRate < 8_000) {
            throw new IllegalArgumentException("K-weighting needs a sample rate of at least 8000 Hz, got " + sampleRate);
        }
        double k = Math.tan(Math.PI * SHELF_HZ / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        double[] shelf = {
            (vh + vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - vh) / a0,
            (vh - vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - 1.0) / a0,
            (1.0 - k / SHELF_Q + k * k) / a0
        };
        k = Math.tan(Math.PI * HIGH_PASS_HZ / sampleRate);
        a0 = 1.0 + k / HIGH_PASS_Q + k * k;
        double[] highPass = {
            1.0, -2.0, 1.0,
            2.0 * (k * k - 1.0) / a0,
            (1.0 - k / HIGH_PASS_Q + k * k) / a0
        };
        return new double[][] {shelf, highPass};
    }

    /** BS.1770 channel weights for a layout of {@code channels} (L, R, C, LFE, Ls, Rs order for 5.1). */
    public static double[] channelWeights(int channels) {
        double[] g = new double[channels];
        Arrays.fill(g, 1.0);
        if (channels == 5) {
            g[3] = 1.41;
            g[4] = 1.41;
        } else if (channels == 6) {
            g[3] = 0.0;
            g[4] = 1.41;
            g[5] = 1.41;
        }
        return g;
    }

    /**
     * Channel-weighted sums of squared K-weighted samples per 100 ms segment ([0]) and the segment lengths in
     * samples ([1]). Segment i spans samples [round(i * fs / 10), round((i + 1) * fs / 10)); a trailing partial
     * segment is dropped, as gating blocks must be complete.
     */
    private static double[][] weightedSegmentEnergies(AudioBuffer audio) {
        int n = audio.frames();
        int rate = audio.sampleRate();
        int segments = 0;
        while (segmentStart(segments + 1, rate) <= n) {
            segments++;
        }
        double[] energy = new double[segments];
        double[] samples = new double[segments];
        for (int s = 0; s < segments; s++) {
            samples[s] = segmentStart(s + 1, rate) - segmentStart(s, rate);
        }
        double[][] coefficients = kWeightingCoefficients(rate);
        double[] weights = channelWeights(audio.channels());
        int[] used = new int[audio.channels()];
        int count = 0;
        for (int c = 0; c < audio.channels(); c++) {
            if (weights[c] > 0) {
                used[count++] = c;
            }
        }
        // Channels go through the filters two at a time: two independent recursions keep the CPU's pipelines
        // busy where one would wait on its own previous output.
        int i = 0;
        for (; i + 1 < count; i += 2) {
            accumulatePair(audio.channel(used[i]), weights[used[i]], audio.channel(used[i + 1]), weights[used[i + 1]],
                    coefficients, rate, energy);
        }
        if (i < count) {
            accumulateChannel(audio.channel(used[i]), weights[used[i]], coefficients, rate, energy);
        }
        return new double[][] {energy, samples};
    }

    private static long segmentStart(int segment, int rate) {
        return Math.round(segment * (rate / 10.0));
    }

    private static void accumulateChannel(float[] x, double weight, double[][] coefficients, int rate, double[] energy) {
        double[] s = coefficients[0];
        double[] h = coefficients[1];
        double sb0 = s[0], sb1 = s[1], sb2 = s[2], sa1 = s[3], sa2 = s[4];
        double ha1 = h[3], ha2 = h[4];
        // Transposed direct form II, double state (float samples, double state).
        double s1 = 0, s2 = 0, h1 = 0, h2 = 0;
        int pos = 0;
        for (int seg = 0; seg < energy.length; seg++) {
            int end = (int) segmentStart(seg + 1, rate);
            double sum = 0;
            for (; pos < end; pos++) {
                double in = x[pos];
                double y = sb0 * in + s1;
                s1 = sb1 * in - sa1 * y + s2;
                s2 = sb2 * in - sa2 * y;
                double z = y + h1;
                h1 = -2.0 * y - ha1 * z + h2;
                h2 = y - ha2 * z;
                sum += z * z;
            }
            energy[seg] += weight * sum;
        }
    }

    private static void accumulatePair(float[] x, double weightX, float[] u, double weightU, double[][] coefficients,
            int rate, double[] energy) {
        double[] s = coefficients[0];
        double[] h = coefficients[1];
        double sb0 = s[0], sb1 = s[1], sb2 = s[2], sa1 = s[3], sa2 = s[4];
        double ha1 = h[3], ha2 = h[4];
        double s1 = 0, s2 = 0, h1 = 0, h2 = 0;
        double t1 = 0, t2 = 0, g1 = 0, g2 = 0;
        int pos = 0;
        for (int seg = 0; seg < energy.length; seg++) {
            int end = (int) segmentStart(seg + 1, rate);
            double sumX = 0;
            double sumU = 0;
            for (; pos < end; pos++) {
                double in = x[pos];
                double y = sb0 * in + s1;
                s1 = sb1 * in - sa1 * y + s2;
                s2 = sb2 * in - sa2 * y;
                double z = y + h1;
                h1 = -2.0 * y - ha1 * z + h2;
                h2 = y - ha2 * z;
                sumX += z * z;

                double in2 = u[pos];
                double y2 = sb0 * in2 + t1;
                t1 = sb1 * in2 - sa1 * y2 + t2;
                t2 = sb2 * in2 - sa2 * y2;
                double z2 = y2 + g1;
                g1 = -2.0 * y2 - ha1 * z2 + g2;
                g2 = y2 - ha2 * z2;
                sumU += z2 * z2;
            }
            energy[seg] += weightX * sumX + weightU * sumU;
        }
    }

    /** Mean square of every run of {@code width} consecutive segments (one per segment step). */
    private static double[] windowMeans(double[] energy, double[] samples, int width) {
        int count = energy.length - width + 1;
        if (count <= 0) {
            return new double[0];
        }
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            double e = 0;
            double n = 0;
            for (int i = j; i < j + width; i++) {
                e += energy[i];
                n += samples[i];
            }
            out[j] = e / n;
        }
        return out;
    }

    private static double loudness(double meanSquare) {
        return meanSquare > 0 ? OFFSET_DB + 10.0 * Math.log10(meanSquare) : Double.NEGATIVE_INFINITY;
    }

    /** BS.1770-4 two-stage gating over block mean squares. */
    private static double gatedLoudness(double[] blocks) {
        double sum = 0;
        int n = 0;
        for (double z : blocks) {
            if (loudness(z) > ABSOLUTE_GATE_LUFS) {
                sum += z;
                n++;
            }
        }
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = loudness(sum / n) + RELATIVE_GATE_LU;
        sum = 0;
        n = 0;
        for (double z : blocks) {
            double l = loudness(z);
            if (l > ABSOLUTE_GATE_LUFS && l > relativeGate) {
                sum += z;
                n++;
            }
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : loudness(sum / n);
    }

    /** EBU Tech 3342 loudness range over short-term mean squares. */
    private static double loudnessRange(double[] shortTerm) {
        double sum = 0;
        int n = 0;
        for (double z : shortTerm) {
            if (loudness(z) > ABSOLUTE_GATE_LUFS) {
                sum += z;
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double relativeGate = loudness(sum / n) + LRA_RELATIVE_GATE_LU;
        double[] kept = new double[n];
        int m = 0;
        for (double z : shortTerm) {
            double l = loudness(z);
            if (l > ABSOLUTE_GATE_LUFS && l > relativeGate) {
                kept[m++] = l;
            }
        }
        if (m < 2) {
            return 0;
        }
        Arrays.sort(kept, 0, m);
        return Math.max(0, percentile(kept, m, 0.95) - percentile(kept, m, 0.10));
    }

    /** Nearest-rank percentile of the first {@code m} sorted values. */
    private static double percentile(double[] sorted, int m, double p) {
        int index = (int) Math.round((m - 1) * p);
        return sorted[Math.max(0, Math.min(m - 1, index))];
    }

    private static double maxLoudness(double[] windows) {
        double max = 0;
        for (double z : windows) {
            max = Math.max(max, z);
        }
        return loudness(max);
    }

    private static double toDb(double linear) {
        return linear > 0 ? 20.0 * Math.log10(linear) : Double.NEGATIVE_INFINITY;
    }
}
