package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.wav.WavFile;
import io.djia.core.wav.WavReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {
    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, err.toString());
    }

    @Test
    void rendersAShortSetWithItsReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("short.wav");
        Run r = run("render", "--profile", "hip_hop", "--minutes", "0.25", "--seed", "5", "-o", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        WavFile wav = WavReader.read(out);
        assertEquals(Math.round(0.25 * 60 * 44_100), wav.audio().frames());
        assertEquals(24, wav.format().bitsPerSample());
        String json = Files.readString(dir.resolve("short.json"));
        assertTrue(json.contains("\"profile\" : \"hip_hop\""), json);
        assertTrue(json.contains("\"decisions\""));
    }

    @Test
    void llmBrainRendersEndToEndWithATinyModel(@TempDir Path dir) throws Exception {
        Path model = io.djia.generate.brain.TinyGguf.writeDecisionModel(dir.resolve("tiny.gguf"));
        Path out = dir.resolve("llm.wav");
        Run r = run("render", "--profile", "dub", "--minutes", "0.25", "--brain", "llm", "--model-path", model.toString(),
                "-o", out.toString(), "--quiet", "--no-voice");
        assertEquals(0, r.code(), r.err());
        assertEquals(Math.round(0.25 * 60 * 44_100), WavReader.read(out).audio().frames());
        String json = Files.readString(dir.resolve("llm.json"));
        assertTrue(json.contains("\"brain\" : \"llm"), "the report names the LLM brain: " + json.substring(0, 400));
        assertTrue(json.contains("\"action_type\" : \"manage_layer\""), "the set has layer decisions");
    }

    @Test
    void neuralGeneratorRendersEndToEndWithATinyMusicGenExport(@TempDir Path dir) throws Exception {
        Path models = io.djia.generate.musicgen.TinyMusicGen.standard().write(dir.resolve("musicgen"));
        Path out = dir.resolve("neural.wav");
        Run r = run("render", "--profile", "techno_minimal", "--minutes", "0.2", "--audio-model", "musicgen",
                "--model-dir", models.toString(), "-o", out.toString(), "--quiet", "--no-voice");
        assertEquals(0, r.code(), r.err());
        assertEquals(Math.round(0.2 * 60 * 44_100), WavReader.read(out).audio().frames());
        String json = Files.readString(dir.resolve("neural.json"));
        assertTrue(json.contains("\"generator_is_neural\" : true"), json.substring(0, 600));
    }

    @Test
    void unknownProfileIsAUsageErrorListingTheValidNames(@TempDir Path dir) {
        Run r = run("render", "--profile", "polka", "-o", dir.resolve("x.wav").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("polka") && r.err().contains("techno_minimal"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        assertNoFiles(dir);
    }

    @Test
    void badKeyNameIsAUsageError(@TempDir Path dir) {
        Run r = run("render", "--key", "H minor", "-o", dir.resolve("x.wav").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("H minor"), r.err());
        assertNoFiles(dir);
    }

    @Test
    void nonPositiveMinutesIsAUsageError(@TempDir Path dir) {
        Run r = run("render", "--minutes", "0", "-o", dir.resolve("x.wav").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--minutes"), r.err());
        assertNoFiles(dir);
    }

    @Test
    void unwritableOutputIsReportedBeforeRendering(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-folder").resolve("set.wav");
        Run r = run("render", "-o", missing.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertNoFiles(dir);
    }

    @Test
    void helpAndVersionWork() {
        assertEquals(0, run("--version").code());
        assertEquals(0, run("render", "--help").code());
    }

    private static void assertNoFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent(), "no partial file left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
