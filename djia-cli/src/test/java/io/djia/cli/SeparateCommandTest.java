package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavReader;
import io.djia.core.wav.WavWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SeparateCommandTest {
    private static final int RATE = 44_100;

    @TempDir
    static Path dir;
    static Path loop;

    /** Two seconds of kicks and noise hats over a 55 Hz saw bass and a wide chord, as 32-bit float stereo. */
    @BeforeAll
    static void writeLoop() throws Exception {
        int n = 2 * RATE;
        float[][] x = new float[2][n];
        SplittableRandom random = new SplittableRandom(3);
        double beat = 0.5;
        for (double t = 0; t < 2; t += beat) {
            int start = (int) (t * RATE);
            double phase = 0;
            for (int i = 0; i < 0.3 * RATE && start + i < n; i++) {
                double s = i / (double) RATE;
                phase += 2 * Math.PI * (50 + 100 * Math.exp(-s / 0.03)) / RATE;
                float v = (float) (0.5 * Math.sin(phase) * Math.exp(-s / 0.08));
                x[0][start + i] += v;
                x[1][start + i] += v;
            }
            int hat = start + (int) (beat / 2 * RATE);
            for (int i = 0; i < 0.05 * RATE && hat + i < n; i++) {
                float v = (float) (0.1 * (random.nextDouble() * 2 - 1) * Math.exp(-i / (0.02 * RATE)));
                x[0][hat + i] += v;
                x[1][hat + i] += v;
            }
        }
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            float bass = (float) (0.2 * (2 * ((55 * t) % 1) - 1));
            x[0][i] += bass + (float) (0.05 * Math.sin(2 * Math.PI * 220 * t));
            x[1][i] += bass + (float) (0.05 * Math.sin(2 * Math.PI * 330 * t));
        }
        loop = dir.resolve("loop.wav");
        WavWriter.write(loop, new AudioBuffer(x, RATE), WavEncoding.FLOAT32, null);
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
    void writesFourStemsThatAddUpToTheInput() throws Exception {
        Path out = dir.resolve("all");
        Run run = run("separate", loop.toString(), "--out-dir", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("dsp"), run.out());
        assertTrue(run.err().isEmpty(), "no progress bar without a terminal: " + run.err());
        AudioBuffer in = WavReader.read(loop).audio();
        float[][] sum = new float[2][in.frames()];
        for (String stem : new String[] {"drums", "bass", "other", "vocals"}) {
            Path file = out.resolve("loop-" + stem + ".wav");
            assertTrue(Files.isRegularFile(file), file + " missing; output was " + run.out());
            AudioBuffer s = WavReader.read(file).audio();
            assertEquals(in.frames(), s.frames());
            assertEquals(RATE, s.sampleRate());
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < s.frames(); i++) {
                    sum[c][i] += s.channel(c)[i];
                }
            }
        }
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < in.frames(); i++) {
                assertEquals(in.channel(c)[i], sum[c][i], 1e-5);
            }
        }
        AudioBuffer drums = WavReader.read(out.resolve("loop-drums.wav")).audio();
        AudioBuffer bass = WavReader.read(out.resolve("loop-bass.wav")).audio();
        assertTrue(drums.rms() > 0.02 && bass.rms() > 0.05, "drums " + drums.rms() + ", bass " + bass.rms());
    }

    @Test
    void writesOnlyTheAskedStems() {
        Path out = dir.resolve("some");
        Run run = run("separate", loop.toString(), "--out-dir", out.toString(), "--stems", "drums,bass", "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("loop-drums.wav")));
        assertTrue(Files.exists(out.resolve("loop-bass.wav")));
        assertFalse(Files.exists(out.resolve("loop-other.wav")));
        assertFalse(Files.exists(out.resolve("loop-vocals.wav")));
    }

    @Test
    void badValuesAreUsageErrorsThatNameTheFix() throws Exception {
        Run stems = run("separate", loop.toString(), "--out-dir", dir.resolve("x").toString(), "--stems", "drums,guitar");
        assertEquals(2, stems.exitCode());
        assertTrue(stems.err().contains("\"guitar\"") && stems.err().contains("drums, bass, other, vocals"), stems.err());

        Run missing = run("separate", dir.resolve("nope.wav").toString(), "--out-dir", dir.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Run noModel = run("separate", loop.toString(), "--out-dir", dir.toString(), "--model", dir.resolve("none.onnx").toString());
        assertEquals(2, noModel.exitCode());
        assertTrue(noModel.err().contains("no such model"), noModel.err());

        Path fake = dir.resolve("fake.onnx");
        Files.writeString(fake, "not a model");
        Run noDescription = run("separate", loop.toString(), "--out-dir", dir.toString(), "--model", fake.toString());
        assertEquals(2, noDescription.exitCode());
        assertTrue(noDescription.err().contains("fake.json"), noDescription.err());

        Files.writeString(dir.resolve("fake.json"), "{\"name\": \"htdemucs\", \"segment_frames\": 343980,"
                + " \"stems\": [\"drums\", \"bass\", \"other\", \"vocals\"], \"waveform_input\": \"mix\","
                + " \"spectrogram_input\": \"x\", \"waveform_output\": \"add_67\", \"spectrogram_output\": \"output\","
                + " \"fft_size\": 4096, \"hop_size\": 1024}");
        Run broken = run("separate", loop.toString(), "--out-dir", dir.toString(), "--model", fake.toString(),
                "--provider", "cpu");
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().contains("cannot load"), broken.err());

        Run provider = run("separate", loop.toString(), "--out-dir", dir.toString(), "--provider", "tpu");
        assertEquals(2, provider.exitCode());
        assertTrue(provider.err().contains("cpu, cuda or auto"), provider.err());
    }
}
