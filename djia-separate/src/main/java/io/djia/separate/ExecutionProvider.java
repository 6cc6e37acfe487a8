package io.djia.separate;

import java.util.Locale;

/** Where ONNX Runtime runs a model. */
public enum ExecutionProvider {
    /** The CPU, always available. */
    CPU,
    /** An NVIDIA GPU; needs the GPU build of ONNX Runtime on the class path and a CUDA install. */
    CUDA,
    /** CUDA when the runtime offers it, otherwise the CPU. */
    AUTO;

    /** Parses "cpu", "cuda" or "auto". */
    public static ExecutionProvider parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (ExecutionProvider p : values()) {
            if (p.name().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown execution provider \"" + text + "\"; expected cpu, cuda or auto");
    }
}
