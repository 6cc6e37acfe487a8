package io.djia.separate;

import java.util.List;

/**
 * What the {@link StemSelector} picked from a new clip.
 *
 * @param chosen     the stems to add as layers, in order; empty when the clip is silent
 * @param scores     every stem's level and overlap with the mix, in stem order
 * @param preference what the brain asked for
 * @param reason     one sentence for logs and the decision log
 */
public record StemSelection(List<StemChoice> chosen, List<StemScore> scores, StemPreference preference,
                            String reason) {
    public StemSelection {
        chosen = List.copyOf(chosen);
        scores = List.copyOf(scores);
        if (preference == null) {
            throw new IllegalArgumentException("preference is required");
        }
        reason = reason == null ? "" : reason;
    }

    /** The chosen stems without their EQ. */
    public List<Stem> stems() {
        return chosen.stream().map(StemChoice::stem).toList();
    }

    /** The score of one stem. */
    public StemScore score(Stem stem) {
        return scores.get(stem.ordinal());
    }
}
