package io.djia.generate.brain;

import io.djia.core.fx.EffectSpec;
import java.util.List;

/**
 * Add (or replace) a layer, or remove one.
 *
 * @param layerId        the slot, e.g. "bass_1"; adding to a used id replaces that layer
 * @param operation      add_replace or remove
 * @param sampleDetails  what to generate (null for remove)
 * @param playbackParams volume, pan, when to start (null for remove)
 * @param effects        the layer's effect chain
 * @param stopBehavior   how a removed or replaced layer ends
 * @param reasoning      one sentence
 */
public record ManageLayer(String layerId, LayerOperation operation, SampleDetails sampleDetails,
                          PlaybackParams playbackParams, List<EffectSpec> effects, StopBehavior stopBehavior,
                          String reasoning) implements Decision {
    public ManageLayer {
        if (layerId == null || layerId.isBlank()) {
            throw new IllegalArgumentException("manage_layer needs a layer_id");
        }
        if (operation == null) {
            throw new IllegalArgumentException("manage_layer needs an operation (add_replace or remove)");
        }
        if (operation == LayerOperation.ADD_REPLACE && sampleDetails == null) {
            throw new IllegalArgumentException("add_replace needs sample_details");
        }
        if (operation == LayerOperation.ADD_REPLACE && playbackParams == null) {
            playbackParams = PlaybackParams.defaults();
        }
        effects = effects == null ? List.of() : List.copyOf(effects);
        stopBehavior = stopBehavior == null ? StopBehavior.FADE_OUT_BAR : stopBehavior;
        reasoning = reasoning == null ? "" : reasoning;
    }

    /** How a layer changes. */
    public enum LayerOperation { ADD_REPLACE, REMOVE }

    /** When a new layer starts. */
    public enum StartBehavior { IMMEDIATE, NEXT_BEAT, NEXT_BAR }

    /** How a layer ends. */
    public enum StopBehavior { IMMEDIATE, FADE_OUT_BAR, NEXT_BAR_END }

    /**
     * What to generate for the layer.
     *
     * @param type                   one of the profile's layer types
     * @param musicgenPromptKeywords prompt words
     * @param key                    key name, or null for the set's key
     * @param measures               bars: 1, 2, 4 or 8
     * @param intensity              1..10
     * @param preferredStems         "drums", "bass", "other", "vocals", "all", "random", or several
     */
    public record SampleDetails(String type, List<String> musicgenPromptKeywords, String key, int measures,
                                int intensity, List<String> preferredStems) {
        public SampleDetails {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("sample_details needs a type");
            }
            if (measures != 1 && measures != 2 && measures != 4 && measures != 8) {
                throw new IllegalArgumentException("measures must be 1, 2, 4 or 8, got " + measures);
            }
            if (intensity < 1 || intensity > 10) {
                throw new IllegalArgumentException("intensity must be 1..10, got " + intensity);
            }
            musicgenPromptKeywords = musicgenPromptKeywords == null ? List.of() : List.copyOf(musicgenPromptKeywords);
            preferredStems = preferredStems == null ? List.of("all") : List.copyOf(preferredStems);
        }
    }

    /**
     * How the layer plays.
     *
     * @param volume        0..1
     * @param pan           -1 (left) .. 1 (right)
     * @param startBehavior when it starts
     * @param fadeInBeats   fade-in length in beats (0 = none)
     */
    public record PlaybackParams(double volume, double pan, StartBehavior startBehavior, double fadeInBeats) {
        public PlaybackParams {
            if (!(volume >= 0 && volume <= 1)) {
                throw new IllegalArgumentException("volume must be 0..1, got " + volume);
            }
            if (!(pan >= -1 && pan <= 1)) {
                throw new IllegalArgumentException("pan must be -1..1, got " + pan);
            }
            if (!(fadeInBeats >= 0 && fadeInBeats <= 64)) {
                throw new IllegalArgumentException("fade-in must be 0..64 beats, got " + fadeInBeats);
            }
            startBehavior = startBehavior == null ? StartBehavior.NEXT_BAR : startBehavior;
        }

        public static PlaybackParams defaults() {
            return new PlaybackParams(0.8, 0, StartBehavior.NEXT_BAR, 0);
        }
    }
}
