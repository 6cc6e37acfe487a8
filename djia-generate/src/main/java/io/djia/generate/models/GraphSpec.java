package io.djia.generate.models;

import java.util.List;

/**
 * What one model file of a layout must declare. Extra inputs or outputs in the file are reported, since the
 * runtime would refuse to run a graph whose inputs we do not feed.
 *
 * @param fileName file name inside the model folder, e.g. {@code "decoder_model_merged.onnx"}
 * @param inputs   every input the file must have
 * @param outputs  the outputs we read (others are allowed)
 */
public record GraphSpec(String fileName, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    public GraphSpec {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("graph spec needs a file name");
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
