package io.djia.app.render;

import java.nio.file.Path;

/**
 * What to render.
 *
 * @param profile      built-in profile name or path to a profile file
 * @param minutes      length of the set
 * @param seed         random seed; the same seed and options give a byte-identical WAV
 * @param bpm          tempo override, or null for the profile's
 * @param key          key override, or null for the profile's
 * @param sampleRate   output rate
 * @param output       the WAV file to write; set.json goes beside it
 * @param engine       generator engine ("procedural" by default)
 * @param modelDir     model folder for neural engines (may be null)
 * @param brain        "rules" (default) or "llm"
 * @param brainModel   GGUF file for the LLM brain (may be null)
 * @param threads      worker threads for clip generation
 * @param targetLufs   integrated loudness the set is brought to (ITU-R BS.1770-4)
 * @param voiceDrops   whether the brain's speech decisions are spoken over the music
 * @param separate     when clips are split into stems: auto (neural clips only), always, never
 * @param stemModel    Demucs ONNX model for separation (null: the DSP separator)
 */
public record RenderOptions(String profile, double minutes, long seed, Double bpm, String key, int sampleRate,
                            Path output, String engine, Path modelDir, String brain, Path brainModel, int threads,
                            double targetLufs, boolean voiceDrops,
                            String separate, Path stemModel) {
    public RenderOptions {
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new IllegalArgumentException("--minutes must be more than 0 and at most 1440, got " + minutes);
        }
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("--sample-rate must be 8000..192000 Hz, got " + sampleRate);
        }
        if (output == null) {
            throw new IllegalArgumentException("an output file is required (-o set.wav)");
        }
        engine = engine == null ? "procedural" : engine;
        brain = brain == null ? "rules" : brain;
        if (!(targetLufs >= -40 && targetLufs <= -5)) {
            throw new IllegalArgumentException("--loudness must be between -40 and -5 LUFS, got " + targetLufs);
        }
        separate = separate == null ? "auto" : separate.trim().toLowerCase(java.util.Locale.ROOT);
        if (!separate.equals("auto") && !separate.equals("always") && !separate.equals("never")) {
            throw new IllegalArgumentException("--separate must be auto, always or never, got " + separate);
        }
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** A common streaming and club-promo level; loud enough next to other music, with headroom for drums. */
    public static final double DEFAULT_TARGET_LUFS = -14.0;

    public static RenderOptions defaults(String profile, double minutes, long seed, Path output) {
        return new RenderOptions(profile, minutes, seed, null, null, 44_100, output, "procedural", null, "rules", null, 0, DEFAULT_TARGET_LUFS, true, "auto", null);
    }

    public RenderOptions withBpm(Double newBpm) {
        return new RenderOptions(profile, minutes, seed, newBpm, key, sampleRate, output, engine, modelDir, brain, brainModel, threads, targetLufs, voiceDrops, separate, stemModel);
    }

    public RenderOptions withKey(String newKey) {
        return new RenderOptions(profile, minutes, seed, bpm, newKey, sampleRate, output, engine, modelDir, brain, brainModel, threads, targetLufs, voiceDrops, separate, stemModel);
    }

    /** Exact number of frames of the set. */
    public long totalFrames() {
        return Math.round(minutes * 60.0 * sampleRate);
    }

    /** The set's JSON report path: the WAV's name with .json. */
    public Path reportPath() {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return output.resolveSibling(base + ".json");
    }
}
