package io.djia.generate.procedural;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.generate.GenerationRequest;
import io.djia.generate.Generator;
import java.util.Set;

/**
 * The embedded default generator: a procedural synthesiser, not a neural model. It needs no model weights and
 * renders each layer from code: synthesised drum kits and breaks, acid, reese, dub and 808 basses, voice-led
 * pads, organs, strings and choirs, FM keys and bells, plucked strings, a modal piano, brass, and noise-based
 * textures and effects, all in the request's key and tempo.
 *
 * <p>Output is stereo, exactly {@link GenerationRequest#frames()} long, loops seamlessly (tails that cross the
 * loop end are wrapped into its start), has no DC offset and peaks at most -1 dBFS. The same request gives
 * bit-identical audio. Stateless and thread-safe: independent clips may be generated in parallel.
 */
public final class ProceduralGenerator implements Generator {
    /** The engine name used in logs, set files and {@code GeneratorOptions}. */
    public static final String NAME = "procedural";

    @Override
    public AudioBuffer generate(GenerationRequest request) {
        LayerType layer = request.profile().layerType(request.layerType()).orElseThrow();
        InstrumentCatalog.Recipe recipe = InstrumentCatalog.resolve(layer.instrument(), layer.role());
        ClipContext ctx = ClipContext.of(request, layer, recipe.name());
        LoopCanvas canvas = new LoopCanvas(ctx.frames());
        recipe.instrument().render(ctx, canvas);
        LoopMaster.finish(canvas, recipe.level(), ctx.sampleRate());
        return new AudioBuffer(new float[][] {canvas.left(), canvas.right()}, ctx.sampleRate());
    }

    /** The synthesis recipes this generator knows by name. */
    public static Set<String> instruments() {
        return InstrumentCatalog.names();
    }

    /** The recipe that plays an instrument name: itself when known, else the fallback for the layer's role. */
    public static String recipeFor(String instrument, LayerRole role) {
        return InstrumentCatalog.resolve(instrument, role).name();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isNeural() {
        return false;
    }
}
