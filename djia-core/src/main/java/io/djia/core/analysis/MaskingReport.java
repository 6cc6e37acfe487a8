package io.djia.core.analysis;

import java.util.List;
import java.util.Objects;

/**
 * How much a clip and a mix fight for the same critical bands at the same time.
 *
 * @param bandOverlap         per Bark band (see {@link MaskingAnalyzer#bandEdgesHz()}), 0..1: the bands'
 *                            simultaneity times the ratio of the smaller to the larger share of energy the
 *                            two signals put there; 0 where either holds under 1% of its energy
 * @param overall             0..1: the time-coincident part of the two spectral distributions
 *                            (1 for identical signals, 0 for disjoint bands or alternating in time)
 * @param suggestions         human-readable advice, empty when the two do not fight
 * @param suggestedHighPassHz a high-pass cutoff for the clip, or 0 for none
 * @param suggestedGainDb     a gain change for the clip, <= 0
 */
public record MaskingReport(double[] bandOverlap, double overall, List<String> suggestions,
        double suggestedHighPassHz, double suggestedGainDb) {
    public MaskingReport {
        Objects.requireNonNull(bandOverlap, "bandOverlap");
        for (double v : bandOverlap) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("band overlaps must be in [0, 1], got " + v);
            }
        }
        if (!(overall >= 0 && overall <= 1)) {
            throw new IllegalArgumentException("overall score must be in [0, 1], got " + overall);
        }
        if (!(suggestedHighPassHz >= 0) || !(suggestedGainDb <= 0)) {
            throw new IllegalArgumentException("high-pass must be >= 0 Hz and gain <= 0 dB, got "
                    + suggestedHighPassHz + ", " + suggestedGainDb);
        }
        bandOverlap = bandOverlap.clone();
        suggestions = List.copyOf(suggestions);
    }

    @Override
    public double[] bandOverlap() {
        return bandOverlap.clone();
    }

    /** Index of the band where the two fight most. */
    public int mostContestedBand() {
        int best = 0;
        for (int b = 1; b < bandOverlap.length; b++) {
            if (bandOverlap[b] > bandOverlap[best]) {
                best = b;
            }
        }
        return best;
    }
}
