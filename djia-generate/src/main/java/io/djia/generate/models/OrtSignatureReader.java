package io.djia.generate.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a graph's declared inputs and outputs with ONNX Runtime (a session with graph optimisation off, closed
 * at once). Also turns the signature of a session already open into plain types. Thread-safe.
 */
public final class OrtSignatureReader implements SignatureReader {
    @Override
    public GraphSignature read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(file.toString(), options)) {
                return signatureOf(file.getFileName().toString(), session);
            }
        } catch (OrtException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The declared signature of an open session. */
    public static GraphSignature signatureOf(String fileName, OrtSession session) throws OrtException {
        return GraphSignature.of(fileName, convert(session.getInputInfo()), convert(session.getOutputInfo()));
    }

    private static List<TensorSignature> convert(Map<String, NodeInfo> infos) {
        List<TensorSignature> out = new ArrayList<>();
        for (NodeInfo node : infos.values()) {
            ValueInfo info = node.getInfo();
            if (info instanceof TensorInfo t) {
                out.add(new TensorSignature(node.getName(), typeOf(t.type), t.getShape(), t.getDimensionNames()));
            } else {
                out.add(new TensorSignature(node.getName(), TensorType.OTHER, new long[0], null));
            }
        }
        return out;
    }

    private static TensorType typeOf(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> TensorType.FLOAT;
            case FLOAT16 -> TensorType.FLOAT16;
            case DOUBLE -> TensorType.DOUBLE;
            case INT8 -> TensorType.INT8;
            case INT32 -> TensorType.INT32;
            case INT64 -> TensorType.INT64;
            case BOOL -> TensorType.BOOL;
            default -> TensorType.OTHER;
        };
    }
}
