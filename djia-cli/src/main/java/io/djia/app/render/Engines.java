package io.djia.app.render;

import io.djia.core.audio.AudioBuffer;
import io.djia.generate.Generator;
import io.djia.generate.GeneratorFactory;
import io.djia.generate.GeneratorOptions;
import io.djia.generate.brain.Brain;
import io.djia.generate.brain.RuleBrain;

/**
 * Builds the engines a render uses from its options, so commands never branch on the engine.
 */
public final class Engines {
    private Engines() {
    }

    public static Generator generator(RenderOptions options) {
        return GeneratorFactory.create(GeneratorOptions.defaults().withEngine(options.engine()).withModelDir(options.modelDir()));
    }

    public static Brain brain(RenderOptions options) {
        if (!options.brain().equalsIgnoreCase("rules")) {
            throw new IllegalArgumentException("unknown brain \"" + options.brain() + "\"; expected rules or llm");
        }
        return new RuleBrain();
    }

    /** Clips from the procedural engine are already on the grid and single-instrument: nothing to do. */
    public static ClipMaker.ClipStage clipStage(RenderOptions options, Generator generator) {
        return (AudioBuffer clip, LayerEvent.Start start) -> clip;
    }

    public static VoiceSource voice() {
        return VoiceSource.NONE;
    }
}
