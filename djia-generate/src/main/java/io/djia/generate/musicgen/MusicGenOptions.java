package io.djia.generate.musicgen;

import io.djia.generate.GeneratorOptions;
import io.djia.generate.cache.ClipCache;
import io.djia.generate.models.KnownModels;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run MusicGen.
 *
 * @param modelDir      the folder with the exported files (see {@link io.djia.generate.models.MusicGenExport})
 * @param modelName     the layout to check the folder against: "musicgen-small", "-medium", "-large", or
 *                      "musicgen" for any size
 * @param guidanceScale classifier-free guidance scale; 1 or less turns guidance off (default 3)
 * @param topK          how many of the most likely codes may be drawn each step (default 250)
 * @param temperature   sampling temperature; NaN (the default) takes 0.7 + 0.03 x the request's intensity
 * @param threads       ONNX Runtime intra-op threads; 0 lets the runtime use every core
 * @param cacheDir      folder of the clip cache, or null for none
 */
public record MusicGenOptions(Path modelDir, String modelName, double guidanceScale, int topK, double temperature,
                              int threads, Path cacheDir) {
    public static final double DEFAULT_GUIDANCE_SCALE = 3.0;
    public static final int DEFAULT_TOP_K = 250;

    public MusicGenOptions {
        Objects.requireNonNull(modelDir, "modelDir");
        modelName = modelName == null || modelName.isBlank() ? "musicgen" : modelName.trim();
        if (!(guidanceScale >= 0) || Double.isInfinite(guidanceScale)) {
            throw new IllegalArgumentException("guidance scale must be a finite number >= 0, got " + guidanceScale);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be >= 1, got " + topK);
        }
        if (!Double.isNaN(temperature) && !(temperature >= 0 && temperature <= 10)) {
            throw new IllegalArgumentException("temperature must be 0..10 (or NaN to follow intensity), got " + temperature);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all cores) or positive, got " + threads);
        }
    }

    /** Guidance 3, top-k 250, temperature from intensity, all cores, the default clip cache. */
    public static MusicGenOptions defaults(Path modelDir, String modelName) {
        return new MusicGenOptions(modelDir, modelName, DEFAULT_GUIDANCE_SCALE, DEFAULT_TOP_K, Double.NaN, 0,
                ClipCache.defaultFolder());
    }

    /**
     * From the factory's options: the model is {@code modelName} when given, else the engine name; the folder is
     * {@code modelDir} when given, else the model's folder under {@link KnownModels#defaultModelsRoot()}.
     */
    public static MusicGenOptions from(GeneratorOptions options) {
        String model = options.modelName().isBlank() ? options.engine() : options.modelName();
        Path dir = options.modelDir() != null ? options.modelDir() : KnownModels.defaultModelsRoot().resolve(model);
        return defaults(dir, model).withThreads(options.threads());
    }

    public MusicGenOptions withGuidanceScale(double scale) {
        return new MusicGenOptions(modelDir, modelName, scale, topK, temperature, threads, cacheDir);
    }

    public MusicGenOptions withTopK(int k) {
        return new MusicGenOptions(modelDir, modelName, guidanceScale, k, temperature, threads, cacheDir);
    }

    public MusicGenOptions withTemperature(double t) {
        return new MusicGenOptions(modelDir, modelName, guidanceScale, topK, t, threads, cacheDir);
    }

    public MusicGenOptions withThreads(int n) {
        return new MusicGenOptions(modelDir, modelName, guidanceScale, topK, temperature, n, cacheDir);
    }

    public MusicGenOptions withCacheDir(Path dir) {
        return new MusicGenOptions(modelDir, modelName, guidanceScale, topK, temperature, threads, dir);
    }

    /** Whether the batch carries an unconditional row for guidance. */
    public boolean guided() {
        return guidanceScale > 1.0;
    }
}
