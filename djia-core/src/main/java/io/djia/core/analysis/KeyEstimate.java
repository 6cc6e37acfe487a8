package io.djia.core.analysis;

import io.djia.core.theory.Key;
import java.util.Objects;

/**
 * A detected key.
 *
 * @param key         the best-fitting key, or {@link Key#ATONAL} when none fits
 * @param confidence  0..1: the Pearson correlation between the chroma and the winning key profile (0 when
 *                    negative or silent)
 * @param margin      how much better the winner fits than the runner-up key, in correlation units (>= 0)
 * @param chroma      the 12-bin pitch-class distribution that was matched (sums to 1 unless silent)
 */
public record KeyEstimate(Key key, double confidence, double margin, double[] chroma) {
    public KeyEstimate {
        Objects.requireNonNull(key, "key");
        if (!(confidence >= 0 && confidence <= 1) || !(margin >= 0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] and margin >= 0, got "
                    + confidence + ", " + margin);
        }
        if (chroma == null || chroma.length != 12) {
            throw new IllegalArgumentException("chroma must have 12 pitch classes");
        }
        chroma = chroma.clone();
    }

    @Override
    public double[] chroma() {
        return chroma.clone();
    }
}
