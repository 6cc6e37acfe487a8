package io.djia.separate.demucs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.separate.DemucsOnnxSeparator;
import io.djia.separate.ExecutionProvider;
import io.djia.separate.OnnxOptions;
import io.djia.separate.Separator;
import io.djia.separate.SeparatorOptions;
import io.djia.separate.Stem;
import io.djia.separate.Stems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX path on tiny models built by the test with the signature of an HTDemucs export: a real exported model
 * only changes the weights. Each model computes a known function of its inputs, so segmenting, overlap-add,
 * normalisation, the spectrogram layout and the name and shape checks are verified exactly.
 */
class DemucsOnnxSeparatorTest {
    private static final int RATE = 44_100;
    private static final OnnxOptions CPU = new OnnxOptions(1, ExecutionProvider.CPU);

    @TempDir
    Path dir;

    /** Same tensor names and layout as the HTDemucs export, with a short segment and STFT to keep tests fast. */
    private static DemucsModelDescription small(String waveIn, int segment) {
        return new DemucsModelDescription("tiny", RATE, 2, segment, 0.25, List.of("drums", "bass", "other", "vocals"),
                waveIn, "x", "add_67", "output", 1024, 256);
    }

    private static final float[][] TIME_GAIN = {{0.5f, 0.2f}, {0.3f, 0.1f}, {0.1f, 0.6f}, {0.1f, 0.1f}};
    private static final float[][] TIME_BIAS = {{0.05f, -0.02f}, {0.01f, 0.03f}, {0f, 0f}, {-0.04f, 0.02f}};
    private static final float[][] NO_TIME = new float[4][2];
    private static final float[][] NO_FREQ = new float[4][4];

    /** Stereo test clip: tones, noise and a DC offset, so mean and scale both matter. */
    private static AudioBuffer clip(int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            x[0][i] = (float) (0.1 + 0.4 * Math.sin(2 * Math.PI * 220 * t) + 0.05 * (random.nextDouble() - 0.5));
            x[1][i] = (float) (0.1 + 0.3 * Math.sin(2 * Math.PI * 331 * t + 1) * Math.sin(2 * Math.PI * 0.7 * t)
                    + 0.05 * (random.nextDouble() - 0.5));
        }
        return new AudioBuffer(x, RATE);
    }

    /** Mean and unbiased standard deviation of the channel average, computed here independently. */
    private static double[] monoStats(AudioBuffer b) {
        int n = b.frames();
        double[] mono = new double[n];
        for (int i = 0; i < n; i++) {
            mono[i] = (b.channel(0)[i] + (double) b.channel(1)[i]) / 2;
        }
        double mean = java.util.Arrays.stream(mono).average().orElseThrow();
        double var = java.util.Arrays.stream(mono).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        return new double[] {mean, Math.sqrt(var)};
    }

    @Test
    void timeBranchIsSegmentedCrossFadedAndDenormalisedExactly() throws IOException {
        DemucsModelDescription d = small("mix", 16384);
        Path model = TinyDemucsModel.write(dir, "tiny", d, d, TIME_GAIN, TIME_BIAS, NO_FREQ);
        AudioBuffer in = clip(50_000, 1); // several overlapping segments and a padded last one
        double[] stats = monoStats(in);
        try (DemucsOnnxSeparator sep = DemucsOnnxSeparator.open(model, CPU)) {
            Stems stems = sep.separate(in);
            Stem[] order = {Stem.DRUMS, Stem.BASS, Stem.OTHER, Stem.VOCALS};
            double worst = 0;
            for (int s : new int[] {0, 1, 3}) {
                for (int c = 0; c < 2; c++) {
                    float[] got = stems.get(order[s]).channel(c);
                    for (int i = 0; i < in.frames(); i++) {
                        double expected = TIME_GAIN[s][c] * (in.channel(c)[i] - stats[0]) + stats[1] * TIME_BIAS[s][c];
                        worst = Math.max(worst, Math.abs(got[i] - expected));
                    }
                }
            }
            assertTrue(worst < 2e-5, "largest error against g * (x - mean) + std * b: " + worst);
            // Other keeps what the rest leave: its own model output plus the mixture's mean.
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < in.frames(); i += 997) {
                    double expected = TIME_GAIN[2][c] * (in.channel(c)[i] - stats[0]) + stats[0]
                            - stats[1] * (TIME_BIAS[0][c] + TIME_BIAS[1][c] + TIME_BIAS[3][c]);
                    assertEquals(expected, stems.get(Stem.OTHER).channel(c)[i], 2e-5);
                }
            }
            assertSumsBack(in, stems);
        }
    }

    @Test
    void frequencyBranchRoundTripsThroughTheHostStftInComplexAsChannelsLayout() throws IOException {
        // Per stem, gains on the planes (left re, left im, right re, right im): drums keep the left channel only,
        // bass the right only, vocals a quarter of the left. A wrong plane order could not reproduce this.
        float[][] freq = {{1, 1, 0, 0}, {0, 0, 1, 1}, {0.5f, 0.5f, 0.5f, 0.5f}, {0.25f, 0.25f, 0, 0}};
        DemucsModelDescription d = small("mix", 16384);
        Path model = TinyDemucsModel.write(dir, "tiny", d, d, NO_TIME, NO_TIME, freq);
        AudioBuffer in = clip(50_000, 2);
        double mean = monoStats(in)[0];
        try (DemucsOnnxSeparator sep = DemucsOnnxSeparator.open(model, CPU)) {
            Stems stems = sep.separate(in);
            // Not exact, as in HTDemucs: the Nyquist bin is dropped (the clip's white noise has some there) and the
            // frames cropped at segment edges leave their first and last samples partly rebuilt (about 53 dB here).
            double floorDb = 45;
            assertTrue(snrDb(stems.get(Stem.DRUMS).channel(0), in.channel(0), 1, mean) > floorDb);
            assertEquals(0.0, rms(stems.get(Stem.DRUMS).channel(1)), 1e-6);
            assertEquals(0.0, rms(stems.get(Stem.BASS).channel(0)), 1e-6);
            assertTrue(snrDb(stems.get(Stem.BASS).channel(1), in.channel(1), 1, mean) > floorDb);
            assertTrue(snrDb(stems.get(Stem.VOCALS).channel(0), in.channel(0), 0.25, mean) > floorDb);
            assertSumsBack(in, stems);
        }
    }

    @Test
    void htdemucsSizesGive336FramesOf2048BinsAndRoundTrip() throws IOException {
        DemucsModelDescription d = DemucsModelDescription.htdemucs("mix", "x", "add_67", "output");
        assertEquals(336, d.spectrogramFrames());
        assertEquals(2048, d.spectrogramBins());
        float[][] quarter = {{0.25f, 0.25f, 0.25f, 0.25f}, {0.25f, 0.25f, 0.25f, 0.25f},
            {0.25f, 0.25f, 0.25f, 0.25f}, {0.25f, 0.25f, 0.25f, 0.25f}};
        Path model = TinyDemucsModel.write(dir, "htdemucs", d, d, NO_TIME, NO_TIME, quarter);
        AudioBuffer in = clip(RATE * 9, 3);
        double mean = monoStats(in)[0];
        try (Separator sep = Separator.create(SeparatorOptions.defaults().withModel(model).withThreads(1)
                .withProvider(ExecutionProvider.CPU))) {
            Stems stems = sep.separate(in);
            for (Stem s : new Stem[] {Stem.DRUMS, Stem.BASS, Stem.VOCALS}) {
                for (int c = 0; c < 2; c++) {
                    double snr = snrDb(stems.get(s).channel(c), in.channel(c), 0.25, mean);
                    assertTrue(snr > 60, s + " channel " + c + ": " + snr + " dB");
                }
            }
        }
    }

    @Test
    void outputsWithStemAndChannelAxesMergedAreAccepted() throws IOException {
        float[][] freq = {{1, 1, 0, 0}, {0, 0, 1, 1}, {0.5f, 0.5f, 0.5f, 0.5f}, {0.25f, 0.25f, 0, 0}};
        DemucsModelDescription d = small("mix", 16384);
        Path folded = TinyDemucsModel.write(dir, "folded", d, d, TIME_GAIN, TIME_BIAS, freq, true);
        Path plain = TinyDemucsModel.write(dir, "plain", d, d, TIME_GAIN, TIME_BIAS, freq, false);
        AudioBuffer in = clip(30_000, 6);
        try (DemucsOnnxSeparator a = DemucsOnnxSeparator.open(folded, CPU);
             DemucsOnnxSeparator b = DemucsOnnxSeparator.open(plain, CPU)) {
            Stems x = a.separate(in);
            Stems y = b.separate(in);
            for (Stem s : Stem.values()) {
                for (int c = 0; c < 2; c++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(y.get(s).channel(c), x.get(s).channel(c));
                }
            }
        }
    }

    @Test
    void shortAndMonoClipsArePaddedAndFoldedBack() throws IOException {
        DemucsModelDescription d = small("mix", 16384);
        Path model = TinyDemucsModel.write(dir, "tiny", d, d, TIME_GAIN, TIME_BIAS, NO_FREQ);
        AudioBuffer stereo = clip(5000, 4); // shorter than one segment
        AudioBuffer mono = stereo.toMono();
        try (DemucsOnnxSeparator sep = DemucsOnnxSeparator.open(model, CPU)) {
            Stems stems = sep.separate(mono);
            assertEquals(1, stems.channels());
            assertEquals(5000, stems.frames());
            double[] stats = monoStats(mono.toStereo());
            for (int i = 0; i < 5000; i += 101) {
                // The mono clip is duplicated, separated, and the two stem channels averaged.
                double g = (TIME_GAIN[0][0] + TIME_GAIN[0][1]) / 2;
                double b = (TIME_BIAS[0][0] + TIME_BIAS[0][1]) / 2;
                assertEquals(g * (mono.channel(0)[i] - stats[0]) + stats[1] * b, stems.get(Stem.DRUMS).channel(0)[i], 2e-5);
            }
            assertSumsBack(mono, stems);
        }
    }

    @Test
    void progressRisesToOne() throws IOException {
        DemucsModelDescription d = small("mix", 16384);
        Path model = TinyDemucsModel.write(dir, "tiny", d, d, TIME_GAIN, TIME_BIAS, NO_FREQ);
        List<Double> seen = new ArrayList<>();
        try (DemucsOnnxSeparator sep = DemucsOnnxSeparator.open(model, CPU)) {
            sep.separate(clip(50_000, 5), seen::add);
        }
        assertEquals(5, seen.size(), "segments every 12288 frames over 50000 + 2 * 1024 frames");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1));
        }
        assertEquals(1.0, seen.get(seen.size() - 1), 1e-12);
    }

    @Test
    void wrongTensorNameIsAClearErrorNamingBoth() throws IOException {
        Path model = TinyDemucsModel.write(dir, "renamed", small("input", 16384), small("mix", 16384),
                TIME_GAIN, TIME_BIAS, NO_FREQ);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemucsOnnxSeparator.open(model, CPU));
        assertTrue(e.getMessage().contains("input \"mix\" is not in the model"), e.getMessage());
        assertTrue(e.getMessage().contains("input [1, 2, 16384]"), e.getMessage());
        assertTrue(e.getMessage().contains("mix [1, 2, 16384]"), e.getMessage());
        assertTrue(e.getMessage().contains("renamed.json"), e.getMessage());
    }

    @Test
    void wrongSegmentLengthIsAClearErrorNamingBothShapes() throws IOException {
        Path model = TinyDemucsModel.write(dir, "short", small("mix", 8192), small("mix", 16384),
                TIME_GAIN, TIME_BIAS, NO_FREQ);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemucsOnnxSeparator.open(model, CPU));
        assertTrue(e.getMessage().contains("input \"mix\" has shape [1, 2, 8192], expected [1, 2, 16384]"), e.getMessage());
        assertTrue(e.getMessage().contains("output \"add_67\" has shape [1, 4, 2, 8192], expected [1, 4, 2, 16384] or [1, 8, 16384]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("x [1, 4, 512, 32]"), e.getMessage());
        assertTrue(e.getMessage().contains("x [1, 4, 512, 64]"), e.getMessage());
    }

    @Test
    void missingDescriptionIsAClearError() throws IOException {
        DemucsModelDescription d = small("mix", 16384);
        Path model = TinyDemucsModel.write(dir, "tiny", d, d, TIME_GAIN, TIME_BIAS, NO_FREQ);
        Path lonely = Files.copy(model, dir.resolve("lonely.onnx"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DemucsOnnxSeparator.open(lonely, CPU));
        assertTrue(missing.getMessage().contains("lonely.json"), missing.getMessage());
        IllegalArgumentException pipelineRate = assertThrows(IllegalArgumentException.class,
                () -> new HybridPipeline(d, (w, s, wo, so) -> { }).separate(new AudioBuffer(new float[2][4800], 48_000),
                        io.djia.separate.SeparationProgress.NONE));
        assertTrue(pipelineRate.getMessage().contains("48000 Hz") && pipelineRate.getMessage().contains("44100 Hz"));
    }

    @Test
    void clipsAtAnotherRateAreResampledToTheModelAndBack() throws IOException {
        DemucsModelDescription d = small("mix", 16384);
        Path model = TinyDemucsModel.write(dir, "tiny", d, d, TIME_GAIN, NO_TIME, NO_FREQ);
        AudioBuffer at44k = clip(48_000, 9);
        AudioBuffer at48k = io.djia.core.resample.Resampler.resample(at44k, 48_000);
        double mean = monoStats(at48k)[0];
        try (DemucsOnnxSeparator sep = DemucsOnnxSeparator.open(model, CPU)) {
            Stems stems = sep.separate(at48k);
            assertEquals(48_000, stems.sampleRate());
            assertEquals(at48k.frames(), stems.frames());
            for (int c = 0; c < 2; c++) {
                double snr = snrDb(stems.get(Stem.DRUMS).channel(c), at48k.channel(c), TIME_GAIN[0][c], mean);
                assertTrue(snr > 40, "channel " + c + ": " + snr + " dB");
            }
            assertSumsBack(at48k, stems);
        }
    }

    @Test
    void silenceGivesSilentStems() throws IOException {
        DemucsModelDescription d = small("mix", 16384);
        Path model = TinyDemucsModel.write(dir, "tiny", d, d, TIME_GAIN, TIME_BIAS, NO_FREQ);
        try (DemucsOnnxSeparator sep = DemucsOnnxSeparator.open(model, CPU)) {
            Stems stems = sep.separate(AudioBuffer.silence(2, 20_000, RATE));
            for (Stem s : Stem.values()) {
                assertEquals(0.0, stems.get(s).peak(), 0.0);
            }
        }
    }

    private static void assertSumsBack(AudioBuffer in, Stems stems) {
        AudioBuffer sum = stems.sum();
        for (int c = 0; c < in.channels(); c++) {
            for (int i = 0; i < in.frames(); i++) {
                assertEquals(in.channel(c)[i], sum.channel(c)[i], 1e-5);
            }
        }
    }

    /** SNR in dB of {@code got} against {@code gain * (reference - mean)}. */
    private static double snrDb(float[] got, float[] reference, double gain, double mean) {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.length; i++) {
            double expected = gain * (reference[i] - mean);
            signal += expected * expected;
            noise += (got[i] - expected) * (got[i] - expected);
        }
        return 10 * Math.log10(signal / noise);
    }

    private static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum / x.length);
    }
}
