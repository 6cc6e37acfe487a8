package io.djia.generate.musicgen;

import static io.djia.generate.models.OnnxGraphBuilder.BOOL;
import static io.djia.generate.models.OnnxGraphBuilder.FLOAT;
import static io.djia.generate.models.OnnxGraphBuilder.INT32;
import static io.djia.generate.models.OnnxGraphBuilder.INT64;
import static io.djia.generate.models.OnnxGraphBuilder.graphAttr;
import static io.djia.generate.models.OnnxGraphBuilder.intAttr;
import static io.djia.generate.models.OnnxGraphBuilder.intsAttr;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djia.generate.models.MusicGenExport;
import io.djia.generate.models.OnnxGraphBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a tiny stand-in of the MusicGen ONNX export with exactly its file names and its tensor names, types
 * and axes, but a few hand-made operations instead of transformers, so the whole generator runs on it in
 * milliseconds and its output can be computed by hand:
 * <ul>
 *   <li>text encoder: hidden state of token id t is row t of a table whose column 0 is t, masked;</li>
 *   <li>decoder: each layer appends the step's tokens (plus a per-layer, per-key/value offset) to its cache
 *       (cache branch) or starts a new cache (first step); the cross-attention cache is the masked hidden
 *       states plus an offset, recomputed on the first step and read back from the inputs afterwards. With
 *       T the cache length, S the sum of every token seen by a codebook and c the sum of column 0 of the
 *       conditioning, code {@code A = (S + 31 T + 7 k) mod 2048} gets logit 10 and, when c > 0,
 *       {@code C = (A + 1 + c mod 1000) mod 2048} gets 9.5;</li>
 *   <li>EnCodec: frame f becomes 640 samples of {@code (c0 + 2 c1 + 4 c2 + 8 c3) / (2048 x 15) - 0.5}.</li>
 * </ul>
 * With guidance 3 the unconditional row (c = 0) pushes C to 28.5 against A's 10, so decoding is practically
 * deterministic, and it is wrong if the cache, the cross-attention cache, the delay pattern or the guidance
 * batch is handed over wrongly.
 */
public final class TinyMusicGen {
    public static final int CODEBOOKS = 4;
    public static final int VOCAB = 2048;
    public static final int HEADS = 2;
    public static final int HEAD_DIM = 4;
    public static final int TEXT_WIDTH = HEADS * HEAD_DIM;
    public static final int TOKEN_ROWS = 128;
    public static final int HOP = 640;

    /** Ways to break the export for checker tests. */
    public enum Flaw { NONE, INPUT_IDS_INT32, NO_USE_CACHE_BRANCH }

    private final int layers;
    private final Flaw flaw;

    public TinyMusicGen(int layers, Flaw flaw) {
        this.layers = layers;
        this.flaw = flaw;
    }

    public static TinyMusicGen standard() {
        return new TinyMusicGen(2, Flaw.NONE);
    }

    public int layers() {
        return layers;
    }

    /** Writes the export under {@code folder} (onnx/*.onnx, tokenizer.json) and returns the folder. */
    public Path write(Path folder) throws IOException {
        OnnxGraphBuilder.save(textEncoder(), folder.resolve("onnx").resolve(MusicGenExport.TEXT_ENCODER));
        OnnxGraphBuilder.save(decoder(), folder.resolve("onnx").resolve(MusicGenExport.DECODER));
        OnnxGraphBuilder.save(encodec(), folder.resolve("onnx").resolve(MusicGenExport.ENCODEC));
        writeTokenizer(folder.resolve(MusicGenExport.TOKENIZER));
        return folder;
    }

    /** Column 0 of a token's hidden state (its id); the other columns are fillers. */
    static float hiddenValue(int token, int column) {
        return column == 0 ? token : (token % (column + 2)) * 0.25f;
    }

    /** Offset layer {@code layer} adds to its decoder cache entries (key: 1000 layer, value: +500). */
    static float decoderOffset(int layer, boolean value) {
        return 1000f * layer + (value ? 500f : 0f);
    }

    static float encoderOffset(int layer, boolean value) {
        return 100f * layer + (value ? 50f : 0f);
    }

    private OnnxMl.GraphProto textEncoder() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("text_encoder");
        g.input(MusicGenExport.INPUT_IDS, INT64, "batch_size", "encoder_sequence_length");
        g.input(MusicGenExport.ATTENTION_MASK, INT64, "batch_size", "encoder_sequence_length");
        g.output(MusicGenExport.LAST_HIDDEN_STATE, FLOAT, "batch_size", "encoder_sequence_length", TEXT_WIDTH);
        float[] table = new float[TOKEN_ROWS * TEXT_WIDTH];
        for (int t = 0; t < TOKEN_ROWS; t++) {
            for (int j = 0; j < TEXT_WIDTH; j++) {
                table[t * TEXT_WIDTH + j] = hiddenValue(t, j);
            }
        }
        g.floats("embedding", new long[] {TOKEN_ROWS, TEXT_WIDTH}, table);
        g.longs("axis2", new long[] {1}, 2);
        g.op("Gather", "embedded", "embedding", MusicGenExport.INPUT_IDS);
        g.node("Cast", new String[] {MusicGenExport.ATTENTION_MASK}, new String[] {"mask_f"}, intAttr("to", FLOAT));
        g.op("Unsqueeze", "mask_3d", "mask_f", "axis2");
        g.op("Mul", MusicGenExport.LAST_HIDDEN_STATE, "embedded", "mask_3d");
        return g.build();
    }

    private OnnxMl.GraphProto decoder() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("decoder");
        g.input(MusicGenExport.ENCODER_ATTENTION_MASK, INT64, "batch_size", "encoder_sequence_length");
        g.input(MusicGenExport.INPUT_IDS, flaw == Flaw.INPUT_IDS_INT32 ? INT32 : INT64,
                "batch_size_x_num_codebooks", "decoder_sequence_length");
        g.input(MusicGenExport.ENCODER_HIDDEN_STATES, FLOAT, "batch_size", "encoder_sequence_length", TEXT_WIDTH);
        for (int layer = 0; layer < layers; layer++) {
            for (String kv : new String[] {"key", "value"}) {
                g.input(MusicGenExport.pastName(layer, "decoder", kv), FLOAT, "batch_size", HEADS, "past_decoder_sequence_length", HEAD_DIM);
            }
            for (String kv : new String[] {"key", "value"}) {
                g.input(MusicGenExport.pastName(layer, "encoder", kv), FLOAT, "batch_size", HEADS, "encoder_sequence_length_out", HEAD_DIM);
            }
        }
        if (flaw != Flaw.NO_USE_CACHE_BRANCH) {
            g.input(MusicGenExport.USE_CACHE_BRANCH, BOOL, 1);
        }
        g.output(MusicGenExport.LOGITS, FLOAT, "batch_size_x_num_codebooks", "decoder_sequence_length", VOCAB);
        for (int layer = 0; layer < layers; layer++) {
            for (String kv : new String[] {"key", "value"}) {
                g.output(MusicGenExport.presentName(layer, "decoder", kv), FLOAT, "batch_size", HEADS, "past_decoder_sequence_length + 1", HEAD_DIM);
            }
            for (String kv : new String[] {"key", "value"}) {
                g.output(MusicGenExport.presentName(layer, "encoder", kv), FLOAT, "batch_size", HEADS, "encoder_sequence_length_out", HEAD_DIM);
            }
        }
        g.longs("shape_b_k", new long[] {2}, -1, CODEBOOKS);
        g.longs("shape_b_1_1_k", new long[] {4}, -1, 1, 1, CODEBOOKS);
        g.longs("shape_heads", new long[] {4}, 0, 0, HEADS, HEAD_DIM);
        g.longs("axis2", new long[] {1}, 2);
        String ids = MusicGenExport.INPUT_IDS;
        if (flaw == Flaw.INPUT_IDS_INT32) {
            ids = g.node("Cast", new String[] {ids}, new String[] {"ids64"}, intAttr("to", INT64));
        }
        g.op("Reshape", "tokens_bk", ids, "shape_b_k");
        g.node("Cast", new String[] {"tokens_bk"}, new String[] {"tokens_f"}, intAttr("to", FLOAT));
        g.op("Reshape", "entry_1head", "tokens_f", "shape_b_1_1_k");
        g.node("Concat", new String[] {"entry_1head", "entry_1head"}, new String[] {"entry"}, intAttr("axis", 1));
        g.node("Cast", new String[] {MusicGenExport.ENCODER_ATTENTION_MASK}, new String[] {"enc_mask_f"}, intAttr("to", FLOAT));
        g.op("Unsqueeze", "enc_mask_3d", "enc_mask_f", "axis2");
        g.op("Mul", "enc_masked", MusicGenExport.ENCODER_HIDDEN_STATES, "enc_mask_3d");
        g.op("Reshape", "enc_heads", "enc_masked", "shape_heads");
        g.node("Transpose", new String[] {"enc_heads"}, new String[] {"enc_fresh"}, intsAttr("perm", 0, 2, 1, 3));

        List<String> ifOutputs = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            for (String part : new String[] {"decoder", "encoder"}) {
                ifOutputs.add(MusicGenExport.presentName(layer, part, "key"));
                ifOutputs.add(MusicGenExport.presentName(layer, part, "value"));
            }
        }
        ifOutputs.add("enc_used");
        OnnxMl.GraphProto withCache = branch(true, ifOutputs);
        OnnxMl.GraphProto fresh = branch(false, ifOutputs);
        String cond = flaw == Flaw.NO_USE_CACHE_BRANCH ? g.longs("never", new long[] {1}, 0) : MusicGenExport.USE_CACHE_BRANCH;
        if (flaw == Flaw.NO_USE_CACHE_BRANCH) {
            cond = g.node("Cast", new String[] {cond}, new String[] {"never_bool"}, intAttr("to", BOOL));
        }
        g.node("If", new String[] {cond}, ifOutputs.toArray(String[]::new),
                graphAttr("then_branch", withCache), graphAttr("else_branch", fresh));

        // T: cache length; S: per-codebook sum of every token in the last layer's value cache, offsets removed.
        String lastValue = MusicGenExport.presentName(layers - 1, "decoder", "value");
        g.op("Shape", "cache_shape", lastValue);
        g.longs("index2", new long[0], 2);
        g.op("Gather", "cache_len", "cache_shape", "index2");
        g.longs("starts0", new long[] {1}, 0);
        g.longs("ends1", new long[] {1}, 1);
        g.longs("axis1", new long[] {1}, 1);
        g.op("Slice", "head0", lastValue, "starts0", "ends1", "axis1");
        g.longs("axes12", new long[] {2}, 1, 2);
        g.node("ReduceSum", new String[] {"head0", "axes12"}, new String[] {"sum_raw"}, intAttr("keepdims", 0));
        g.node("Cast", new String[] {"cache_len"}, new String[] {"cache_len_f"}, intAttr("to", FLOAT));
        g.floats("last_offset", new long[0], decoderOffset(layers - 1, true));
        g.op("Mul", "offset_total", "cache_len_f", "last_offset");
        g.op("Sub", "sum_tokens", "sum_raw", "offset_total");
        g.node("Cast", new String[] {"sum_tokens"}, new String[] {"sum_tokens_i"}, intAttr("to", INT64));
        g.longs("c31", new long[0], 31);
        g.op("Mul", "t31", "cache_len", "c31");
        g.op("Add", "a0", "sum_tokens_i", "t31");
        g.longs("k7", new long[] {CODEBOOKS}, 0, 7, 14, 21);
        g.op("Add", "a1", "a0", "k7");
        g.longs("c2048", new long[0], VOCAB);
        g.op("Mod", "code_a", "a1", "c2048");
        // c: sum of column 0 of the cross-attention cache (head 0, dim 0); the unconditional row gives 0.
        g.longs("starts00", new long[] {2}, 0, 0);
        g.longs("ends11", new long[] {2}, 1, 1);
        g.longs("axes13", new long[] {2}, 1, 3);
        g.op("Slice", "enc_col0", "enc_used", "starts00", "ends11", "axes13");
        g.longs("axes123", new long[] {3}, 1, 2, 3);
        g.node("ReduceSum", new String[] {"enc_col0", "axes123"}, new String[] {"cond_sum"}, intAttr("keepdims", 0));
        g.floats("zero", new long[0], 0f);
        g.op("Greater", "has_cond", "cond_sum", "zero");
        g.node("Cast", new String[] {"has_cond"}, new String[] {"cond_flag"}, intAttr("to", FLOAT));
        g.longs("shape_b_1_1", new long[] {3}, -1, 1, 1);
        g.op("Reshape", "cond_flag3", "cond_flag", "shape_b_1_1");
        g.node("Cast", new String[] {"cond_sum"}, new String[] {"cond_sum_i"}, intAttr("to", INT64));
        g.longs("c1000", new long[0], 1000);
        g.op("Mod", "cond_mod", "cond_sum_i", "c1000");
        g.longs("shape_b_1", new long[] {2}, -1, 1);
        g.op("Reshape", "cond_mod2", "cond_mod", "shape_b_1");
        g.op("Add", "c0", "code_a", "cond_mod2");
        g.longs("one", new long[0], 1);
        g.op("Add", "c1", "c0", "one");
        g.op("Mod", "code_c", "c1", "c2048");
        g.longs("depth", new long[] {1}, VOCAB);
        g.floats("values_a", new long[] {2}, 0f, 10f);
        g.floats("values_c", new long[] {2}, 0f, 9.5f);
        g.op("OneHot", "onehot_a", "code_a", "depth", "values_a");
        g.op("OneHot", "onehot_c", "code_c", "depth", "values_c");
        g.op("Mul", "onehot_c_cond", "onehot_c", "cond_flag3");
        g.op("Add", "logits_bk", "onehot_a", "onehot_c_cond");
        g.longs("shape_logits", new long[] {3}, -1, 1, VOCAB);
        g.op("Reshape", MusicGenExport.LOGITS, "logits_bk", "shape_logits");
        return g.build();
    }

    private OnnxMl.GraphProto branch(boolean cache, List<String> ifOutputs) {
        OnnxGraphBuilder b = new OnnxGraphBuilder(cache ? "with_cache" : "fresh");
        for (int layer = 0; layer < layers; layer++) {
            for (boolean value : new boolean[] {false, true}) {
                String kv = value ? "value" : "key";
                String off = b.floats("dec_off_" + layer + kv, new long[0], decoderOffset(layer, value));
                String entry = b.op("Add", "entry_" + layer + kv, "entry", off);
                String present = MusicGenExport.presentName(layer, "decoder", kv);
                if (cache) {
                    b.node("Concat", new String[] {MusicGenExport.pastName(layer, "decoder", kv), entry},
                            new String[] {present}, intAttr("axis", 2));
                } else {
                    b.op("Identity", present, entry);
                }
            }
            for (boolean value : new boolean[] {false, true}) {
                String kv = value ? "value" : "key";
                String present = MusicGenExport.presentName(layer, "encoder", kv);
                if (cache) {
                    // Optimum's merged decoder returns placeholders for the cross-attention cache here.
                    b.floats("placeholder_" + layer + kv, new long[] {0, HEADS, 1, HEAD_DIM});
                    b.op("Identity", present, "placeholder_" + layer + kv);
                } else {
                    String off = b.floats("enc_off_" + layer + kv, new long[0], encoderOffset(layer, value));
                    b.op("Add", present, "enc_fresh", off);
                }
            }
        }
        if (cache) {
            String off = b.floats("enc_used_off", new long[0], encoderOffset(layers - 1, true));
            b.op("Sub", "enc_used", MusicGenExport.pastName(layers - 1, "encoder", "value"), off);
        } else {
            b.op("Identity", "enc_used", "enc_fresh");
        }
        for (String name : ifOutputs) {
            b.outputNoShape(name, FLOAT);
        }
        return b.build();
    }

    private static OnnxMl.GraphProto encodec() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("encodec_decode");
        g.input(MusicGenExport.AUDIO_CODES, INT64, 1, "batch_size", CODEBOOKS, "chunk_length");
        g.output(MusicGenExport.AUDIO_VALUES, FLOAT, "batch_size", 1, "audio_length");
        float scale = 1f / (VOCAB * 15f);
        g.floats("weights", new long[] {1, 1, CODEBOOKS, 1}, scale, 2 * scale, 4 * scale, 8 * scale);
        g.node("Cast", new String[] {MusicGenExport.AUDIO_CODES}, new String[] {"codes_f"}, intAttr("to", FLOAT));
        g.op("Mul", "weighted", "codes_f", "weights");
        g.longs("axis2", new long[] {1}, 2);
        g.node("ReduceSum", new String[] {"weighted", "axis2"}, new String[] {"mixed"}, intAttr("keepdims", 1));
        g.floats("half", new long[0], 0.5f);
        g.op("Sub", "centred", "mixed", "half");
        g.node("Transpose", new String[] {"centred"}, new String[] {"per_frame"}, intsAttr("perm", 1, 2, 3, 0));
        g.longs("hop_shape", new long[] {4}, 1, 1, 1, HOP);
        g.op("Expand", "held", "per_frame", "hop_shape");
        g.longs("out_shape", new long[] {3}, 0, 1, -1);
        g.op("Reshape", MusicGenExport.AUDIO_VALUES, "held", "out_shape");
        return g.build();
    }

    /** The expected sample value of a frame whose codes are {@code c[0..3]}, as the tiny EnCodec computes it. */
    static double frameValue(long[] codesOfFrame) {
        return (codesOfFrame[0] + 2.0 * codesOfFrame[1] + 4.0 * codesOfFrame[2] + 8.0 * codesOfFrame[3]) / (VOCAB * 15.0) - 0.5;
    }

    /** Pieces of the tiny tokenizer, in id order: specials, metaspace, words, letters, digits, punctuation. */
    static List<String> tokenizerPieces() {
        List<String> pieces = new ArrayList<>(List.of("<pad>", "</s>", "<unk>", "\u2581"));
        for (String w : new String[] {"techno", "minimal", "drum", "loop", "bpm", "in", "minor", "major", "instrumental",
                                      "bass", "steady", "groove", "energetic", "driving"}) {
            pieces.add("\u2581" + w);
        }
        pieces.add("line");
        for (char c = 'a'; c <= 'z'; c++) {
            pieces.add(String.valueOf(c));
        }
        for (char c = '0'; c <= '9'; c++) {
            pieces.add(String.valueOf(c));
        }
        for (String p : new String[] {",", ".", "-", "(", ")", "#"}) {
            pieces.add(p);
        }
        return pieces;
    }

    /** Score of a piece: whole words -2, the metaspace -3, single characters -5. */
    static double tokenizerScore(String piece) {
        if (piece.startsWith("<")) {
            return 0.0;
        }
        if (piece.equals("\u2581")) {
            return -3.0;
        }
        return piece.length() > 1 ? -2.0 : -5.0;
    }

    static UnigramTokenizer tokenizer() {
        List<String> pieces = tokenizerPieces();
        double[] scores = pieces.stream().mapToDouble(TinyMusicGen::tokenizerScore).toArray();
        return UnigramTokenizer.of(pieces, scores, 2, 1);
    }

    /** Writes tokenizer.json in the layout Hugging Face exports use for T5. */
    static void writeTokenizer(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id < 3; id++) {
            added.addObject().put("id", id).put("content", tokenizerPieces().get(id)).put("special", true);
        }
        root.putObject("normalizer").put("type", "Precompiled");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "Sequence");
        pre.putArray("pretokenizers").addObject().put("type", "WhitespaceSplit");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        post.putObject("special_tokens").putObject("</s>").put("id", "</s>").putArray("ids").add(1);
        ObjectNode model = root.putObject("model");
        model.put("type", "Unigram");
        model.put("unk_id", 2);
        ArrayNode vocab = model.putArray("vocab");
        for (String piece : tokenizerPieces()) {
            vocab.addArray().add(piece).add(tokenizerScore(piece));
        }
        json.writeValue(file.toFile(), root);
    }
}
