package io.djia.generate;

import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import java.util.List;

/**
 * What to generate.
 *
 * @param profile    the style
 * @param layerType  one of the profile's layer type names ("bass", "kick", "pad")
 * @param keywords   extra prompt words (from the brain or the user)
 * @param prompt     the user's free text, which takes priority when not blank
 * @param key        the key to play in
 * @param tempo      the tempo
 * @param bars       loop length: 1, 2, 4 or 8
 * @param intensity  energy 1..10
 * @param seed       random seed; the same request gives the same audio
 * @param sampleRate output rate in Hz
 */
public record GenerationRequest(StyleProfile profile, String layerType, List<String> keywords, String prompt, Key key,
                                Tempo tempo, int bars, int intensity, long seed, int sampleRate) {
    public GenerationRequest {
        if (profile == null || key == null || tempo == null) {
            throw new IllegalArgumentException("profile, key and tempo are required");
        }
        if (profile.layerType(layerType).isEmpty()) {
            throw new IllegalArgumentException("layer type \"" + layerType + "\" is not in profile " + profile.name()
                    + "; valid: " + profile.layerTypes().stream().map(t -> t.name()).toList());
        }
        if (bars != 1 && bars != 2 && bars != 4 && bars != 8) {
            throw new IllegalArgumentException("bars must be 1, 2, 4 or 8, got " + bars);
        }
        if (intensity < 1 || intensity > 10) {
            throw new IllegalArgumentException("intensity must be 1..10, got " + intensity);
        }
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate must be 8000..192000 Hz, got " + sampleRate);
        }
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        prompt = prompt == null ? "" : prompt;
    }

    /** Exact length of the loop in frames on the grid. */
    public int frames() {
        return tempo.framesOfBars(bars, sampleRate);
    }
}
