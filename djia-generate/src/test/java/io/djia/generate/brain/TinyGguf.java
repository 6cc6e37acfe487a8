package io.djia.generate.brain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a tiny llama-architecture GGUF (version 3, F32 tensors, random weights) that llama.cpp loads and runs in
 * milliseconds: a test fixture for real inference without downloading a model.
 *
 * <p>Layout follows the GGUF specification (ggml docs/gguf.md): header, key/value metadata, tensor infos, then the
 * tensor data aligned to 32 bytes. The vocabulary is {@code <unk>}, {@code <s>}, {@code </s>}, the 256 byte-fallback
 * tokens {@code <0x00>..<0xFF>} (token type 6, so any text tokenises), the SentencePiece space marker U+2581 as
 * a normal token so a space costs one token instead of three, and optionally a small vocabulary trained on sample
 * text so prompts take fewer tokens.
 */
public final class TinyGguf {
    static final int N_EMBD = 64;
    static final int N_BLOCKS = 2;
    static final int N_HEADS = 4;
    static final int N_FF = 128;

    private static final int ALIGNMENT = 32;
    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_BOOL = 7;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int GGML_F32 = 0;
    private static final int TOKEN_NORMAL = 1;
    private static final int TOKEN_UNKNOWN = 2;
    private static final int TOKEN_CONTROL = 3;
    private static final int TOKEN_BYTE = 6;

    private TinyGguf() {
    }

    /**
     * The fixture the brain tests use: a vocabulary trained on the brain's own prompts and decisions, so a
     * decision fits comfortably in the context. Other modules' tests use it to run {@code --brain llm} end to end.
     */
    public static Path writeDecisionModel(Path file) {
        return write(file, 4096, 11, LlamaBrainTest.sampleText(), 300);
    }

    /** Writes the model with the byte vocabulary only; the same seed gives the same file. */
    public static Path write(Path file, int contextLength, long seed) {
        return write(file, contextLength, seed, List.of(), 0);
    }

    /**
     * Writes the model; the same arguments give the same file.
     *
     * @param corpus text the vocabulary is trained on: its characters become tokens, then {@code merges} rounds of
     *               byte-pair merging (Sennrich et al. 2016) add its most frequent pairs, so prompts like it take
     *               a few times fewer tokens than one per byte
     */
    public static Path write(Path file, int contextLength, long seed, List<String> corpus, int merges) {
        List<String> tokens = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        tokens.add("<unk>");
        types.add(TOKEN_UNKNOWN);
        tokens.add("<s>");
        types.add(TOKEN_CONTROL);
        tokens.add("</s>");
        types.add(TOKEN_CONTROL);
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(TOKEN_BYTE);
        }
        while (scores.size() < tokens.size()) {
            scores.add(0f);
        }
        tokens.add("\u2581");
        types.add(TOKEN_NORMAL);
        scores.add(0f);
        List<String> learned = trainMerges(corpus, merges);
        for (int i = 0; i < learned.size(); i++) {
            if (!tokens.contains(learned.get(i))) {
                tokens.add(learned.get(i));
                types.add(TOKEN_NORMAL);
                // SentencePiece merges the highest-scoring pair first: earlier (more frequent) merges score higher.
                scores.add((float) -i);
            }
        }
        int vocab = tokens.size();

        Map<String, Object[]> kv = new LinkedHashMap<>();
        kv.put("general.architecture", new Object[] {TYPE_STRING, "llama"});
        kv.put("general.name", new Object[] {TYPE_STRING, "djia-tiny-fixture"});
        kv.put("general.alignment", new Object[] {TYPE_UINT32, ALIGNMENT});
        kv.put("llama.context_length", new Object[] {TYPE_UINT32, contextLength});
        kv.put("llama.embedding_length", new Object[] {TYPE_UINT32, N_EMBD});
        kv.put("llama.block_count", new Object[] {TYPE_UINT32, N_BLOCKS});
        kv.put("llama.feed_forward_length", new Object[] {TYPE_UINT32, N_FF});
        kv.put("llama.attention.head_count", new Object[] {TYPE_UINT32, N_HEADS});
        kv.put("llama.attention.head_count_kv", new Object[] {TYPE_UINT32, N_HEADS});
        kv.put("llama.attention.layer_norm_rms_epsilon", new Object[] {TYPE_FLOAT32, 1e-5f});
        kv.put("llama.rope.dimension_count", new Object[] {TYPE_UINT32, N_EMBD / N_HEADS});
        kv.put("tokenizer.ggml.model", new Object[] {TYPE_STRING, "llama"});
        kv.put("tokenizer.ggml.tokens", new Object[] {TYPE_ARRAY, TYPE_STRING, tokens});
        kv.put("tokenizer.ggml.token_type", new Object[] {TYPE_ARRAY, TYPE_INT32, types});
        kv.put("tokenizer.ggml.scores", new Object[] {TYPE_ARRAY, TYPE_FLOAT32, scores});
        kv.put("tokenizer.ggml.bos_token_id", new Object[] {TYPE_UINT32, 1});
        kv.put("tokenizer.ggml.eos_token_id", new Object[] {TYPE_UINT32, 2});
        kv.put("tokenizer.ggml.unknown_token_id", new Object[] {TYPE_UINT32, 0});
        kv.put("tokenizer.ggml.add_space_prefix", new Object[] {TYPE_BOOL, false});

        Map<String, long[]> tensors = new LinkedHashMap<>();
        tensors.put("token_embd.weight", new long[] {N_EMBD, vocab});
        tensors.put("output_norm.weight", new long[] {N_EMBD});
        tensors.put("output.weight", new long[] {N_EMBD, vocab});
        for (int i = 0; i < N_BLOCKS; i++) {
            String p = "blk." + i + ".";
            tensors.put(p + "attn_norm.weight", new long[] {N_EMBD});
            tensors.put(p + "attn_q.weight", new long[] {N_EMBD, N_EMBD});
            tensors.put(p + "attn_k.weight", new long[] {N_EMBD, N_EMBD});
            tensors.put(p + "attn_v.weight", new long[] {N_EMBD, N_EMBD});
            tensors.put(p + "attn_output.weight", new long[] {N_EMBD, N_EMBD});
            tensors.put(p + "ffn_norm.weight", new long[] {N_EMBD});
            tensors.put(p + "ffn_gate.weight", new long[] {N_EMBD, N_FF});
            tensors.put(p + "ffn_up.weight", new long[] {N_EMBD, N_FF});
            tensors.put(p + "ffn_down.weight", new long[] {N_FF, N_EMBD});
        }

        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Writer w = new Writer(out);
            w.u32(0x46554747); // "GGUF" little-endian
            w.u32(3);
            w.u64(tensors.size());
            w.u64(kv.size());
            for (Map.Entry<String, Object[]> e : kv.entrySet()) {
                w.string(e.getKey());
                w.value(e.getValue());
            }
            long offset = 0;
            List<Long> sizes = new ArrayList<>();
            for (Map.Entry<String, long[]> e : tensors.entrySet()) {
                w.string(e.getKey());
                long[] dims = e.getValue();
                w.u32(dims.length);
                long elements = 1;
                for (long d : dims) {
                    w.u64(d);
                    elements *= d;
                }
                w.u32(GGML_F32);
                w.u64(offset);
                long bytes = elements * 4;
                sizes.add(bytes);
                offset += align(bytes);
            }
            w.pad();
            SplittableRandom rng = new SplittableRandom(seed);
            int index = 0;
            for (Map.Entry<String, long[]> e : tensors.entrySet()) {
                long elements = sizes.get(index++) / 4;
                boolean norm = e.getKey().contains("norm");
                // Norm gains at 1; weights ~ N(0, 0.5^2) so the random logits are peaked and sampling is varied.
                for (long i = 0; i < elements; i++) {
                    w.f32(norm ? 1f : (float) (gaussian(rng) * 0.5));
                }
                w.pad();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixture model " + file, e);
        }
        return file;
    }

    /**
     * Characters of the corpus (spaces as the SentencePiece marker U+2581, as llama.cpp's tokenizer sees them),
     * then the merged pairs in merge order; ties are broken by the pair's text so training is deterministic.
     */
    static List<String> trainMerges(List<String> corpus, int merges) {
        // Classic BPE over a word-frequency table; a word is a run of characters with its leading space marker.
        Map<List<String>, Integer> words = new java.util.HashMap<>();
        java.util.TreeSet<String> chars = new java.util.TreeSet<>();
        for (String text : corpus) {
            for (String word : text.replace(' ', '\u2581').split("(?=\u2581)")) {
                List<String> symbols = new ArrayList<>();
                word.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
                chars.addAll(symbols);
                words.merge(symbols, 1, Integer::sum);
            }
        }
        chars.remove("\u2581");
        List<String> out = new ArrayList<>(chars);
        List<Map.Entry<List<String>, Integer>> table = new ArrayList<>();
        words.forEach((w, n) -> table.add(new java.util.AbstractMap.SimpleEntry<>(new ArrayList<>(w), n)));
        for (int round = 0; round < merges; round++) {
            Map<List<String>, Integer> counts = new java.util.HashMap<>();
            for (Map.Entry<List<String>, Integer> e : table) {
                List<String> symbols = e.getKey();
                for (int i = 0; i + 1 < symbols.size(); i++) {
                    counts.merge(List.of(symbols.get(i), symbols.get(i + 1)), e.getValue(), Integer::sum);
                }
            }
            List<String> pair = null;
            int bestCount = 1;
            for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
                List<String> p = e.getKey();
                boolean tieWins = pair != null && e.getValue() == bestCount
                        && (p.get(0) + p.get(1)).compareTo(pair.get(0) + pair.get(1)) < 0;
                if (e.getValue() > bestCount || tieWins) {
                    pair = p;
                    bestCount = e.getValue();
                }
            }
            if (pair == null) {
                break;
            }
            String merged = pair.get(0) + pair.get(1);
            out.add(merged);
            for (Map.Entry<List<String>, Integer> e : table) {
                List<String> symbols = e.getKey();
                for (int i = 0; i + 1 < symbols.size(); i++) {
                    if (symbols.get(i).equals(pair.get(0)) && symbols.get(i + 1).equals(pair.get(1))) {
                        symbols.set(i, merged);
                        symbols.remove(i + 1);
                    }
                }
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Little-endian primitive writer that tracks its position for alignment. */
    private static final class Writer {
        private final OutputStream out;
        private final ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private long position;

        Writer(OutputStream out) {
            this.out = out;
        }

        void u32(long v) throws IOException {
            buffer.clear();
            buffer.putInt((int) v);
            emit(4);
        }

        void u64(long v) throws IOException {
            buffer.clear();
            buffer.putLong(v);
            emit(8);
        }

        void f32(float v) throws IOException {
            buffer.clear();
            buffer.putFloat(v);
            emit(4);
        }

        void string(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            u64(bytes.length);
            out.write(bytes);
            position += bytes.length;
        }

        @SuppressWarnings("unchecked")
        void value(Object[] typed) throws IOException {
            int type = (Integer) typed[0];
            u32(type);
            switch (type) {
                case TYPE_UINT32, TYPE_INT32 -> u32((Integer) typed[1]);
                case TYPE_FLOAT32 -> f32((Float) typed[1]);
                case TYPE_BOOL -> {
                    out.write((Boolean) typed[1] ? 1 : 0);
                    position++;
                }
                case TYPE_STRING -> string((String) typed[1]);
                case TYPE_ARRAY -> {
                    int elementType = (Integer) typed[1];
                    List<Object> items = (List<Object>) typed[2];
                    u32(elementType);
                    u64(items.size());
                    for (Object item : items) {
                        if (elementType == TYPE_STRING) {
                            string((String) item);
                        } else if (elementType == TYPE_FLOAT32) {
                            f32((Float) item);
                        } else {
                            u32((Integer) item);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unsupported GGUF type " + type);
            }
        }

        void pad() throws IOException {
            while (position % ALIGNMENT != 0) {
                out.write(0);
                position++;
            }
        }

        private void emit(int n) throws IOException {
            out.write(buffer.array(), 0, n);
            position += n;
        }
    }
}
