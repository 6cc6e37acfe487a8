package io.djia.separate;

/**
 * How one stem of a new clip measures up against the mix.
 *
 * @param stem        the stem
 * @param rmsDb       its RMS level in dBFS (-inf for silence)
 * @param energyShare its share of the clip's energy, 0..1
 * @param overlap     how much it fights the current mix, 0..1 (time-coincident overlap of Bark-band energy
 *                    distributions, see {@code io.djia.core.analysis.MaskingAnalyzer}); 0 when nothing plays
 * @param audible     whether it carries enough energy to be picked on its own
 */
public record StemScore(Stem stem, double rmsDb, double energyShare, double overlap, boolean audible) {
    public StemScore {
        if (stem == null) {
            throw new IllegalArgumentException("stem is required");
        }
        if (!(energyShare >= 0 && energyShare <= 1)) {
            throw new IllegalArgumentException("energy share must be 0..1, got " + energyShare);
        }
        if (!(overlap >= 0 && overlap <= 1)) {
            throw new IllegalArgumentException("overlap must be 0..1, got " + overlap);
        }
    }
}
