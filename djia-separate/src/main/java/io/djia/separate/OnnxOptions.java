package io.djia.separate;

/**
 * How ONNX Runtime runs a separation model.
 *
 * @param threads  intra-op threads for one model call, 1..256 (parallelism inside the network)
 * @param provider where the model runs
 */
public record OnnxOptions(int threads, ExecutionProvider provider) {
    public OnnxOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("ONNX threads must be 1..256, got " + threads);
        }
        if (provider == null) {
            throw new IllegalArgumentException("execution provider is required (cpu, cuda or auto)");
        }
    }

    /** All available cores, CUDA when present. */
    public static OnnxOptions defaults() {
        return new OnnxOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), ExecutionProvider.AUTO);
    }

    public OnnxOptions withThreads(int threads) {
        return new OnnxOptions(threads, provider);
    }

    public OnnxOptions withProvider(ExecutionProvider provider) {
        return new OnnxOptions(threads, provider);
    }
}
