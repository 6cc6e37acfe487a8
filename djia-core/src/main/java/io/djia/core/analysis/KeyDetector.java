package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Key;
import io.djia.core.theory.Mode;
import java.util.Objects;

/**
 * Key by correlating the average chroma with the 24 rotations of a major and a minor key profile
 * (Krumhansl 1990, "key-finding algorithm"). The answer is {@link Key#ATONAL} when the best correlation is
 * under {@code atonalBelow} or the chroma is nearly flat (noise, unpitched percussion). Stateless and
 * thread-safe.
 */
public final class KeyDetector {
    /** Chroma whose spread (standard deviation over mean) is below this is treated as unpitched. */
    private static final double FLAT_CHROMA_SPREAD = 0.2;

    private final KeyProfile profile;
    private final double atonalBelow;

    /** Krumhansl-Kessler profiles; atonal under a correlation of 0.5. */
    public KeyDetector() {
        this(KeyProfile.KRUMHANSL_KESSLER, 0.5);
    }

    /** @param atonalBelow correlation under which no key is claimed, in [0, 1) */
    public KeyDetector(KeyProfile profile, double atonalBelow) {
        this.profile = Objects.requireNonNull(profile, "profile");
        if (!(atonalBelow >= 0 && atonalBelow < 1)) {
            throw new IllegalArgumentException("atonal threshold must be in [0, 1), got " + atonalBelow);
        }
        this.atonalBelow = atonalBelow;
    }

    public KeyEstimate detect(AudioBuffer audio) {
        return detect(Chromagram.of(audio));
    }

    public KeyEstimate detect(Chromagram chromagram) {
        return fromChroma(chromagram.mean());
    }

    /** Key of a 12-bin pitch-class distribution (pitch class 0 = C). */
    public KeyEstimate fromChroma(double[] chroma) {
        if (chroma == null || chroma.length != 12) {
            throw new IllegalArgumentException("chroma must have 12 pitch classes");
        }
        double total = 0;
        for (double v : chroma) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("chroma values must be >= 0, got " + v);
            }
            total += v;
        }
        double[] normalised = new double[12];
        if (total <= 0) {
            return new KeyEstimate(Key.ATONAL, 0, 0, normalised);
        }
        for (int i = 0; i < 12; i++) {
            normalised[i] = chroma[i] / total;
        }
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        Key bestKey = Key.ATONAL;
        for (Mode mode : Mode.values()) {
            double[] weights = mode == Mode.MAJOR ? profile.major() : profile.minor();
            for (int tonic = 0; tonic < 12; tonic++) {
                double r = correlation(normalised, weights, tonic);
                if (r > best) {
                    second = best;
                    best = r;
                    bestKey = Key.of(tonic, mode);
                } else if (r > second) {
                    second = r;
                }
            }
        }
        double confidence = Math.max(0, Math.min(1, best));
        double margin = Math.max(0, best - second);
        if (best < atonalBelow || spread(normalised) < FLAT_CHROMA_SPREAD) {
            return new KeyEstimate(Key.ATONAL, confidence, margin, normalised);
        }
        return new KeyEstimate(bestKey, confidence, margin, normalised);
    }

    /** Pearson correlation of chroma[pc] with weights[(pc - tonic) mod 12]. */
    private static double correlation(double[] chroma, double[] weights, int tonic) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < 12; i++) {
            meanX += chroma[i];
            meanY += weights[i];
        }
        meanX /= 12;
        meanY /= 12;
        double sxy = 0, sxx = 0, syy = 0;
        for (int pc = 0; pc < 12; pc++) {
            double x = chroma[pc] - meanX;
            double y = weights[Math.floorMod(pc - tonic, 12)] - meanY;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return (sxx <= 0 || syy <= 0) ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** Standard deviation over mean. */
    private static double spread(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        return mean > 0 ? Math.sqrt(var / v.length) / mean : 0;
    }
}
