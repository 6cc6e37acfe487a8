package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Tempo;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavReader;
import io.djia.core.wav.WavWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StretchCommandTest {
    private static final int RATE = 44_100;

    @TempDir
    static Path dir;
    static Path tone;
    static Path drums;

    @BeforeAll
    static void writeInputs() throws Exception {
        int n = RATE;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        tone = dir.resolve("tone.wav");
        WavWriter.write(tone, new AudioBuffer(new float[][] {x}, RATE), WavEncoding.PCM24, null);
        // Two bars of kicks on every beat at 100 BPM.
        double beat = 0.6 * RATE;
        float[] d = new float[(int) Math.round(8 * beat)];
        for (int b = 0; b < 8; b++) {
            int at = (int) Math.round(b * beat);
            for (int i = 0; i < RATE / 5 && at + i < d.length; i++) {
                double t = i / (double) RATE;
                d[at + i] += (float) (0.8 * Math.sin(2 * Math.PI * (55 + 90 * Math.exp(-t / 0.02)) * t) * Math.exp(-t / 0.08));
            }
        }
        drums = dir.resolve("drums.wav");
        WavWriter.write(drums, new AudioBuffer(new float[][] {d, d.clone()}, RATE), WavEncoding.FLOAT32, null);
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

    private static double frequencyHz(float[] x) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = x.length / 4; i < 3 * x.length / 4; i++) {
            if (x[i] <= 0 && x[i + 1] > 0) {
                double t = i + x[i] / (double) (x[i] - x[i + 1]);
                first = first < 0 ? t : first;
                last = t;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / RATE);
    }

    @Test
    void ratioStretchesAndKeepsPitch() throws Exception {
        Path out = dir.resolve("slow.wav");
        Run run = run("stretch", tone.toString(), out.toString(), "--ratio", "1.5");
        assertEquals(0, run.exitCode(), run.err());
        AudioBuffer y = WavReader.read(out).audio();
        assertEquals(Math.round(RATE * 1.5), y.frames());
        assertEquals(440.0, frequencyHz(y.channel(0)), 0.25);
        assertTrue(run.out().contains("ratio 1.5000"), run.out());
    }

    @Test
    void tempoAndPitchOptions() throws Exception {
        Path out = dir.resolve("fifth.wav");
        Run run = run("stretch", tone.toString(), out.toString(), "--tempo", "120:100", "--pitch", "7", "--fine");
        assertEquals(0, run.exitCode(), run.err());
        AudioBuffer y = WavReader.read(out).audio();
        assertEquals(Math.round(RATE * 1.2), y.frames());
        assertEquals(659.26, frequencyHz(y.channel(0)), 0.4);
    }

    @Test
    void barsAndBpmFitALoopExactly() throws Exception {
        Path out = dir.resolve("loop.wav");
        Run run = run("stretch", drums.toString(), out.toString(), "--bars", "2", "--bpm", "124");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Tempo.of(124).framesOfBars(2, RATE), WavReader.read(out).audio().frames());
        assertTrue(run.out().contains("source 100.00 BPM"), run.out());
    }

    @Test
    void badValuesExitTwoWithOneLine() {
        Run ratio = run("stretch", tone.toString(), dir.resolve("x.wav").toString(), "--ratio", "9");
        assertEquals(2, ratio.exitCode());
        assertTrue(ratio.err().contains("9.0") && ratio.err().trim().lines().count() == 1, ratio.err());
        Run tempo = run("stretch", tone.toString(), dir.resolve("x.wav").toString(), "--tempo", "fast");
        assertEquals(2, tempo.exitCode());
        assertTrue(tempo.err().contains("FROM:TO"), tempo.err());
        Run both = run("stretch", tone.toString(), dir.resolve("x.wav").toString(), "--ratio", "1.1", "--tempo", "1:2");
        assertEquals(2, both.exitCode());
        Run missing = run("stretch", dir.resolve("nope.wav").toString(), dir.resolve("x.wav").toString(), "--ratio", "1.1");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertTrue(Files.notExists(dir.resolve("x.wav")));
    }
}
