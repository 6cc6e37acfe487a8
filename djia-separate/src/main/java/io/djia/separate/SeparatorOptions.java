package io.djia.separate;

import java.nio.file.Path;

/**
 * Which separator to build and how.
 *
 * @param modelPath an exported Demucs {@code .onnx} file with its description {@code .json} beside it, or null
 *                  for the embedded DSP separator
 * @param onnx      how ONNX Runtime runs the model (ignored without a model)
 * @param dsp       parameters of the DSP separator (ignored with a model)
 */
public record SeparatorOptions(Path modelPath, OnnxOptions onnx, DspSettings dsp) {
    public SeparatorOptions {
        onnx = onnx == null ? OnnxOptions.defaults() : onnx;
        dsp = dsp == null ? DspSettings.defaults() : dsp;
    }

    /** The DSP separator with default settings. */
    public static SeparatorOptions defaults() {
        return new SeparatorOptions(null, OnnxOptions.defaults(), DspSettings.defaults());
    }

    public SeparatorOptions withModel(Path modelPath) {
        return new SeparatorOptions(modelPath, onnx, dsp);
    }

    public SeparatorOptions withThreads(int threads) {
        return new SeparatorOptions(modelPath, onnx.withThreads(threads), dsp);
    }

    public SeparatorOptions withProvider(ExecutionProvider provider) {
        return new SeparatorOptions(modelPath, onnx.withProvider(provider), dsp);
    }

    public SeparatorOptions withDsp(DspSettings dsp) {
        return new SeparatorOptions(modelPath, onnx, dsp);
    }
}
