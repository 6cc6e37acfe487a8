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

/** The EnCodec decoder graph ({@code encodec_decode.onnx}): codes [codebook][frame] to mono samples. Owns its session. */
final class OnnxEncodecDecoder implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;

    OnnxEncodecDecoder(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    float[] decode(long[][] codes) throws OrtException {
        int codebooks = codes.length;
        int frames = codes[0].length;
        long[] flat = new long[codebooks * frames];
        for (int k = 0; k < codebooks; k++) {
            System.arraycopy(codes[k], 0, flat, k * frames, frames);
        }
        try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(flat), new long[] {1, 1, codebooks, frames});
             OrtSession.Result result = session.run(Map.of(MusicGenExport.AUDIO_CODES, input))) {
            OnnxTensor out = (OnnxTensor) result.get(MusicGenExport.AUDIO_VALUES).orElseThrow(() -> new IllegalStateException(
                    MusicGenExport.ENCODEC + " returned no \"" + MusicGenExport.AUDIO_VALUES + "\""));
            long[] dims = out.getInfo().getShape();
            if (dims.length != 3 || dims[0] != 1 || dims[1] != 1 || dims[2] < 1) {
                throw new IllegalStateException(MusicGenExport.ENCODEC + ": output \"" + MusicGenExport.AUDIO_VALUES
                        + "\" has shape " + Arrays.toString(dims) + ", expected [1, 1, samples]");
            }
            FloatBuffer data = out.getFloatBuffer();
            float[] samples = new float[data.remaining()];
            data.get(samples);
            return samples;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
