package io.djia.generate;

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
            ProceduralGenerator.NAME, options -> new ProceduralGenerator()));

    private GeneratorFactory() {
    }

    private static Map<String, Function<GeneratorOptions, Generator>> engines(
            Map<String, Function<GeneratorOptions, Generator>> entries) {
        Map<String, Function<GeneratorOptions, Generator>> ordered = new LinkedHashMap<>();
        entries.keySet().stream().sorted().forEach(name -> ordered.put(name, entries.get(name)));
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * @throws IllegalArgumentException for an unknown engine, listing the known names
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
