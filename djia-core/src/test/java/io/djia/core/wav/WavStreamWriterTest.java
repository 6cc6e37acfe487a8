package io.djia.core.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavStreamWriterTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void assertPrefix(AudioBuffer expected, AudioBuffer actual, int frames, double tolerance) {
        assertEquals(frames, actual.frames());
        for (int c = 0; c < expected.channels(); c++) {
            for (int i = 0; i < frames; i++) {
                assertEquals(expected.channel(c)[i], actual.channel(c)[i], tolerance, "channel " + c + " frame " + i);
            }
        }
    }

    @Test
    void theFileIsValidAfterEveryFlushWhileStillOpen() throws IOException {
        AudioBuffer audio = TestSignals.tones(2, 30_000, 48000, 0.5, 0.05, 11);
        Path file = dir.resolve("rec.wav");
        try (WavStreamWriter writer = WavStreamWriter.openDirect(file, 2, 48000,
                WavWriteOptions.defaults(WavEncoding.FLOAT32))) {
            assertEquals(0, WavReader.read(file).audio().frames()); // valid even before the first frame
            writer.append(audio.slice(0, 10_001));
            writer.flush();
            assertPrefix(audio, WavReader.read(file).audio(), 10_001, 0);
            writer.append(audio.slice(10_001, 19_999));
            writer.flush();
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(bytes.length - 8, RiffBytes.readLe32(bytes, 4));
            assertEquals(30_000, RiffBytes.readLe32(bytes, RiffBytes.indexOf(bytes, "fact") + 8));
            assertPrefix(audio, WavReader.read(file).audio(), 30_000, 0);
        }
        assertPrefix(audio, WavReader.read(file).audio(), 30_000, 0);
    }

    @Test
    void atomicModeShowsNothingUntilCommit() throws IOException {
        Path file = dir.resolve("render.wav");
        Files.writeString(file, "previous render");
        AudioBuffer audio = TestSignals.tones(3, 5_000, 44100, 0.5, 0, 4);
        try (WavStreamWriter writer = WavStreamWriter.openAtomic(file, 3, 44100,
                WavWriteOptions.defaults(WavEncoding.PCM24))) {
            writer.append(audio);
            writer.flush();
            assertEquals("previous render", Files.readString(file));
            assertEquals(2, listing().size()); // the target and one hidden temporary file
            writer.commit();
        }
        assertEquals(List.of("render.wav"), listing());
        assertPrefix(audio, WavReader.read(file).audio(), 5_000, 0.5 / 8388608);
    }

    @Test
    void closingAnAtomicWriterWithoutCommitDiscardsIt() throws IOException {
        Path file = dir.resolve("abandoned.wav");
        try (WavStreamWriter writer = WavStreamWriter.openAtomic(file, 1, 44100,
                WavWriteOptions.defaults(WavEncoding.PCM16))) {
            writer.append(TestSignals.tones(1, 100, 44100, 0.5, 0, 1));
        }
        assertEquals(List.of(), listing());
    }

    @Test
    void blockSizeDoesNotChangeTheBytes() throws IOException {
        // Streamed in random block sizes with dither on: identical to one whole-buffer write with the same seed.
        AudioBuffer audio = TestSignals.tones(2, 40_000, 44100, 0.4, 0.01, 8);
        WavWriteOptions options = WavWriteOptions.defaults(WavEncoding.PCM16).withDither(Dither.tpdf(5))
                .withLoop(new LoopMetadata(0, 40_000, 128, 16, 60, 4));
        Path whole = dir.resolve("whole.wav");
        Path streamed = dir.resolve("streamed.wav");
        WavWriter.write(whole, audio, options);
        SplittableRandom random = new SplittableRandom(99);
        try (WavStreamWriter writer = WavStreamWriter.openAtomic(streamed, 2, 44100, options)) {
            int at = 0;
            while (at < audio.frames()) {
                int n = Math.min(audio.frames() - at, 1 + random.nextInt(3000));
                writer.append(audio.planar(), at, n);
                if (random.nextInt(4) == 0) {
                    writer.flush();
                }
                at += n;
            }
            writer.commit();
        }
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(streamed));
    }

    @Test
    void oddDataIsPaddedBeforeTheLoopChunks() throws IOException {
        Path file = dir.resolve("odd.wav");
        LoopMetadata loop = new LoopMetadata(0, 7, 100, 1, 60, 4);
        try (WavStreamWriter writer = WavStreamWriter.openDirect(file, 1, 8000,
                WavWriteOptions.defaults(WavEncoding.PCM24).withLoop(loop))) {
            writer.append(TestSignals.tones(1, 7, 8000, 0.5, 0, 1));
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0, bytes.length % 2);
        int data = RiffBytes.indexOf(bytes, "data");
        assertEquals(21, RiffBytes.readLe32(bytes, data + 4));
        assertEquals(data + 8 + 22, RiffBytes.indexOf(bytes, "smpl"));
        assertEquals(loop, WavReader.read(file).loop().orElseThrow());
    }

    @Test
    void aRejectedBlockLeavesTheWriterUsable() throws IOException {
        Path file = dir.resolve("nan.wav");
        AudioBuffer good = TestSignals.tones(1, 100, 44100, 0.5, 0, 1);
        float[][] bad = {new float[50]};
        bad[0][20] = Float.NaN;
        try (WavStreamWriter writer = WavStreamWriter.openDirect(file, 1, 44100,
                WavWriteOptions.defaults(WavEncoding.PCM16))) {
            writer.append(good);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.append(bad, 0, 50));
            assertTrue(e.getMessage().contains("frame 120"), e.getMessage());
            writer.append(good);
            assertEquals(200, writer.framesWritten());
        }
        assertEquals(200, WavReader.read(file).audio().frames());
    }

    @Test
    void commitChecksTheLoopAgainstWhatWasWritten() throws IOException {
        Path file = dir.resolve("loop.wav");
        WavStreamWriter writer = WavStreamWriter.openAtomic(file, 1, 44100,
                WavWriteOptions.defaults(WavEncoding.PCM16).withLoop(new LoopMetadata(0, 500, 120, 2, 60, 4)));
        writer.append(TestSignals.tones(1, 400, 44100, 0.5, 0, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, writer::commit);
        assertEquals("loop ends at frame 500 but only 400 frames were written", e.getMessage());
        writer.append(TestSignals.tones(1, 100, 44100, 0.5, 0, 1));
        writer.commit();
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.append(new float[1][1], 0, 1));
        assertEquals(500, WavReader.read(file).loop().orElseThrow().loopEndFrame());
        assertFalse(listing().size() > 1);
    }

    @Test
    void blocksMustMatchTheFile() throws IOException {
        try (WavStreamWriter writer = WavStreamWriter.openDirect(dir.resolve("m.wav"), 2, 44100,
                WavWriteOptions.defaults(WavEncoding.PCM16))) {
            assertThrows(IllegalArgumentException.class, () -> writer.append(AudioBuffer.silence(1, 10, 44100)));
            assertThrows(IllegalArgumentException.class, () -> writer.append(AudioBuffer.silence(2, 10, 48000)));
            assertThrows(IndexOutOfBoundsException.class, () -> writer.append(new float[2][10], 5, 6));
            assertEquals(0, writer.framesWritten());
        }
        assertTrue(Arrays.asList(listing().toArray()).contains("m.wav"));
    }
}
