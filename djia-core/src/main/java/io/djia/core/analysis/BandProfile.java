package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Long-term energy per {@link Band}: the mean-square level of the part of the signal inside each band, in dB
 * relative to full scale (a full-scale sine reads -3.01 dB in its band), and each band's share of the energy
 * between 20 Hz and 20 kHz.
 *
 * @param levelDb one entry per {@link Band} in declaration order; {@link #SILENT_DB} where a band is empty
 * @param share   one entry per band, each in [0, 1], summing to 1 unless the signal is silent (all 0)
 */
public record BandProfile(double[] levelDb, double[] share) {
    /** Level reported for a band holding no energy. */
    public static final double SILENT_DB = -200.0;

    public BandProfile {
        int n = Band.values().length;
        if (levelDb == null || share == null || levelDb.length != n || share.length != n) {
            throw new IllegalArgumentException("a band profile needs " + n + " levels and " + n + " shares");
        }
        for (double s : share) {
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("band shares must lie in [0, 1], got " + s);
            }
        }
        levelDb = levelDb.clone();
        share = share.clone();
    }

    /** Profile of all channels' average (mono), from a Hann STFT of about 0.19 s frames. */
    public static BandProfile of(AudioBuffer audio) {
        float[] mono = Signals.mono(audio);
        int fftSize = Signals.powerOfTwoAtLeast(audio.sampleRate() * 0.16);
        Stft stft = new Stft(fftSize, fftSize / 2, WindowType.HANN);
        Accumulator acc = new Accumulator(audio.sampleRate(), fftSize);
        stft.forEachFrame(mono, (t, re, im) -> acc.add(re, im));
        return acc.profile(mono.length / (double) stft.hopSize());
    }

    public double levelDb(Band band) {
        return levelDb[band.ordinal()];
    }

    public double share(Band band) {
        return share[band.ordinal()];
    }

    @Override
    public double[] levelDb() {
        return levelDb.clone();
    }

    @Override
    public double[] share() {
        return share.clone();
    }

    /** Band label to level in dB, in band order, for printing and JSON. */
    public Map<String, Double> levelsByLabel() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Band b : Band.values()) {
            out.put(b.label(), levelDb[b.ordinal()]);
        }
        return out;
    }

    /** The band with the largest share. */
    public Band dominantBand() {
        Band best = Band.SUB;
        for (Band b : Band.values()) {
            if (share[b.ordinal()] > share[best.ordinal()]) {
                best = b;
            }
        }
        return best;
    }

    /**
     * Sums band power over Hann STFT frames. Each frame weighs its samples by w^2, which sums to 3N/8, so by
     * Parseval the summed one-sided bin powers over the frames that tile the signal give its mean-square level.
     */
    static final class Accumulator {
        private final int[] bandOfBin;
        private final double[] sum = new double[Band.values().length];
        private final double scale;
    
        Accumulator(int sampleRate, int fftSize) {
            bandOfBin = new int[fftSize / 2 + 1];
            for (int k = 0; k < bandOfBin.length; k++) {
                Band b = Band.of(k * (double) sampleRate / fftSize);
                bandOfBin[k] = b == null ? -1 : b.ordinal();
            }
            // One-sided spectrum: mean square = 2 * sum|X_k|^2 / (N * sum w^2), sum w^2 = 3N/8 for periodic Hann.
            scale = 2.0 / (fftSize * (3.0 * fftSize / 8.0));
        }

        void add(float[] re, float[] im) {
            for (int k = 1; k < bandOfBin.length; k++) {
                int b = bandOfBin[k];
                if (b >= 0) {
                    sum[b] += (double) re[k] * re[k] + (double) im[k] * im[k];
                }
            }
        }

        /** @param effectiveFrames signal length divided by the hop: the frames' worth of signal summed */
        BandProfile profile(double effectiveFrames) {
            int n = sum.length;
            double[] level = new double[n];
            double[] share = new double[n];
            double total = 0;
            for (double s : sum) {
                total += s;
            }
            for (int b = 0; b < n; b++) {
                double meanSquare = effectiveFrames <= 0 ? 0 : sum[b] * scale / effectiveFrames;
                level[b] = meanSquare > 1e-20 ? 10 * Math.log10(meanSquare) : SILENT_DB;
                share[b] = total > 0 ? Math.min(1.0, sum[b] / total) : 0;
            }
            return new BandProfile(level, share);
        }
    }
}
