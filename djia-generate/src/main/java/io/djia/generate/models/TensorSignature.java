package io.djia.generate.models;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a model file declares for one tensor.
 *
 * @param name      tensor name
 * @param type      element type
 * @param dims      dimensions; -1 where the axis is symbolic or unknown
 * @param dimNames  the symbolic names ("batch_size"), "" where the axis is a number
 */
public record TensorSignature(String name, TensorType type, long[] dims, String[] dimNames) {
    public TensorSignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dims = dims.clone();
        dimNames = dimNames == null ? new String[dims.length] : dimNames.clone();
        if (dimNames.length != dims.length) {
            throw new IllegalArgumentException("tensor " + name + ": " + dims.length + " dims but " + dimNames.length + " names");
        }
        for (int i = 0; i < dimNames.length; i++) {
            dimNames[i] = dimNames[i] == null ? "" : dimNames[i];
        }
    }

    /** A signature with numeric dims only (-1 read as an unnamed dynamic axis). */
    public static TensorSignature of(String name, TensorType type, long... dims) {
        return new TensorSignature(name, type, dims, null);
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    @Override
    public String[] dimNames() {
        return dimNames.clone();
    }

    public int rank() {
        return dims.length;
    }

    /** The dimension at {@code axis}, or -1 when it is dynamic. */
    public long dim(int axis) {
        return dims[axis];
    }

    /** Type and shape as the file declares it, e.g. {@code float [batch_size, 16, past_decoder_sequence_length, 64]}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(type.onnxName()).append(" [");
        for (int i = 0; i < dims.length; i++) {
            String d = dims[i] >= 0 ? Long.toString(dims[i]) : dimNames[i].isEmpty() ? "?" : dimNames[i];
            sb.append(i == 0 ? "" : ", ").append(d);
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSignature t && t.name.equals(name) && t.type == type && Arrays.equals(t.dims, dims)
                && Arrays.equals(t.dimNames, dimNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(dims));
    }

    @Override
    public String toString() {
        return name + ": " + describe();
    }
}
