package io.djia.generate.musicgen;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.djia.generate.models.MusicGenExport;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/** The T5 encoder graph ({@code text_encoder.onnx}): token ids to hidden states. Owns its session. */
final class OnnxTextEncoder implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;

    OnnxTextEncoder(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    EncodedText encode(long[] tokens) throws OrtException {
        long[] shape = {1, tokens.length};
        long[] ones = new long[tokens.length];
        Arrays.fill(ones, 1L);
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens), shape);
             OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
             OrtSession.Result result = session.run(Map.of(MusicGenExport.INPUT_IDS, ids, MusicGenExport.ATTENTION_MASK, mask))) {
            OnnxTensor out = (OnnxTensor) result.get(MusicGenExport.LAST_HIDDEN_STATE).orElseThrow(() -> new IllegalStateException(
                    MusicGenExport.TEXT_ENCODER + " returned no \"" + MusicGenExport.LAST_HIDDEN_STATE + "\""));
            long[] dims = out.getInfo().getShape();
            if (dims.length != 3 || dims[0] != 1 || dims[1] != tokens.length) {
                throw new IllegalStateException(MusicGenExport.TEXT_ENCODER + ": output \"" + MusicGenExport.LAST_HIDDEN_STATE
                        + "\" has shape " + Arrays.toString(dims) + ", expected [1, " + tokens.length + ", width]");
            }
            FloatBuffer data = out.getFloatBuffer();
            float[] hidden = new float[data.remaining()];
            data.get(hidden);
            return new EncodedText(hidden, tokens.length, (int) dims[2]);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
