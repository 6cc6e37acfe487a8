package io.djia.generate.models;

import java.util.Locale;

/** Element types of the tensors our model files exchange (ONNX names in lower case: float, int64, bool). */
public enum TensorType {
    FLOAT,
    FLOAT16,
    DOUBLE,
    INT8,
    INT32,
    INT64,
    BOOL,
    /** Any type this project does not exchange (strings, uint8, ...). */
    OTHER;

    /** The ONNX spelling, as it appears in error messages: "float", "int64", "bool". */
    public String onnxName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
