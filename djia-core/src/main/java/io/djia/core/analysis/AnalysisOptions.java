package io.djia.core.analysis;

import java.util.Objects;

/**
 * Settings of a full analysis.
 *
 * @param tempoPrior  expected tempo, e.g. {@link TempoPrior#around(double)} of a style's BPM
 * @param beatsPerBar meter used to group beats into bars (1..32)
 * @param keyProfile  key profiles to match the chroma against
 */
public record AnalysisOptions(TempoPrior tempoPrior, int beatsPerBar, KeyProfile keyProfile) {
    public AnalysisOptions {
        Objects.requireNonNull(tempoPrior, "tempoPrior");
        Objects.requireNonNull(keyProfile, "keyProfile");
        if (beatsPerBar < 1 || beatsPerBar > 32) {
            throw new IllegalArgumentException("beats per bar must be 1..32, got " + beatsPerBar);
        }
    }

    /** Broad tempo prior, four beats to the bar, Krumhansl-Kessler profiles. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(TempoPrior.DEFAULT, 4, KeyProfile.KRUMHANSL_KESSLER);
    }

    public AnalysisOptions withTempoPrior(TempoPrior prior) {
        return new AnalysisOptions(prior, beatsPerBar, keyProfile);
    }

    public AnalysisOptions withBeatsPerBar(int beats) {
        return new AnalysisOptions(tempoPrior, beats, keyProfile);
    }

    public AnalysisOptions withKeyProfile(KeyProfile profile) {
        return new AnalysisOptions(tempoPrior, beatsPerBar, profile);
    }
}
