package io.djia.separate.demucs;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * Writes a tiny ONNX model with the input and output signature of an HTDemucs export, whose outputs are known
 * functions of its inputs, so the host code around it can be checked exactly:
 * <pre>
 *   waveform out [1, S, C, N]      = timeGain[s][c] * waveform[c] + timeBias[s][c]
 *   spectrogram out [1, S, 2C, F, T] = freqGain[s][plane] * spectrogram[plane]
 * </pre>
 * The graph and the description written next to it may differ, to provoke signature mismatches.
 */
final class TinyDemucsModel {
    private TinyDemucsModel() {
    }

    /**
     * Writes {@code base.onnx} built from {@code graph} and {@code base.json} holding {@code described}.
     *
     * @param timeGain {@code [S][C]}
     * @param timeBias {@code [S][C]}
     * @param freqGain {@code [S][2C]}
     * @return the .onnx path
     */
    static Path write(Path dir, String base, DemucsModelDescription graph, DemucsModelDescription described,
                      float[][] timeGain, float[][] timeBias, float[][] freqGain) throws IOException {
        return write(dir, base, graph, described, timeGain, timeBias, freqGain, false);
    }

    /**
     * Like {@link #write(Path, String, DemucsModelDescription, DemucsModelDescription, float[][], float[][],
     * float[][])}; with {@code foldStems} the outputs come as {@code [1, S * C, N]} and {@code [1, S * 2C, F, T]}
     * through a Reshape, as exports that stop before HTDemucs' final view do.
     */
    static Path write(Path dir, String base, DemucsModelDescription graph, DemucsModelDescription described,
                      float[][] timeGain, float[][] timeBias, float[][] freqGain, boolean foldStems)
            throws IOException {
        int s = graph.stems().size();
        int c = graph.channels();
        ONNXContext ctx = new ONNXContext();
        ctx.setName("tiny-demucs");
        ONNXPlaceholder wave = ctx.floatInput(graph.waveformInput(), 1);
        List<String[]> folds = new ArrayList<>();
        List<long[]> foldShapes = new ArrayList<>();
        if (graph.waveformOutput() != null) {
            ONNXInitializer gain = ctx.floatTensor("time_gain", List.of(1, s, c, 1), fb -> put(fb, timeGain));
            ONNXInitializer bias = ctx.floatTensor("time_bias", List.of(1, s, c, 1), fb -> put(fb, timeBias));
            ONNXNode scaled = wave.apply(ONNXOperators.MUL, gain);
            ONNXNode time = scaled.apply(ONNXOperators.ADD, bias);
            if (foldStems) {
                folds.add(new String[] {time.getReference(), graph.waveformOutput()});
                foldShapes.add(OnnxSegmentModel.foldStems(graph.waveformOutputShape()));
            } else {
                time.assignTo(ctx.floatOutput(graph.waveformOutput(), 1));
            }
        }
        if (graph.spectrogramInput() != null) {
            ONNXPlaceholder spec = ctx.floatInput(graph.spectrogramInput(), 1);
            if (graph.spectrogramOutput() != null) {
                ONNXInitializer gain = ctx.floatTensor("freq_gain", List.of(1, s, 2 * c, 1, 1), fb -> put(fb, freqGain));
                ONNXNode freq = spec.apply(ONNXOperators.MUL, gain);
                if (foldStems) {
                    folds.add(new String[] {freq.getReference(), graph.spectrogramOutput()});
                    foldShapes.add(OnnxSegmentModel.foldStems(graph.spectrogramOutputShape()));
                } else {
                    freq.assignTo(ctx.floatOutput(graph.spectrogramOutput(), 1));
                }
            }
        }
        OnnxMl.GraphProto.Builder g = ctx.buildGraph().toBuilder();
        for (int i = 0; i < g.getInputCount(); i++) {
            String name = g.getInput(i).getName();
            g.setInput(i, tensor(name, name.equals(graph.waveformInput()) ? graph.waveformInputShape()
                    : graph.spectrogramInputShape()));
        }
        for (int i = 0; i < g.getOutputCount(); i++) {
            String name = g.getOutput(i).getName();
            g.setOutput(i, tensor(name, name.equals(graph.waveformOutput()) ? graph.waveformOutputShape()
                    : graph.spectrogramOutputShape()));
        }
        for (int i = 0; i < folds.size(); i++) {
            String shapeName = "fold_shape_" + i;
            g.addInitializer(OnnxMl.TensorProto.newBuilder().setName(shapeName)
                    .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber())
                    .addDims(foldShapes.get(i).length)
                    .addAllInt64Data(java.util.Arrays.stream(foldShapes.get(i)).boxed().toList()));
            g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Reshape").setName("fold_" + i)
                    .addInput(folds.get(i)[0]).addInput(shapeName).addOutput(folds.get(i)[1]));
            g.addOutput(tensor(folds.get(i)[1], foldShapes.get(i)));
        }
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("djia-separate tests")
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setGraph(g)
                .build();
        Path onnx = dir.resolve(base + ".onnx");
        Files.write(onnx, model.toByteArray());
        Files.writeString(DemucsModelDescription.pathFor(onnx), described.toJson());
        return onnx;
    }

    private static void put(java.nio.FloatBuffer fb, float[][] values) {
        for (float[] row : values) {
            fb.put(row);
        }
    }

    private static OnnxMl.ValueInfoProto tensor(String name, long[] shape) {
        OnnxMl.TensorShapeProto.Builder dims = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : shape) {
            dims.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(dims)))
                .build();
    }
}
