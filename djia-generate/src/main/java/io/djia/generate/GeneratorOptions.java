package io.djia.generate;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How to build a {@link Generator}.
 *
 * @param engine    engine name, e.g. "procedural" (the default, no model needed); lower-cased
 * @param modelDir  folder holding model files for neural engines; null when not needed
 * @param modelName model variant for neural engines (e.g. "musicgen-small"); empty for the engine's default
 * @param threads   worker threads a neural engine may use; 0 lets the engine decide
 */
public record GeneratorOptions(String engine, Path modelDir, String modelName, int threads) {
    /** The embedded procedural synthesiser's engine name. */
    public static final String DEFAULT_ENGINE = "procedural";

    public GeneratorOptions {
        engine = engine == null || engine.isBlank() ? DEFAULT_ENGINE : engine.trim().toLowerCase(Locale.ROOT);
        modelName = modelName == null ? "" : modelName.trim();
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (engine decides) or positive, got " + threads);
        }
    }

    /** The procedural engine, no model directory. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DEFAULT_ENGINE, null, "", 0);
    }

    public GeneratorOptions withEngine(String newEngine) {
        return new GeneratorOptions(newEngine, modelDir, modelName, threads);
    }

    public GeneratorOptions withModelDir(Path newModelDir) {
        return new GeneratorOptions(engine, newModelDir, modelName, threads);
    }

    public GeneratorOptions withModelName(String newModelName) {
        return new GeneratorOptions(engine, modelDir, newModelName, threads);
    }

    public GeneratorOptions withThreads(int newThreads) {
        return new GeneratorOptions(engine, modelDir, modelName, newThreads);
    }
}
