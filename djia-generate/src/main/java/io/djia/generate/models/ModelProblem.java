package io.djia.generate.models;

import java.util.Objects;

/**
 * One thing wrong with a model folder.
 *
 * @param file    the file concerned ("decoder_model_merged.onnx"), or "" for the folder itself
 * @param tensor  the tensor concerned, or "" when the problem is the whole file
 * @param message what is wrong and what was expected, in plain words
 */
public record ModelProblem(String file, String tensor, String message) {
    public ModelProblem {
        file = file == null ? "" : file;
        tensor = tensor == null ? "" : tensor;
        Objects.requireNonNull(message, "message");
    }

    /** One line: {@code file: tensor "name": message}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!file.isEmpty()) {
            sb.append(file).append(": ");
        }
        if (!tensor.isEmpty()) {
            sb.append("tensor \"").append(tensor).append("\" ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
