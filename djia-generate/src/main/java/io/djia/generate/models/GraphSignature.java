package io.djia.generate.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs and outputs one model file declares, in the file's order.
 *
 * @param fileName the file's name, for messages
 * @param inputs   inputs by name
 * @param outputs  outputs by name
 */
public record GraphSignature(String fileName, Map<String, TensorSignature> inputs, Map<String, TensorSignature> outputs) {
    public GraphSignature {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public static GraphSignature of(String fileName, List<TensorSignature> inputs, List<TensorSignature> outputs) {
        Map<String, TensorSignature> in = new LinkedHashMap<>();
        inputs.forEach(t -> in.put(t.name(), t));
        Map<String, TensorSignature> out = new LinkedHashMap<>();
        outputs.forEach(t -> out.put(t.name(), t));
        return new GraphSignature(fileName, in, out);
    }

    public Optional<TensorSignature> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    public Optional<TensorSignature> output(String name) {
        return Optional.ofNullable(outputs.get(name));
    }
}
