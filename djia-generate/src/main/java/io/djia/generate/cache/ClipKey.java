package io.djia.generate.cache;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What determines a generated clip.
 *
 * @param model    the model name, e.g. "musicgen-small"
 * @param settings the sampling settings that change the output, e.g. "cfg=3.0 topk=250 t=0.91"
 * @param prompt   the full text prompt
 * @param seed     the random seed
 * @param frames   the length in the model's own frames (code frames for MusicGen)
 */
public record ClipKey(String model, String settings, String prompt, long seed, int frames) {
    public ClipKey {
        Objects.requireNonNull(model, "model");
        settings = settings == null ? "" : settings;
        Objects.requireNonNull(prompt, "prompt");
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        }
    }

    /** One unambiguous line holding every field (the prompt last, as it may contain anything). */
    public String canonical() {
        return "v1|" + model.length() + ":" + model + "|" + settings.length() + ":" + settings + "|seed=" + seed
                + "|frames=" + frames + "|" + prompt;
    }

    /** SHA-256 of {@link #canonical()}, in hex: the cache file's name. */
    public String hash() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
