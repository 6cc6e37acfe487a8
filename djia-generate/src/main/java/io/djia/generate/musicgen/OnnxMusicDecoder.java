package io.djia.generate.musicgen;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.djia.generate.models.MusicGenDims;
import io.djia.generate.models.MusicGenExport;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merged MusicGen decoder graph ({@code decoder_model_merged.onnx}). One {@link Run} decodes one clip step
 * by step, keeping the key/value caches as the runtime's own tensors between steps (no copies through Java):
 * the previous step's results stay open until the next step has consumed them, and the first step's results
 * stay open for the cross-attention cache. Owns its session; a run is for one thread.
 */
final class OnnxMusicDecoder implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final MusicGenDims dims;
    private final KvCacheHandOver handOver;
    private final Set<String> requestedOutputs;

    OnnxMusicDecoder(OrtEnvironment env, OrtSession session, MusicGenDims dims) {
        this.env = env;
        this.session = session;
        this.dims = dims;
        List<String> outputs = new ArrayList<>();
        outputs.add(MusicGenExport.LOGITS);
        for (int layer = 0; layer < dims.decoderLayers(); layer++) {
            for (String part : new String[] {"decoder", "encoder"}) {
                outputs.add(MusicGenExport.presentName(layer, part, "key"));
                outputs.add(MusicGenExport.presentName(layer, part, "value"));
            }
        }
        this.requestedOutputs = new LinkedHashSet<>(outputs);
        this.handOver = new KvCacheHandOver(dims.decoderLayers(), outputs);
    }

    /**
     * Starts decoding against {@code text}; with {@code guidance} the batch holds the conditional row and an
     * unconditional one (zero hidden states, zero mask), as Transformers' MusicGen builds it.
     */
    Run start(EncodedText text, boolean guidance) throws OrtException {
        return new Run(text, guidance ? 2 : 1);
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    /** One clip's decoding. */
    final class Run implements AutoCloseable {
        private final int batch;
        private final int rows;
        private final OnnxTensor hidden;
        private final OnnxTensor mask;
        private final OnnxTensor emptyCache;
        private final OnnxTensor cacheOff;
        private final OnnxTensor cacheOn;
        private final Map<String, OnnxTensorLike> inputs = new HashMap<>();
        private final float[] logits;
        private OrtSession.Result first;
        private OrtSession.Result previous;
        private int steps;

        private Run(EncodedText text, int batch) throws OrtException {
            this.batch = batch;
            this.rows = batch * dims.codebooks();
            this.logits = new float[rows * dims.vocabSize()];
            float[] states = new float[batch * text.hidden().length];
            System.arraycopy(text.hidden(), 0, states, 0, text.hidden().length);
            long[] maskValues = new long[batch * text.tokens()];
            Arrays.fill(maskValues, 0, text.tokens(), 1L);
            OnnxTensor h = null;
            OnnxTensor m = null;
            OnnxTensor e = null;
            OnnxTensor off = null;
            try {
                h = OnnxTensor.createTensor(env, FloatBuffer.wrap(states), new long[] {batch, text.tokens(), text.width()});
                m = OnnxTensor.createTensor(env, LongBuffer.wrap(maskValues), new long[] {batch, text.tokens()});
                e = OnnxTensor.createTensor(env, FloatBuffer.allocate(0),
                        new long[] {batch, dims.attentionHeads(), 0, dims.headDim()});
                off = OnnxTensor.createTensor(env, new boolean[] {false});
                this.cacheOn = OnnxTensor.createTensor(env, new boolean[] {true});
            } catch (OrtException | RuntimeException ex) {
                closeQuietly(h, m, e, off);
                throw ex;
            }
            this.hidden = h;
            this.mask = m;
            this.emptyCache = e;
            this.cacheOff = off;
            inputs.put(MusicGenExport.ENCODER_HIDDEN_STATES, hidden);
            inputs.put(MusicGenExport.ENCODER_ATTENTION_MASK, mask);
        }

        /**
         * One decoder step.
         *
         * @param inputIds the current token of every row (batch x codebooks, conditional rows first)
         * @return the logits of every row, row-major [rows][vocab]; the array is reused by the next step
         */
        float[] step(long[] inputIds) throws OrtException {
            if (inputIds.length != rows) {
                throw new IllegalArgumentException("a step takes " + rows + " token ids, got " + inputIds.length);
            }
            try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), new long[] {rows, 1})) {
                inputs.put(MusicGenExport.INPUT_IDS, ids);
                if (first == null) {
                    handOver.firstStep(inputs, emptyCache);
                    inputs.put(MusicGenExport.USE_CACHE_BRANCH, cacheOff);
                } else {
                    OrtSession.Result last = previous;
                    OrtSession.Result initial = first;
                    handOver.nextStep(inputs, i -> (OnnxTensor) last.get(i), i -> (OnnxTensor) initial.get(i));
                    inputs.put(MusicGenExport.USE_CACHE_BRANCH, cacheOn);
                }
                OrtSession.Result result = session.run(inputs, requestedOutputs);
                try {
                    readLogits((OnnxTensor) result.get(0));
                } catch (RuntimeException e) {
                    result.close();
                    throw e;
                }
                if (first == null) {
                    first = result;
                } else if (previous != first) {
                    previous.close();
                }
                previous = result;
                steps++;
                return logits;
            } finally {
                inputs.remove(MusicGenExport.INPUT_IDS);
            }
        }

        private void readLogits(OnnxTensor tensor) {
            long[] shape = tensor.getInfo().getShape();
            if (shape.length != 3 || shape[0] != rows || shape[1] != 1 || shape[2] != dims.vocabSize()) {
                throw new IllegalStateException(MusicGenExport.DECODER + ": output \"" + MusicGenExport.LOGITS + "\" has shape "
                        + Arrays.toString(shape) + " at step " + steps + ", expected [" + rows + ", 1, " + dims.vocabSize() + "]");
            }
            FloatBuffer data = tensor.getFloatBuffer();
            data.get(logits);
        }

        int batch() {
            return batch;
        }

        @Override
        public void close() {
            if (previous != null && previous != first) {
                previous.close();
            }
            if (first != null) {
                first.close();
            }
            previous = null;
            first = null;
            closeQuietly(hidden, mask, emptyCache, cacheOff, cacheOn);
        }
    }

    private static void closeQuietly(OnnxTensor... tensors) {
        for (OnnxTensor t : tensors) {
            if (t != null) {
                t.close();
            }
        }
    }
}
