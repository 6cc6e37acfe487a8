package io.djia.app.render;

import io.djia.core.fx.EffectSpec;
import io.djia.generate.GenerationRequest;
import io.djia.generate.brain.ManageLayer.PlaybackParams;
import io.djia.generate.brain.ManageLayer.StopBehavior;
import java.util.List;

/** A change to the mix that happens at the start of a bar. */
public sealed interface LayerEvent {
    long bar();

    /**
     * Start (or replace) a looping layer.
     *
     * @param stems the stems of the generated clip to keep ("all" keeps the whole clip)
     */
    record Start(long bar, String layerId, GenerationRequest request, PlaybackParams playback, List<EffectSpec> effects,
                 List<String> stems) implements LayerEvent {
    }

    /** Stop a layer. */
    record Stop(long bar, String layerId, StopBehavior behavior) implements LayerEvent {
    }

    /** A spoken line over the music. */
    record Speak(long bar, String text, int energy) implements LayerEvent {
    }
}
