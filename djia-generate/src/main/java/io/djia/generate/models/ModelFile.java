package io.djia.generate.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * One file of a model layout.
 *
 * @param path     the file's path in the published repository, e.g. {@code "onnx/text_encoder.onnx"}; locally it
 *                 may sit at that path or directly in the model folder
 * @param required whether generation needs it (optional files are used when present)
 * @param sha256   its SHA-256 in lower-case hex when known, else ""
 */
public record ModelFile(String path, boolean required, String sha256) {
    public ModelFile {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("model file path must be relative and inside the folder, got \"" + path + "\"");
        }
        sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!sha256.isEmpty() && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 of " + path + " must be 64 hex digits, got \"" + sha256 + "\"");
        }
    }

    public static ModelFile required(String path) {
        return new ModelFile(path, true, "");
    }

    public static ModelFile optional(String path) {
        return new ModelFile(path, false, "");
    }

    /** The last path segment, e.g. {@code "text_encoder.onnx"}. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Where the file is in {@code folder}: at {@link #path()} or directly inside; empty when absent. */
    public Optional<Path> locate(Path folder) {
        Path nested = folder.resolve(path);
        if (Files.isRegularFile(nested)) {
            return Optional.of(nested);
        }
        Path flat = folder.resolve(fileName());
        return Files.isRegularFile(flat) ? Optional.of(flat) : Optional.empty();
    }
}
