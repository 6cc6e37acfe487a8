package io.djia.core.profile;

import io.djia.core.fx.EffectSpec;
import java.util.List;

/**
 * A kind of layer a profile may use, e.g. techno's "bass" or dub's "skank".
 *
 * @param name       the name brains use in decisions ("kick", "bass", "pad")
 * @param role       what it does in the mix
 * @param instrument the synthesis recipe the procedural generator uses ("acid_bass", "breakbeat", "rhodes")
 * @param keywords   words that describe it in a prompt
 * @param effects    effects this layer usually gets
 */
public record LayerType(String name, LayerRole role, String instrument, List<String> keywords, List<EffectSpec> effects) {
    public LayerType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer type needs a name");
        }
        if (role == null) {
            throw new IllegalArgumentException("layer type \"" + name + "\" needs a role (rhythm, percussion, bass, harmony, lead, texture, fx)");
        }
        instrument = instrument == null || instrument.isBlank() ? name : instrument;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        effects = effects == null ? List.of() : List.copyOf(effects);
    }
}
