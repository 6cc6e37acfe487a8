package io.djia.separate;

import io.djia.core.fx.EffectSpec;
import java.util.List;

/**
 * One stem to add as a layer, with the corrective EQ the mixer should put in front of it.
 *
 * @param stem         the stem
 * @param correctiveEq filters for the layer's chain (a high-pass against a low-end clash, a high shelf
 *                     against a top-end clash); empty when it sits well
 * @param gainDb       suggested level change, <= 0
 * @param reason       one sentence saying why it was chosen and what the EQ is for
 */
public record StemChoice(Stem stem, List<EffectSpec> correctiveEq, double gainDb, String reason) {
    public StemChoice {
        if (stem == null) {
            throw new IllegalArgumentException("stem is required");
        }
        if (!(gainDb <= 0) || gainDb < -24) {
            throw new IllegalArgumentException("gain suggestion must be in [-24, 0] dB, got " + gainDb);
        }
        correctiveEq = correctiveEq == null ? List.of() : List.copyOf(correctiveEq);
        reason = reason == null ? "" : reason;
    }
}
