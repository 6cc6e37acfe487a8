package io.djia.generate.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.generate.musicgen.MusicGenOnnxGenerator;
import io.djia.generate.musicgen.MusicGenOptions;
import io.djia.generate.musicgen.TinyMusicGen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderCheckerTest {
    private static final ModelFolderChecker CHECKER = ModelFolderChecker.withOnnxRuntime();

    private static boolean names(ModelCheckReport report, String file, String tensor, String... words) {
        return report.problems().stream().anyMatch(p -> p.file().equals(file) && p.tensor().equals(tensor)
                && List.of(words).stream().allMatch(w -> p.describe().contains(w)));
    }

    @Test
    void theTinyExportPassesAsAnyMusicGenSize(@TempDir Path dir) throws IOException {
        TinyMusicGen.standard().write(dir);
        ModelCheckReport report = CHECKER.check(dir, KnownModels.require("musicgen"), true);
        assertTrue(report.ok(), report.describeProblems());
        assertEquals(dir.resolve("onnx/decoder_model_merged.onnx"), report.files().get("onnx/decoder_model_merged.onnx"));
        assertEquals(0, report.checksums());
        MusicGenDims dims = MusicGenExport.resolve(MusicGenDims.anySize(), Map.of(
                MusicGenExport.DECODER, new OrtSignatureReader().read(dir.resolve("onnx/decoder_model_merged.onnx")),
                MusicGenExport.TEXT_ENCODER, new OrtSignatureReader().read(dir.resolve("onnx/text_encoder.onnx"))));
        assertEquals(TinyMusicGen.TEXT_WIDTH, dims.textHiddenSize());
        assertEquals(2, dims.decoderLayers());
        assertEquals(TinyMusicGen.HEADS, dims.attentionHeads());
        assertEquals(TinyMusicGen.HEAD_DIM, dims.headDim());
    }

    @Test
    void theRealSignatureIsWhatTheFilesDeclare(@TempDir Path dir) throws IOException {
        TinyMusicGen.standard().write(dir);
        GraphSignature dec = new OrtSignatureReader().read(dir.resolve("onnx/decoder_model_merged.onnx"));
        assertEquals("bool [1]", dec.input("use_cache_branch").orElseThrow().describe());
        assertEquals("int64 [batch_size_x_num_codebooks, decoder_sequence_length]", dec.input("input_ids").orElseThrow().describe());
        assertEquals("float [batch_size, 2, past_decoder_sequence_length, 4]",
                dec.input("past_key_values.1.decoder.value").orElseThrow().describe());
        // The runtime reports the shape it infers through the final Reshape: one step per call.
        assertEquals("float [batch_size_x_num_codebooks, 1, 2048]", dec.output("logits").orElseThrow().describe());
        GraphSignature enc = new OrtSignatureReader().read(dir.resolve("onnx/encodec_decode.onnx"));
        assertEquals("int64 [1, batch_size, 4, chunk_length]", enc.input("audio_codes").orElseThrow().describe());
    }

    @Test
    void aSmallerExportCheckedAsMusicGenSmallNamesTheTensorsAndSizes(@TempDir Path dir) throws IOException {
        TinyMusicGen.standard().write(dir);
        ModelCheckReport report = CHECKER.check(dir, KnownModels.require("musicgen-small"), false);
        assertFalse(report.ok());
        assertTrue(names(report, "text_encoder.onnx", "last_hidden_state", "768", "[batch_size, encoder_sequence_length, 8]"),
                report.describeProblems());
        assertTrue(names(report, "decoder_model_merged.onnx", "past_key_values.0.decoder.key", "float [*, 16, *, 64]",
                "[batch_size, 2, past_decoder_sequence_length, 4]"), report.describeProblems());
        // The tiny model has 2 layers, musicgen-small 24: layer 2 onwards is missing.
        assertTrue(names(report, "decoder_model_merged.onnx", "past_key_values.23.encoder.value", "missing"),
                report.describeProblems());
    }

    @Test
    void missingFilesAreNamedWithWhereTheyShouldBe(@TempDir Path dir) throws IOException {
        TinyMusicGen.standard().write(dir);
        Files.delete(dir.resolve("onnx/encodec_decode.onnx"));
        Files.delete(dir.resolve("tokenizer.json"));
        ModelCheckReport report = CHECKER.check(dir, KnownModels.require("musicgen"), false);
        assertTrue(names(report, "encodec_decode.onnx", "", "is missing", dir.resolve("onnx/encodec_decode.onnx").toString()),
                report.describeProblems());
        assertTrue(names(report, "tokenizer.json", "", "is missing"), report.describeProblems());
        assertEquals(2, report.problems().size(), report.describeProblems());

        ModelCheckReport none = CHECKER.check(dir.resolve("nowhere"), KnownModels.require("musicgen-small"), false);
        assertTrue(none.problems().get(0).message().contains("does not exist"));
        assertTrue(none.problems().get(0).message().contains("djia models download musicgen-small"));
    }

    @Test
    void wrongTypeAndMissingInputAreNamed(@TempDir Path dir) throws IOException {
        new TinyMusicGen(2, TinyMusicGen.Flaw.INPUT_IDS_INT32).write(dir.resolve("int32"));
        ModelCheckReport report = CHECKER.check(dir.resolve("int32"), KnownModels.require("musicgen"), false);
        assertTrue(names(report, "decoder_model_merged.onnx", "input_ids", "int32", "expected int64"), report.describeProblems());

        new TinyMusicGen(2, TinyMusicGen.Flaw.NO_USE_CACHE_BRANCH).write(dir.resolve("nocache"));
        report = CHECKER.check(dir.resolve("nocache"), KnownModels.require("musicgen"), false);
        assertTrue(names(report, "decoder_model_merged.onnx", "use_cache_branch", "missing", "bool [1]"), report.describeProblems());
    }

    @Test
    void unreadableGraphAndTokenizerOfAnotherKind(@TempDir Path dir) throws IOException {
        TinyMusicGen.standard().write(dir);
        Files.write(dir.resolve("onnx/text_encoder.onnx"), new byte[] {8, 1, 2, 3, 4, 5});
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": {\"type\": \"BPE\"}}");
        ModelCheckReport report = CHECKER.check(dir, KnownModels.require("musicgen"), false);
        assertTrue(names(report, "text_encoder.onnx", "", "cannot be read as an ONNX model"), report.describeProblems());
        assertTrue(names(report, "tokenizer.json", "", "BPE", "Unigram"), report.describeProblems());
    }

    @Test
    void checksumsFromTheFolderAreVerified(@TempDir Path dir) throws IOException {
        TinyMusicGen.standard().write(dir);
        Path encodec = dir.resolve("onnx/encodec_decode.onnx");
        String good = Checksums.sha256(encodec);
        Checksums.write(dir, Map.of("onnx/encodec_decode.onnx", good, "tokenizer.json", "0".repeat(64)));
        ModelCheckReport report = CHECKER.check(dir, KnownModels.require("musicgen"), true);
        assertEquals(2, report.checksums());
        assertEquals(1, report.problems().size(), report.describeProblems());
        assertTrue(names(report, "tokenizer.json", "", "SHA-256", "0".repeat(64), "damaged"), report.describeProblems());
        assertEquals(Map.of("onnx/encodec_decode.onnx", good, "tokenizer.json", "0".repeat(64)), Checksums.read(dir));
    }

    @Test
    void stableAudioOpenIsListedAsUnsupportedWithTheReason(@TempDir Path dir) {
        ModelLayout sao = KnownModels.require("stable-audio-open");
        assertFalse(sao.supported());
        ModelCheckReport report = CHECKER.check(dir, sao, false);
        assertTrue(report.problems().get(0).message().contains("no standard ONNX export"), report.describeProblems());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownModels.require("musicgen-xl"));
        assertTrue(e.getMessage().contains("musicgen-small"), e.getMessage());
    }

    @Test
    void theGeneratorRefusesABrokenFolderNamingFileAndTensor(@TempDir Path dir) throws IOException {
        new TinyMusicGen(2, TinyMusicGen.Flaw.INPUT_IDS_INT32).write(dir);
        ModelFolderException e = assertThrows(ModelFolderException.class,
                () -> MusicGenOnnxGenerator.open(MusicGenOptions.defaults(dir, "musicgen").withCacheDir(null)));
        assertTrue(e.getMessage().contains("decoder_model_merged.onnx") && e.getMessage().contains("\"input_ids\"")
                && e.getMessage().contains("int32"), e.getMessage());
        Files.delete(dir.resolve("onnx/text_encoder.onnx"));
        e = assertThrows(ModelFolderException.class,
                () -> MusicGenOnnxGenerator.open(MusicGenOptions.defaults(dir, "musicgen-small").withCacheDir(null)));
        assertTrue(e.getMessage().contains("text_encoder.onnx: is missing"), e.getMessage());
    }
}
