package io.djia.generate.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The model layouts DJ-IA knows, and where model folders live by default. */
public final class KnownModels {
    /** Environment variable naming the folder that holds one sub-folder per model. */
    public static final String MODELS_DIR_ENV = "DJIA_MODELS_DIR";

    private static final String OPTIMUM_HINT = "export it with Hugging Face Optimum: "
            + "`optimum-cli export onnx --model facebook/%s DIR` (pip install optimum[exporters]), "
            + "which writes text_encoder.onnx, decoder_model_merged.onnx, encodec_decode.onnx and tokenizer.json";

    private static final List<ModelLayout> LAYOUTS = List.of(
            musicGen("musicgen-small", "MusicGen small (300M), 32 kHz mono, T5-base text encoder",
                    "Xenova/musicgen-small", MusicGenDims.small()),
            musicGen("musicgen-medium", "MusicGen medium (1.5B), 32 kHz mono", "", MusicGenDims.medium()),
            musicGen("musicgen-large", "MusicGen large (3.3B), 32 kHz mono", "", MusicGenDims.large()),
            musicGen("musicgen", "any MusicGen size in the standard export; sizes are read from the files", "",
                    MusicGenDims.anySize()),
            new ModelLayout("stable-audio-open", "Stable Audio Open 1.0 (text conditioner, DiT, VAE), 44.1 kHz stereo",
                    "there is no standard ONNX export of Stable Audio Open 1.0: Optimum and transformers.js have no "
                            + "layout for it (its diffusion transformer and timing conditioners are exported only by "
                            + "ad-hoc scripts with their own tensor names), so DJ-IA cannot check or run one",
                    "", "", List.of(), null));

    private KnownModels() {
    }

    private static ModelLayout musicGen(String name, String description, String hubRepo, MusicGenDims dims) {
        List<ModelFile> files = List.of(
                ModelFile.required("onnx/" + MusicGenExport.TEXT_ENCODER),
                ModelFile.required("onnx/" + MusicGenExport.DECODER),
                ModelFile.required("onnx/" + MusicGenExport.ENCODEC),
                ModelFile.required(MusicGenExport.TOKENIZER),
                ModelFile.optional(MusicGenExport.CONFIG));
        String how = hubRepo.isEmpty()
                ? String.format(Locale.ROOT, OPTIMUM_HINT, name.equals("musicgen") ? "musicgen-small" : name)
                : "download the files of https://huggingface.co/" + hubRepo + " (`djia models download " + name + "`)";
        return new ModelLayout(name, description, "", hubRepo, how, files, dims);
    }

    public static List<ModelLayout> all() {
        return LAYOUTS;
    }

    public static Optional<ModelLayout> find(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return LAYOUTS.stream().filter(l -> l.name().equals(key)).findFirst();
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static ModelLayout require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown model \"" + name + "\"; known models: "
                + String.join(", ", LAYOUTS.stream().map(ModelLayout::name).toList())));
    }

    /** $DJIA_MODELS_DIR, else ~/.djia/models. */
    public static Path defaultModelsRoot() {
        String env = System.getenv(MODELS_DIR_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".djia", "models");
    }
}
