package io.djia.generate;

import io.djia.generate.musicgen.MusicGenOnnxGenerator;
import io.djia.generate.musicgen.MusicGenOptions;
import io.djia.generate.procedural.ProceduralGenerator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the {@link Generator} named by {@link GeneratorOptions#engine()}, so callers never branch on the
 * engine. To add an engine, add one entry to {@link #ENGINES}: its name and a constructor from options.
 */
public final class GeneratorFactory {
    private static final Map<String, Function<GeneratorOptions, Generator>> ENGINES = engines(Map.of(
            ProceduralGenerator.NAME, options -> new ProceduralGenerator(),
            "musicgen", GeneratorFactory::musicGen,
            "musicgen-small", GeneratorFactory::musicGen,
            "musicgen-medium", GeneratorFactory::musicGen,
            "musicgen-large", GeneratorFactory::musicGen));

    private GeneratorFactory() {
    }

    private static Map<String, Function<GeneratorOptions, Generator>> engines(
            Map<String, Function<GeneratorOptions, Generator>> entries) {
        Map<String, Function<GeneratorOptions, Generator>> ordered = new LinkedHashMap<>();
        entries.keySet().stream().sorted().forEach(name -> ordered.put(name, entries.get(name)));
        return Collections.unmodifiableMap(ordered);
    }

    /** MusicGen from the options' model folder (or the model's folder under the default models folder). */
    private static Generator musicGen(GeneratorOptions options) {
        return MusicGenOnnxGenerator.open(MusicGenOptions.from(options));
    }

    /**
     * @throws IllegalArgumentException for an unknown engine, listing the known names, or a model folder that
     *                                  cannot be used, naming what is missing
     */
    public static Generator create(GeneratorOptions options) {
        GeneratorOptions opts = options == null ? GeneratorOptions.defaults() : options;
        Function<GeneratorOptions, Generator> constructor = ENGINES.get(opts.engine());
        if (constructor == null) {
            throw new IllegalArgumentException("unknown generator engine \"" + opts.engine() + "\"; known engines: "
                    + String.join(", ", ENGINES.keySet()));
        }
        return constructor.apply(opts);
    }

    /** Names of the engines {@link #create} accepts. */
    public static List<String> engines() {
        return List.copyOf(ENGINES.keySet());
    }
}
