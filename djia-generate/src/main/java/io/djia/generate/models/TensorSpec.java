package io.djia.generate.models;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a model file must declare for one input or output.
 *
 * @param name tensor name, e.g. {@code "past_key_values.0.decoder.key"}
 * @param type element type
 * @param dims expected dimensions; {@link #ANY} where the export leaves the axis dynamic (batch, sequence)
 */
public record TensorSpec(String name, TensorType type, long[] dims) {
    /** A dimension the file may declare as anything: a symbolic name or any number. */
    public static final long ANY = -1;

    public TensorSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tensor spec needs a name");
        }
        Objects.requireNonNull(type, "type");
        dims = dims.clone();
        for (long d : dims) {
            if (d < ANY) {
                throw new IllegalArgumentException("tensor " + name + ": dimension " + d + " is neither ANY nor >= 0");
            }
        }
    }

    public static TensorSpec of(String name, TensorType type, long... dims) {
        return new TensorSpec(name, type, dims);
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    /** The expected type and shape in words, e.g. {@code float [*, 16, *, 64]}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(type.onnxName()).append(" [");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i] == ANY ? "*" : Long.toString(dims[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && t.name.equals(name) && t.type == type && Arrays.equals(t.dims, dims);
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
