package io.djia.generate.musicgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The T5 text tokenizer: a SentencePiece Unigram model (Kudo, "Subword Regularization", 2018) read from the
 * {@code tokenizer.json} that Hugging Face exports ship, without native code.
 *
 * <p>Text is normalised (Unicode NFKC, control characters dropped, runs of white space made one space, as
 * T5's {@code nmt_nfkc} rules do for ordinary text), split at white space, and every word gets the metaspace
 * prefix {@code ▁}. Each word is cut into the pieces of highest total log-probability (Viterbi over the
 * vocabulary's scores); a character no piece covers becomes the unknown token, scored 10 below the lowest
 * piece, and adjacent unknowns are fused into one. The end-of-sequence token {@code </s>} is appended. Sequences
 * are cut to {@link #MAX_TOKENS} including it. Immutable and thread-safe.
 */
public final class UnigramTokenizer {
    /** Longest token sequence the T5 encoder was trained on. */
    public static final int MAX_TOKENS = 512;
    private static final String METASPACE = "\u2581";
    private static final double UNK_PENALTY = 10.0;

    private final Map<String, Integer> ids;
    private final double[] scores;
    private final int unkId;
    private final int eosId;
    private final int maxPieceChars;
    private final double unkScore;

    private UnigramTokenizer(List<String> pieces, double[] scores, int unkId, int eosId) {
        if (pieces.size() != scores.length || pieces.isEmpty()) {
            throw new IllegalArgumentException("a Unigram vocabulary needs one score per piece, got " + pieces.size()
                    + " pieces and " + scores.length + " scores");
        }
        if (unkId < 0 || unkId >= pieces.size() || eosId < 0 || eosId >= pieces.size()) {
            throw new IllegalArgumentException("unknown id " + unkId + " or end id " + eosId + " outside the vocabulary of "
                    + pieces.size());
        }
        this.ids = new HashMap<>(pieces.size() * 2);
        int longest = 1;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pieces.size(); i++) {
            ids.putIfAbsent(pieces.get(i), i);
            longest = Math.max(longest, pieces.get(i).length());
            min = Math.min(min, scores[i]);
        }
        this.scores = scores.clone();
        this.unkId = unkId;
        this.eosId = eosId;
        this.maxPieceChars = longest;
        this.unkScore = min - UNK_PENALTY;
    }

    /** A tokenizer from a vocabulary given in code (tests, tiny models). */
    public static UnigramTokenizer of(List<String> pieces, double[] scores, int unkId, int eosId) {
        return new UnigramTokenizer(pieces, scores, unkId, eosId);
    }

    /**
     * Reads a Hugging Face {@code tokenizer.json} whose model is Unigram.
     *
     * @throws IOException naming the file and what is wrong when it is not such a tokenizer
     */
    public static UnigramTokenizer read(Path tokenizerJson) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(tokenizerJson.toFile());
        } catch (IOException e) {
            throw new IOException(tokenizerJson + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode model = root.path("model");
        String type = model.path("type").asText("");
        if (!type.equals("Unigram")) {
            throw new IOException(tokenizerJson + ": model type is \"" + type + "\", expected \"Unigram\" (T5 SentencePiece)");
        }
        JsonNode vocab = model.path("vocab");
        if (!vocab.isArray() || vocab.isEmpty()) {
            throw new IOException(tokenizerJson + ": model.vocab must be a non-empty array of [piece, score] pairs");
        }
        List<String> pieces = new ArrayList<>(vocab.size());
        double[] scores = new double[vocab.size()];
        for (int i = 0; i < vocab.size(); i++) {
            JsonNode entry = vocab.get(i);
            if (!entry.isArray() || entry.size() < 2 || !entry.get(0).isTextual() || !entry.get(1).isNumber()) {
                throw new IOException(tokenizerJson + ": model.vocab[" + i + "] is " + entry + ", expected [piece, score]");
            }
            pieces.add(entry.get(0).asText());
            scores[i] = entry.get(1).asDouble();
        }
        int unk = model.path("unk_id").asInt(pieces.indexOf("<unk>"));
        int eos = endTokenId(root, pieces);
        try {
            return new UnigramTokenizer(pieces, scores, unk, eos);
        } catch (IllegalArgumentException e) {
            throw new IOException(tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    private static int endTokenId(JsonNode root, List<String> pieces) {
        JsonNode special = root.path("post_processor").path("special_tokens").path("</s>").path("ids");
        if (special.isArray() && special.size() == 1) {
            return special.get(0).asInt();
        }
        for (JsonNode added : root.path("added_tokens")) {
            if ("</s>".equals(added.path("content").asText())) {
                return added.path("id").asInt();
            }
        }
        int index = pieces.indexOf("</s>");
        return index >= 0 ? index : 1;
    }

    public int vocabSize() {
        return scores.length;
    }

    public int endTokenId() {
        return eosId;
    }

    public int unknownTokenId() {
        return unkId;
    }

    /** Token ids of {@code text}, ending with {@code </s>}. */
    public long[] encode(String text) {
        List<Integer> tokens = new ArrayList<>();
        for (String word : words(text)) {
            segment(word, tokens);
        }
        int n = Math.min(tokens.size(), MAX_TOKENS - 1);
        long[] out = new long[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = tokens.get(i);
        }
        out[n] = eosId;
        return out;
    }

    /** The pieces {@code text} is cut into, without the end token (for logs and tests). */
    public List<String> pieces(String text) {
        List<Integer> tokens = new ArrayList<>();
        for (String word : words(text)) {
            segment(word, tokens);
        }
        Map<Integer, String> byId = new HashMap<>();
        ids.forEach((piece, id) -> byId.putIfAbsent(id, piece));
        return tokens.stream().map(byId::get).toList();
    }

    /** Normalised words, each with the metaspace prefix. */
    static List<String> words(String text) {
        String normal = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        StringBuilder cleaned = new StringBuilder(normal.length());
        normal.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                cleaned.append(' ');
            } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT) {
                cleaned.appendCodePoint(cp);
            }
        });
        List<String> words = new ArrayList<>();
        for (String w : cleaned.toString().trim().split(" +")) {
            if (!w.isEmpty()) {
                words.add(METASPACE + w);
            }
        }
        return words;
    }

    /** Viterbi segmentation of one word into the pieces with the highest total score. */
    private void segment(String word, List<Integer> out) {
        int n = word.length();
        double[] best = new double[n + 1];
        int[] fromPos = new int[n + 1];
        int[] pieceId = new int[n + 1];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int i = 0; i < n; i++) {
            if (best[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            int charLen = Character.charCount(word.codePointAt(i));
            boolean singleCovered = false;
            int limit = Math.min(n, i + maxPieceChars);
            for (int end = i + 1; end <= limit; end++) {
                Integer id = ids.get(word.substring(i, end));
                if (id == null) {
                    continue;
                }
                singleCovered |= end == i + charLen;
                double score = best[i] + scores[id];
                if (score > best[end]) {
                    best[end] = score;
                    fromPos[end] = i;
                    pieceId[end] = id;
                }
            }
            if (!singleCovered) {
                int end = i + charLen;
                double score = best[i] + unkScore;
                if (score > best[end]) {
                    best[end] = score;
                    fromPos[end] = i;
                    pieceId[end] = unkId;
                }
            }
        }
        List<Integer> reversed = new ArrayList<>();
        for (int pos = n; pos > 0; pos = fromPos[pos]) {
            reversed.add(pieceId[pos]);
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            int id = reversed.get(i);
            boolean fuse = id == unkId && !out.isEmpty() && out.get(out.size() - 1) == unkId && i < reversed.size() - 1;
            if (!fuse) {
                out.add(id);
            }
        }
    }
}
