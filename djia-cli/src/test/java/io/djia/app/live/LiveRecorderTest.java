package io.djia.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.wav.WavReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session recording is a valid WAV at every flush, however the program ends. */
class LiveRecorderTest {
    private static final int RATE = 44_100;
    private static final int BLOCK = 512;
    /** 24-bit PCM: one step is 2^-23; rounding is within half of it. */
    private static final double PCM24_STEP = 1.0 / (1 << 23);

    private static float[][] block(int index) {
        float[][] b = new float[2][BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            long n = (long) index * BLOCK + i;
            b[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * n / RATE));
            b[1][i] = (float) (0.25 * Math.sin(2 * Math.PI * 660 * n / RATE));
        }
        return b;
    }

    private static void assertHolds(AudioBuffer audio, int blocks) {
        assertEquals(2, audio.channels());
        assertEquals(blocks * BLOCK, audio.frames());
        for (int k = 0; k < blocks; k++) {
            float[][] expected = block(k);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < BLOCK; i++) {
                    assertEquals(expected[c][i], audio.channel(c)[k * BLOCK + i], PCM24_STEP,
                            "channel " + c + ", frame " + (k * BLOCK + i));
                }
            }
        }
    }

    @Test
    void fileIsAValidWavAfterEachFlushWhileStillOpen(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("set.wav");
        // Flushing every minute: only the explicit flushes below make the data durable.
        try (LiveRecorder recorder = LiveRecorder.open(wav, 2, RATE, BLOCK, 1.0, 60.0)) {
            for (int k = 0; k < 100; k++) {
                recorder.put(block(k), BLOCK);
            }
            recorder.flush();
            assertEquals(100L * BLOCK, recorder.framesFlushed());
            // What a crash would leave: the file as it is on disk now, read while the writer still holds it.
            Path crashed = Files.copy(wav, dir.resolve("crashed.wav"));
            assertHolds(WavReader.read(crashed).audio(), 100);

            // More audio reaches the file unflushed: the header still describes the flushed part, so the file
            // stays readable and holds at least that.
            for (int k = 100; k < 150; k++) {
                recorder.put(block(k), BLOCK);
            }
            Thread.sleep(50);
            AudioBuffer meanwhile = WavReader.read(Files.copy(wav, dir.resolve("meanwhile.wav"))).audio();
            assertTrue(meanwhile.frames() >= 100 * BLOCK && meanwhile.frames() % BLOCK == 0, meanwhile.frames() + " frames");

            recorder.flush();
            assertHolds(WavReader.read(Files.copy(wav, dir.resolve("second.wav"))).audio(), 150);
            assertEquals(0, recorder.droppedBlocks());
        }
        assertHolds(WavReader.read(wav).audio(), 150);
    }

    @Test
    void aClosedRecorderRefusesBlocksWithoutBlockingTheCaller(@TempDir Path dir) throws Exception {
        LiveRecorder recorder = LiveRecorder.open(dir.resolve("set.wav"), 2, RATE, BLOCK, 1.0, 1.0);
        assertTrue(recorder.offer(block(0), BLOCK));
        recorder.close();
        assertFalse(recorder.offer(block(1), BLOCK), "the audio thread is told, not blocked");
        assertEquals(1, recorder.droppedBlocks());
        assertHolds(WavReader.read(dir.resolve("set.wav")).audio(), 1);
    }
}
