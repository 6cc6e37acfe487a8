package io.djia.generate.musicgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnigramTokenizerTest {
    // ids:                                      0        1       2        3         4       5     6      7     8     9
    private static final List<String> PIECES = List.of("<pad>", "</s>", "<unk>", "\u2581", "\u2581ab", "c", "\u2581a", "bc", "a", "b");
    private static final double[] SCORES = {0, 0, 0, -3, -3, -2.5, -2, -2, -6, -6};
    private final UnigramTokenizer tokenizer = UnigramTokenizer.of(PIECES, SCORES, 2, 1);

    @Test
    void viterbiPicksTheBestTotalScoreNotTheLongestPiece() {
        // "▁ab" + "c" = -5.5, "▁a" + "bc" = -4.0, "▁" + "a" + "b" + "c" = -17.5: the second wins.
        assertEquals(List.of("\u2581a", "bc"), tokenizer.pieces("abc"));
        assertArrayEquals(new long[] {6, 7, 1}, tokenizer.encode("abc"));
        // "▁ab" (-3) beats "▁a" + "b" (-8).
        assertArrayEquals(new long[] {4, 6, 1}, tokenizer.encode("ab a"));
    }

    @Test
    void unknownCharactersBecomeOneFusedUnknownToken() {
        // "é" and "ü" have no piece: each costs min score - 10 = -16, and neighbours fuse.
        assertArrayEquals(new long[] {6, 2, 1}, tokenizer.encode("a\u00e9\u00fc"));
        assertArrayEquals(new long[] {3, 2, 6, 1}, tokenizer.encode("\u00e9 a"));
        assertArrayEquals(new long[] {1}, tokenizer.encode("   "));
    }

    @Test
    void normalisesWidthAndWhiteSpace() {
        // Full-width letters are NFKC-folded; tabs, newlines and repeated spaces split words once.
        assertArrayEquals(tokenizer.encode("abc ab"), tokenizer.encode("\uff41\uff42\uff43\t\n  ab "));
    }

    @Test
    void cutsLongTextToTheEncoderLimitKeepingTheEndToken() {
        long[] ids = tokenizer.encode("ab ".repeat(600));
        assertEquals(UnigramTokenizer.MAX_TOKENS, ids.length);
        assertEquals(1, ids[ids.length - 1]);
        assertEquals(4, ids[0]);
    }

    @Test
    void readsAHuggingFaceTokenizerJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        TinyMusicGen.writeTokenizer(file);
        UnigramTokenizer read = UnigramTokenizer.read(file);
        assertEquals(TinyMusicGen.tokenizerPieces().size(), read.vocabSize());
        assertEquals(1, read.endTokenId());
        assertEquals(2, read.unknownTokenId());
        assertEquals(List.of("\u2581techno", "\u2581drum", "\u2581loop", ",", "\u2581", "1", "2", "0", "\u2581bpm"),
                read.pieces("techno drum loop, 120 bpm"));
        assertArrayEquals(TinyMusicGen.tokenizer().encode("bassline in A minor"), read.encode("bassline in A minor"));
    }

    @Test
    void rejectsOtherTokenizerKinds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}");
        IOException e = assertThrows(IOException.class, () -> UnigramTokenizer.read(file));
        assertTrue(e.getMessage().contains("BPE") && e.getMessage().contains("Unigram"), e.getMessage());
        Files.writeString(file, "{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", \"x\"]]}}");
        e = assertThrows(IOException.class, () -> UnigramTokenizer.read(file));
        assertTrue(e.getMessage().contains("vocab[0]"), e.getMessage());
    }
}
