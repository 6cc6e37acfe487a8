package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Key;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {
    private static final int RATE = 44_100;
    private static final double BPM = 128;
    private static final double FIRST_BEAT = 0.3;
    private static final double SECONDS = 10;

    @TempDir
    static Path dir;
    static Path song;

    /** Clicks at 128 BPM over i-iv-V-i in A minor, one chord per bar, written as 16-bit stereo. */
    @BeforeAll
    static void writeSong() throws Exception {
        float[] x = new float[(int) (SECONDS * RATE)];
        double beat = 60.0 / BPM;
        for (double t = FIRST_BEAT; t < SECONDS; t += beat) {
            int start = (int) Math.round(t * RATE);
            for (int i = 0; i < 0.02 * RATE && start + i < x.length; i++) {
                x[start + i] += (float) (0.5 * Math.exp(-i / (0.003 * RATE)) * Math.sin(2 * Math.PI * 1500 * i / RATE));
            }
        }
        int[][] chords = {{57, 60, 64}, {62, 65, 69}, {56, 59, 64}, {57, 60, 64}};
        int bar = 0;
        for (double t = FIRST_BEAT; t < SECONDS; t += 4 * beat, bar++) {
            for (int note : chords[bar % 4]) {
                double hz = Key.midiToHz(note);
                int start = (int) Math.round(t * RATE);
                int length = (int) Math.min(4 * beat * RATE, x.length - start);
                for (int i = 0; i < length; i++) {
                    double env = Math.min(1, Math.min(i, length - i) / (0.01 * RATE));
                    double v = 0;
                    for (int h = 1; h <= 4; h++) {
                        v += Math.sin(2 * Math.PI * hz * h * i / RATE) / h;
                    }
                    x[start + i] += (float) (0.06 * env * v);
                }
            }
        }
        song = dir.resolve("song.wav");
        WavWriter.write(song, new AudioBuffer(new float[][] {x, x.clone()}, RATE), WavEncoding.PCM16, null);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasTempoBeatsKeyLoudnessAndBands() throws Exception {
        Path png = dir.resolve("plots/song.png");
        Run run = run("analyze", song.toString(), "--json", "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode file = new ObjectMapper().readTree(run.out()).get(0);
        assertEquals(BPM, file.get("bpm").asDouble(), 0.01 * BPM);
        JsonNode beats = file.get("beats");
        assertTrue(beats.size() >= 19, "beats " + beats.size());
        for (int i = 0; i < beats.size(); i++) {
            assertEquals(FIRST_BEAT + i * 60.0 / BPM, beats.get(i).asDouble(), 0.02, "beat " + i);
        }
        assertEquals("A minor", file.get("key").asText());
        assertEquals("8A", file.get("camelot").asText());
        double lufs = file.get("integratedLufs").asDouble();
        assertTrue(lufs < -10 && lufs > -40, "LUFS " + lufs);
        assertTrue(file.get("truePeakDbtp").asDouble() >= file.get("samplePeakDbfs").asDouble());
        assertEquals(7, file.get("bands").size());
        assertTrue(file.get("bands").has("low-mid"));
        assertTrue(Files.size(png) > 1000, "plot written");
    }

    @Test
    void textNamesTempoKeyAndLoudness() {
        Run run = run("analyze", song.toString(), "--profile", "techno_minimal");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("128.0"), run.out());
        assertTrue(run.out().contains("A minor (8A)"), run.out());
        assertTrue(run.out().contains("LUFS integrated"), run.out());
        assertTrue(run.out().contains("low-mid"), run.out());
    }

    @Test
    void badInputsExplainThemselves() throws Exception {
        Run missing = run("analyze", dir.resolve("nope.wav").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path junk = dir.resolve("junk.wav");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        Run broken = run("analyze", junk.toString(), song.toString());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("junk.wav"), broken.err());
        assertTrue(broken.out().contains("song.wav"), "the good file is still analysed");

        Run hint = run("analyze", song.toString(), "--tempo-hint", "5");
        assertEquals(2, hint.exitCode());
        assertTrue(hint.err().contains("--tempo-hint"), hint.err());
    }
}
