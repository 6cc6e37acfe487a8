package io.djia.separate.demucs;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.djia.separate.ExecutionProvider;
import io.djia.separate.OnnxOptions;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link SegmentModel} backed by an ONNX Runtime session: the one class that sees ONNX types.
 *
 * <p>At load time the session's real input and output names, element types and shapes are checked against the
 * description; a mismatch is an {@link IllegalArgumentException} that lists both. Dynamic dimensions in the
 * model accept the described size, and outputs may come with the stem and channel axes merged
 * ({@code [1, 16, 2048, 336]} for {@code [1, 4, 4, 2048, 336]}), which has the same memory layout. Calls must not overlap; close it to free the native session.
 */
public final class OnnxSegmentModel implements SegmentModel, AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final DemucsModelDescription description;
    private final String providerName;

    private OnnxSegmentModel(OrtEnvironment env, OrtSession session, DemucsModelDescription description,
                             String providerName) {
        this.env = env;
        this.session = session;
        this.description = description;
        this.providerName = providerName;
    }

    /** Opens {@code onnxFile} and checks it against {@code description}. */
    public static OnnxSegmentModel load(Path onnxFile, DemucsModelDescription description, OnnxOptions options) {
        Objects.requireNonNull(onnxFile, "onnxFile");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(options, "options");
        if (!Files.isRegularFile(onnxFile)) {
            throw new IllegalArgumentException("model file " + onnxFile + " does not exist");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        String provider;
        OrtSession session;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.threads());
            so.setInterOpNumThreads(1);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            boolean cudaAvailable = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
            if (options.provider() == ExecutionProvider.CUDA && !cudaAvailable) {
                throw new IllegalArgumentException("CUDA was requested but this ONNX Runtime offers only "
                        + OrtEnvironment.getAvailableProviders() + "; put the GPU build (onnxruntime_gpu) on the"
                        + " class path or choose the cpu provider");
            }
            provider = "cpu";
            if (options.provider() != ExecutionProvider.CPU && cudaAvailable) {
                try {
                    so.addCUDA(0);
                    provider = "cuda";
                } catch (OrtException e) {
                    if (options.provider() == ExecutionProvider.CUDA) {
                        throw new IllegalArgumentException("CUDA was requested but cannot start: " + e.getMessage()
                                + "; check the CUDA and cuDNN install or choose the cpu provider", e);
                    }
                    // AUTO: the GPU build is present but no usable GPU; the CPU will do.
                }
            }
            session = env.createSession(onnxFile.toString(), so);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime cannot load " + onnxFile + ": " + e.getMessage(), e);
        }
        try {
            checkSignature(session, description, onnxFile);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        return new OnnxSegmentModel(env, session, description, provider);
    }

    /** "cpu" or "cuda". */
    public String provider() {
        return providerName;
    }

    @Override
    public void run(float[] waveform, float[] spectrogram, float[] waveformOut, float[] spectrogramOut) {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(description.waveformInput(),
                    OnnxTensor.createTensor(env, FloatBuffer.wrap(waveform), description.waveformInputShape()));
            if (description.spectrogramInput() != null) {
                inputs.put(description.spectrogramInput(), OnnxTensor.createTensor(env,
                        FloatBuffer.wrap(spectrogram), description.spectrogramInputShape()));
            }
            Set<String> wanted = new LinkedHashSet<>();
            if (description.waveformOutput() != null) {
                wanted.add(description.waveformOutput());
            }
            if (description.spectrogramOutput() != null) {
                wanted.add(description.spectrogramOutput());
            }
            try (OrtSession.Result result = session.run(inputs, wanted)) {
                if (description.waveformOutput() != null) {
                    copyOut(result, description.waveformOutput(), description.waveformOutputShape(), waveformOut);
                }
                if (description.spectrogramOutput() != null) {
                    copyOut(result, description.spectrogramOutput(), description.spectrogramOutputShape(),
                            spectrogramOut);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("model " + description.name() + " failed on a segment: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void copyOut(OrtSession.Result result, String name, long[] expected, float[] target) {
        OnnxValue value = result.get(name).orElseThrow(() ->
                new IllegalStateException("model returned no output \"" + name + "\""));
        OnnxTensor tensor = (OnnxTensor) value;
        long[] shape = tensor.getInfo().getShape();
        if (!Arrays.equals(shape, expected) && !Arrays.equals(shape, foldStems(expected))) {
            throw new IllegalStateException("model output \"" + name + "\" has shape " + Arrays.toString(shape)
                    + ", expected " + Arrays.toString(expected));
        }
        tensor.getFloatBuffer().get(target);
    }

    static void checkSignature(OrtSession session, DemucsModelDescription d, Path onnxFile) {
        Map<String, long[]> expectedIn = new LinkedHashMap<>();
        expectedIn.put(d.waveformInput(), d.waveformInputShape());
        if (d.spectrogramInput() != null) {
            expectedIn.put(d.spectrogramInput(), d.spectrogramInputShape());
        }
        Map<String, long[]> expectedOut = new LinkedHashMap<>();
        if (d.waveformOutput() != null) {
            expectedOut.put(d.waveformOutput(), d.waveformOutputShape());
        }
        if (d.spectrogramOutput() != null) {
            expectedOut.put(d.spectrogramOutput(), d.spectrogramOutputShape());
        }
        Map<String, NodeInfo> actualIn;
        Map<String, NodeInfo> actualOut;
        try {
            actualIn = session.getInputInfo();
            actualOut = session.getOutputInfo();
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot read the inputs and outputs of " + onnxFile + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        compare("input", expectedIn, actualIn, problems);
        compare("output", expectedOut, actualOut, problems);
        for (String name : actualIn.keySet()) {
            if (!expectedIn.containsKey(name)) {
                problems.add("the model has an input \"" + name + "\" the description does not name");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("model " + onnxFile.getFileName() + " does not match its description "
                    + d.name() + ": " + String.join("; ", problems) + ". The model has inputs "
                    + describeActual(actualIn) + " and outputs " + describeActual(actualOut)
                    + "; the description expects inputs " + describeExpected(expectedIn) + " and outputs "
                    + describeExpected(expectedOut) + ". Fix the names and sizes in "
                    + DemucsModelDescription.pathFor(onnxFile).getFileName() + " or export the model to match.");
        }
    }

    private static void compare(String kind, Map<String, long[]> expected, Map<String, NodeInfo> actual,
                                List<String> problems) {
        boolean outputs = kind.equals("output");
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            NodeInfo info = actual.get(e.getKey());
            if (info == null) {
                problems.add(kind + " \"" + e.getKey() + "\" is not in the model");
                continue;
            }
            if (!(info.getInfo() instanceof TensorInfo tensor)) {
                problems.add(kind + " \"" + e.getKey() + "\" is not a tensor");
                continue;
            }
            if (tensor.type != OnnxJavaType.FLOAT) {
                problems.add(kind + " \"" + e.getKey() + "\" holds " + tensor.type + ", expected FLOAT");
            }
            boolean folded = outputs && shapeAccepts(tensor.getShape(), foldStems(e.getValue()));
            if (!shapeAccepts(tensor.getShape(), e.getValue()) && !folded) {
                problems.add(kind + " \"" + e.getKey() + "\" has shape " + Arrays.toString(tensor.getShape())
                        + ", expected " + Arrays.toString(e.getValue())
                        + (outputs ? " or " + Arrays.toString(foldStems(e.getValue())) : ""));
            }
        }
    }

    /**
     * The same output with the stem and channel axes merged, {@code [1, S, C, ...] -> [1, S * C, ...]}: the
     * memory layout is identical, and some exports return the tensor before HTDemucs' final view.
     */
    static long[] foldStems(long[] shape) {
        long[] out = new long[shape.length - 1];
        out[0] = shape[0];
        out[1] = shape[1] * shape[2];
        System.arraycopy(shape, 3, out, 2, shape.length - 3);
        return out;
    }

    /** Equal rank, and every fixed dimension equal; dynamic dimensions (negative) accept any size. */
    static boolean shapeAccepts(long[] actual, long[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] >= 0 && actual[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describeActual(Map<String, NodeInfo> infos) {
        return infos.values().stream().map(i -> i.getInfo() instanceof TensorInfo t
                ? i.getName() + " " + Arrays.toString(t.getShape()) : i.getName() + " (not a tensor)")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describeExpected(Map<String, long[]> shapes) {
        return shapes.entrySet().stream().map(e -> e.getKey() + " " + Arrays.toString(e.getValue()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing useful to do when freeing native memory fails at close.
        }
    }
}
