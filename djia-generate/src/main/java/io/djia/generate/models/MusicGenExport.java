package io.djia.generate.models;

import static io.djia.generate.models.TensorSpec.ANY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard ONNX export of MusicGen, as Hugging Face Optimum writes it ({@code optimum-cli export onnx
 * --model facebook/musicgen-small}) and transformers.js loads it ({@code Xenova/musicgen-small}):
 * <ul>
 *   <li>{@code text_encoder.onnx}: T5 encoder, {@code input_ids, attention_mask} (int64 [batch, tokens]) to
 *       {@code last_hidden_state} (float [batch, tokens, 768]);</li>
 *   <li>{@code decoder_model_merged.onnx}: the decoder with and without cache in one graph, chosen by
 *       {@code use_cache_branch} (bool [1]). Inputs {@code encoder_attention_mask} (int64 [batch, tokens]),
 *       {@code input_ids} (int64 [batch x codebooks, 1]), {@code encoder_hidden_states} (float [batch, tokens,
 *       768]) and, per layer N, {@code past_key_values.N.decoder.key/value} and
 *       {@code past_key_values.N.encoder.key/value} (float [batch, heads, length, head width]). Outputs
 *       {@code logits} (float [batch x codebooks, 1, 2048]) and the matching {@code present.N.*};</li>
 *   <li>{@code encodec_decode.onnx}: {@code audio_codes} (int64 [1, batch, codebooks, frames]) to
 *       {@code audio_values} (float [batch, 1, samples]) at 32 kHz;</li>
 *   <li>{@code tokenizer.json}: the T5 SentencePiece (Unigram) tokenizer.</li>
 * </ul>
 * The export also has {@code build_delay_pattern_mask.onnx}; we apply the delay pattern in Java and do not need
 * it. On the first decoder step the cache inputs are empty ([batch, heads, 0, head width]) and
 * {@code use_cache_branch} is false; afterwards the decoder's {@code present.N.decoder.*} become the next
 * step's past, while the encoder's cross-attention cache from the first step is kept (the cache branch outputs
 * only placeholders for it, an Optimum optimisation).
 */
public final class MusicGenExport {
    public static final String TEXT_ENCODER = "text_encoder.onnx";
    public static final String DECODER = "decoder_model_merged.onnx";
    public static final String ENCODEC = "encodec_decode.onnx";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String CONFIG = "config.json";

    public static final String INPUT_IDS = "input_ids";
    public static final String ATTENTION_MASK = "attention_mask";
    public static final String LAST_HIDDEN_STATE = "last_hidden_state";
    public static final String ENCODER_ATTENTION_MASK = "encoder_attention_mask";
    public static final String ENCODER_HIDDEN_STATES = "encoder_hidden_states";
    public static final String USE_CACHE_BRANCH = "use_cache_branch";
    public static final String LOGITS = "logits";
    public static final String AUDIO_CODES = "audio_codes";
    public static final String AUDIO_VALUES = "audio_values";

    private static final Pattern PAST_DECODER_KEY = Pattern.compile("past_key_values\\.(\\d+)\\.decoder\\.key");

    private MusicGenExport() {
    }

    /** {@code past_key_values.N.decoder.key} and friends: {@code part} is "decoder" or "encoder", {@code kv} "key" or "value". */
    public static String pastName(int layer, String part, String kv) {
        return "past_key_values." + layer + "." + part + "." + kv;
    }

    /** {@code present.N.decoder.key} and friends. */
    public static String presentName(int layer, String part, String kv) {
        return "present." + layer + "." + part + "." + kv;
    }

    /** The three graphs' specs for resolved dims. */
    public static List<GraphSpec> graphSpecs(MusicGenDims dims) {
        if (!dims.isResolved()) {
            throw new IllegalArgumentException("MusicGen dims must be resolved before building specs: " + dims);
        }
        long d = dims.textHiddenSize();
        long h = dims.attentionHeads();
        long w = dims.headDim();
        GraphSpec text = new GraphSpec(TEXT_ENCODER,
                List.of(TensorSpec.of(INPUT_IDS, TensorType.INT64, ANY, ANY),
                        TensorSpec.of(ATTENTION_MASK, TensorType.INT64, ANY, ANY)),
                List.of(TensorSpec.of(LAST_HIDDEN_STATE, TensorType.FLOAT, ANY, ANY, d)));
        List<TensorSpec> decIn = new ArrayList<>();
        decIn.add(TensorSpec.of(ENCODER_ATTENTION_MASK, TensorType.INT64, ANY, ANY));
        decIn.add(TensorSpec.of(INPUT_IDS, TensorType.INT64, ANY, ANY));
        decIn.add(TensorSpec.of(ENCODER_HIDDEN_STATES, TensorType.FLOAT, ANY, ANY, d));
        List<TensorSpec> decOut = new ArrayList<>();
        decOut.add(TensorSpec.of(LOGITS, TensorType.FLOAT, ANY, ANY, dims.vocabSize()));
        for (int layer = 0; layer < dims.decoderLayers(); layer++) {
            for (String part : new String[] {"decoder", "encoder"}) {
                for (String kv : new String[] {"key", "value"}) {
                    decIn.add(TensorSpec.of(pastName(layer, part, kv), TensorType.FLOAT, ANY, h, ANY, w));
                    decOut.add(TensorSpec.of(presentName(layer, part, kv), TensorType.FLOAT, ANY, h, ANY, w));
                }
            }
        }
        decIn.add(TensorSpec.of(USE_CACHE_BRANCH, TensorType.BOOL, 1));
        GraphSpec decoder = new GraphSpec(DECODER, decIn, decOut);
        GraphSpec encodec = new GraphSpec(ENCODEC,
                List.of(TensorSpec.of(AUDIO_CODES, TensorType.INT64, 1, ANY, dims.codebooks(), ANY)),
                List.of(TensorSpec.of(AUDIO_VALUES, TensorType.FLOAT, ANY, 1, ANY)));
        return List.of(text, decoder, encodec);
    }

    /**
     * Fills the {@link MusicGenDims#UNKNOWN} sizes from the files: the text width from the text encoder's output,
     * the layer count from the decoder's {@code past_key_values.N.decoder.key} inputs, heads and head width
     * from layer 0's key. Known sizes are kept, so the checker then reports any file that disagrees.
     */
    public static MusicGenDims resolve(MusicGenDims declared, Map<String, GraphSignature> signatures) {
        if (declared.isResolved()) {
            return declared;
        }
        int text = declared.textHiddenSize();
        int layers = declared.decoderLayers();
        int heads = declared.attentionHeads();
        int headDim = declared.headDim();
        GraphSignature te = signatures.get(TEXT_ENCODER);
        GraphSignature dec = signatures.get(DECODER);
        if (text == MusicGenDims.UNKNOWN) {
            text = fixedDim(te == null ? null : te.outputs().get(LAST_HIDDEN_STATE), 2);
            if (text == MusicGenDims.UNKNOWN && dec != null) {
                text = fixedDim(dec.inputs().get(ENCODER_HIDDEN_STATES), 2);
            }
        }
        if (dec != null) {
            if (layers == MusicGenDims.UNKNOWN) {
                int count = 0;
                for (String name : dec.inputs().keySet()) {
                    Matcher m = PAST_DECODER_KEY.matcher(name);
                    if (m.matches()) {
                        count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
                    }
                }
                layers = count == 0 ? MusicGenDims.UNKNOWN : count;
            }
            TensorSignature key0 = dec.inputs().get(pastName(0, "decoder", "key"));
            if (heads == MusicGenDims.UNKNOWN) {
                heads = fixedDim(key0, 1);
            }
            if (headDim == MusicGenDims.UNKNOWN) {
                headDim = fixedDim(key0, 3);
            }
        }
        return declared.withSizes(text, layers, heads, headDim);
    }

    private static int fixedDim(TensorSignature t, int axis) {
        if (t == null || t.rank() <= axis || t.dim(axis) < 1 || t.dim(axis) > Integer.MAX_VALUE) {
            return MusicGenDims.UNKNOWN;
        }
        return (int) t.dim(axis);
    }
}
