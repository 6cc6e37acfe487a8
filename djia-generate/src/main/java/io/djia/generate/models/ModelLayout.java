package io.djia.generate.models;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A kind of model folder DJ-IA knows: its files, where they are published, and for MusicGen the sizes its
 * tensors must show.
 *
 * @param name              the name used on the command line, e.g. "musicgen-small"
 * @param description       one line for listings
 * @param unsupportedReason why DJ-IA cannot run it, or "" when it can
 * @param hubRepo           the Hugging Face repository holding this exact layout ("Xenova/musicgen-small"), or ""
 * @param howToGet          how a user gets the files when there is no download
 * @param files             the files, required and optional
 * @param musicGenDims      the MusicGen sizes, or null for other families
 */
public record ModelLayout(String name, String description, String unsupportedReason, String hubRepo, String howToGet,
                          List<ModelFile> files, MusicGenDims musicGenDims) {
    public ModelLayout {
        if (name == null || !name.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("layout name must be lower-case letters, digits, dots and dashes, got \"" + name + "\"");
        }
        description = description == null ? "" : description;
        unsupportedReason = unsupportedReason == null ? "" : unsupportedReason;
        hubRepo = hubRepo == null ? "" : hubRepo;
        howToGet = howToGet == null ? "" : howToGet;
        files = List.copyOf(files);
    }

    public boolean supported() {
        return unsupportedReason.isEmpty();
    }

    public boolean downloadable() {
        return supported() && !hubRepo.isEmpty();
    }

    public List<ModelFile> requiredFiles() {
        return files.stream().filter(ModelFile::required).toList();
    }

    public Optional<ModelFile> file(String fileName) {
        return files.stream().filter(f -> f.fileName().equals(fileName)).findFirst();
    }

    /** The public URL of {@code file} under {@code hubBase} (e.g. https://huggingface.co). */
    public URI fileUri(URI hubBase, ModelFile file) {
        if (hubRepo.isEmpty()) {
            throw new IllegalStateException(name + " has no published repository to download from");
        }
        String base = hubBase.toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(base + "/" + hubRepo + "/resolve/main/" + file.path());
    }
}
