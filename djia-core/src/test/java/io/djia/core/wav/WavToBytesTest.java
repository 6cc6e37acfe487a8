package io.djia.core.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavToBytesTest {
    @TempDir
    Path dir;

    @Test
    void bytesAreTheFileTheWriterWrites() throws Exception {
        for (WavEncoding encoding : new WavEncoding[] {WavEncoding.PCM16, WavEncoding.PCM24, WavEncoding.FLOAT32}) {
            for (int channels = 1; channels <= 3; channels++) {
                // An odd frame count with 24-bit mono gives an odd data size, which needs the pad byte.
                AudioBuffer audio = TestSignals.tones(channels, 1001, 44_100, 0.5, 0.01, 7);
                Path file = dir.resolve(encoding + "-" + channels + ".wav");
                WavWriter.write(file, audio, encoding, null);
                assertArrayEquals(Files.readAllBytes(file), WavWriter.toBytes(audio, encoding),
                        encoding + ", " + channels + " channels");
            }
        }
    }

    @Test
    void bytesReadBackWithinOneQuantisationStep() throws Exception {
        AudioBuffer audio = TestSignals.tones(2, 44_100, 44_100, 0.9, 0.05, 11);
        byte[] wav = WavWriter.toBytes(audio, WavEncoding.PCM16);
        assertEquals(44 + 44_100 * 4, wav.length, "canonical 44-byte header plus 16-bit stereo frames");
        WavFile back = WavReader.read(new ByteArrayInputStream(wav), "memory");
        assertEquals(44_100, back.audio().sampleRate());
        assertEquals(2, back.audio().channels());
        assertEquals(44_100, back.audio().frames());
        double error = TestSignals.maxAbsError(audio, back.audio());
        assertTrue(TestSignals.dbfs(error) < -90, "error " + TestSignals.dbfs(error) + " dBFS");
    }

    @Test
    void rejectsNonFiniteSamples() {
        AudioBuffer audio = TestSignals.tones(1, 10, 8000, 0.5, 0, 1);
        audio.channel(0)[3] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WavWriter.toBytes(audio, WavEncoding.PCM16));
        assertTrue(e.getMessage().contains("frame 3"), e.getMessage());
    }
}
