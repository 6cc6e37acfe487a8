package io.djia.generate.musicgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import io.djia.generate.BackgroundGenerator;
import io.djia.generate.GenerationCancelledException;
import io.djia.generate.GenerationJob;
import io.djia.generate.GenerationMonitor;
import io.djia.generate.GenerationRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole ONNX path on the tiny stand-in export: tokenise, encode, decode step by step with the cache and
 * guidance under the delay pattern, EnCodec, resample, cache. The expected codes are worked out by hand from the
 * stand-in's rule (see {@link TinyMusicGen}), independently of the generator's bookkeeping.
 */
class MusicGenOnnxGeneratorTest {
    @TempDir
    static Path tmp;
    private static MusicGenOnnxGenerator generator;
    private static final StyleProfile TECHNO = ProfileLibrary.load("techno_minimal");

    @BeforeAll
    static void openTinyModel() throws IOException {
        Path folder = TinyMusicGen.standard().write(tmp.resolve("tiny"));
        generator = MusicGenOnnxGenerator.open(MusicGenOptions.defaults(folder, "musicgen").withThreads(1)
                .withCacheDir(tmp.resolve("cache")));
    }

    @AfterAll
    static void close() {
        generator.close();
    }

    private static GenerationRequest request(String prompt, double bpm, int bars, long seed, int sampleRate) {
        return new GenerationRequest(TECHNO, "bass", List.of(), prompt, Key.parse("A minor"), Tempo.of(bpm), bars, 6,
                seed, sampleRate);
    }

    /** The codes the stand-in must produce, sequence position by position, from its rule. */
    private static long[][] expectedCodes(long conditioning, int frames) {
        int k4 = TinyMusicGen.CODEBOOKS;
        int positions = frames + k4;
        long[][] seq = new long[k4][positions];
        long[] sums = new long[k4];
        for (int k = 0; k < k4; k++) {
            seq[k][0] = 2048;
        }
        for (int p = 0; p < positions - 1; p++) {
            long cacheLength = p + 1;
            for (int k = 0; k < k4; k++) {
                sums[k] += seq[k][p];
                long a = Math.floorMod(sums[k] + 31 * cacheLength + 7L * k, 2048);
                long c = Math.floorMod(a + 1 + Math.floorMod(conditioning, 1000), 2048);
                int frame = p + 1 - k - 1;
                seq[k][p + 1] = frame >= 0 && frame < frames ? c : 2048;
            }
        }
        long[][] codes = new long[k4][frames];
        for (int k = 0; k < k4; k++) {
            for (int f = 0; f < frames; f++) {
                codes[k][f] = seq[k][f + k + 1];
            }
        }
        return codes;
    }

    @Test
    void decodesTheExpectedCodesThroughCacheDelayPatternAndGuidance() {
        GenerationRequest r = request("techno drum loop", 120, 1, 7, 32000);
        String prompt = PromptBuilder.build(r);
        assertEquals("techno drum loop, 120 bpm, in A minor", prompt);
        long conditioning = 0;
        for (long id : TinyMusicGen.tokenizer().encode(prompt)) {
            conditioning += id;
        }
        int frames = 100; // 2 s at 50 frames/s
        long[][] codes = expectedCodes(conditioning, frames);

        AudioBuffer out = generator.generate(r);
        assertEquals(2, out.channels());
        assertEquals(32000, out.sampleRate());
        assertEquals(r.frames(), out.frames());
        assertArrayEquals(out.channel(0), out.channel(1));
        for (int f = 0; f < frames; f++) {
            double want = TinyMusicGen.frameValue(new long[] {codes[0][f], codes[1][f], codes[2][f], codes[3][f]});
            for (int j = 0; j < TinyMusicGen.HOP; j += 97) {
                assertEquals(want, out.channel(0)[f * TinyMusicGen.HOP + j], 1e-6, "frame " + f + " sample " + j);
            }
        }
    }

    @Test
    void reportsEveryDecoderStepAndServesTheSecondRequestFromTheCache() throws IOException {
        GenerationRequest r = request("minimal bass groove", 125, 1, 11, 32000);
        List<Long> steps = new ArrayList<>();
        GenerationMonitor monitor = new GenerationMonitor() {
            @Override
            public void progress(String stage, long done, long total) {
                if (stage.equals("decode")) {
                    steps.add(done);
                    assertEquals(total, 96 + 3);
                }
            }
        };
        AudioBuffer first = generator.generate(r, monitor);
        int frames = (int) Math.ceil(r.frames() * 50.0 / 32000);
        assertEquals(96, frames);
        assertEquals(frames + TinyMusicGen.CODEBOOKS - 1, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i));
        }
        steps.clear();
        AudioBuffer second = generator.generate(r, monitor);
        assertTrue(steps.isEmpty(), "a cached clip must not be decoded again");
        assertArrayEquals(first.channel(0), second.channel(0));
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".wav")));
        }
    }

    @Test
    void resamplesToTheSessionRateAndCutsToTheLoopLength() {
        GenerationRequest r = request("techno drum loop", 120, 1, 7, 44100);
        AudioBuffer out = generator.generate(r);
        assertEquals(44100, out.sampleRate());
        assertEquals(r.frames(), out.frames());
        AudioBuffer at32k = generator.generate(request("techno drum loop", 120, 1, 7, 32000));
        // The middle of a 20 ms frame block keeps its value through the band-limited resampler.
        for (int f = 5; f < 95; f += 10) {
            float want = at32k.channel(0)[f * 640 + 320];
            float got = out.channel(0)[(int) Math.round((f * 640 + 320) * 44100.0 / 32000)];
            assertEquals(want, got, 0.02, "frame " + f);
        }
    }

    @Test
    void loopLengthInCodeFramesAndTheModelLimit() {
        assertEquals(100, MusicGenOnnxGenerator.loopFrames(request("x", 120, 1, 1, 44100), generator.dims()));
        assertEquals(96, MusicGenOnnxGenerator.loopFrames(request("x", 125, 1, 1, 32000), generator.dims()));
        // 8 bars at 60 BPM are 32 s: more than the 1496 frames (29.92 s) the model can make in one go.
        assertEquals(1600, MusicGenOnnxGenerator.loopFrames(request("x", 60, 8, 1, 48000), generator.dims()));
        assertEquals(1496, generator.dims().maxFrames());
    }

    @Test
    void sameSeedSameAudioAndSamplingWithoutGuidanceFollowsTheSeed() throws IOException {
        try (MusicGenOnnxGenerator unguided = MusicGenOnnxGenerator.open(MusicGenOptions.defaults(tmp.resolve("tiny"), "musicgen")
                .withGuidanceScale(1.0).withThreads(1).withCacheDir(null))) {
            GenerationRequest a = request("techno drum loop", 120, 1, 1, 32000);
            AudioBuffer x = unguided.generate(a);
            AudioBuffer y = unguided.generate(a);
            assertArrayEquals(x.channel(0), y.channel(0));
            AudioBuffer z = unguided.generate(request("techno drum loop", 120, 1, 2, 32000));
            assertFalse(java.util.Arrays.equals(x.channel(0), z.channel(0)), "another seed must draw other codes");
            // Without guidance A (logit 10) and C (9.5) compete; with it C always wins, so the clips differ.
            assertNotEquals(generator.generate(a).channel(0)[640 * 50], x.channel(0)[640 * 50]);
        }
    }

    @Test
    void cancellationStopsDecodingAndBackgroundJobsReportProgress() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        GenerationMonitor cancelAfterFive = new GenerationMonitor() {
            @Override
            public void progress(String stage, long done, long total) {
                if (stage.equals("decode")) {
                    seen.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelled() {
                return seen.get() >= 5;
            }
        };
        GenerationCancelledException e = assertThrows(GenerationCancelledException.class,
                () -> generator.generate(request("techno drum loop", 97, 1, 99, 32000), cancelAfterFive));
        assertTrue(e.getMessage().contains("step 5"), e.getMessage());
        assertEquals(5, seen.get());

        try (BackgroundGenerator background = new BackgroundGenerator(generator)) {
            GenerationJob job = background.submit(request("techno drum loop", 90, 1, 5, 32000));
            AudioBuffer audio = job.await();
            assertEquals(request("techno drum loop", 90, 1, 5, 32000).frames(), audio.frames());
            assertEquals("done", job.stage());
            assertEquals(1.0, job.progress());
            assertTrue(job.poll().isPresent());

            GenerationJob cancelled = background.submit(request("techno drum loop", 91, 1, 6, 32000));
            cancelled.cancel();
            assertThrows(GenerationCancelledException.class, cancelled::await);
            assertTrue(cancelled.poll().isEmpty());
        }
    }
}
