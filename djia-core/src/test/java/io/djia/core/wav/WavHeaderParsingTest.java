package io.djia.core.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.djia.core.audio.AudioBuffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers built by hand: layouts other writers produce that ours does not. */
class WavHeaderParsingTest {
    @TempDir
    Path dir;

    private static WavFile read(byte[] file) throws IOException {
        return WavReader.read(new ByteArrayInputStream(file), "test.wav");
    }

    @Test
    void extensibleTwentyFourBitStereo() throws IOException {
        byte[] file = RiffBytes.wave()
                .chunk("fmt ", RiffBytes.fmtExtensible(2, 48000, 24, 24, 0x3, 1))
                .chunk("data", RiffBytes.le24(0x400000, -0x400000, 0x7FFFFF, -0x800000))
                .build();
        WavFile wav = read(file);
        assertEquals(new WavFormat(WavEncoding.PCM24, 24, 2, 48000), wav.format());
        assertArrayEquals(new float[] {0.5f, 0x7FFFFF / 8388608f}, wav.audio().channel(0));
        assertArrayEquals(new float[] {-0.5f, -1f}, wav.audio().channel(1));
    }

    @Test
    void extensibleTwentyFourValidBitsInThirtyTwoBitContainers() throws IOException {
        // Valid bits sit at the top of the container, so decoding by container size gives the right scale.
        byte[] file = RiffBytes.wave()
                .chunk("fmt ", RiffBytes.fmtExtensible(1, 96000, 32, 24, 0x4, 1))
                .chunk("data", RiffBytes.le32(0x40000000, 0xC0000000, 0x00000100))
                .build();
        WavFile wav = read(file);
        assertEquals(new WavFormat(WavEncoding.PCM32, 24, 1, 96000), wav.format());
        assertArrayEquals(new float[] {0.5f, -0.5f, 1f / 8388608}, wav.audio().channel(0));
    }

    @Test
    void extensibleFloatWithThreeChannels() throws IOException {
        byte[] file = RiffBytes.wave()
                .chunk("fmt ", RiffBytes.fmtExtensible(3, 44100, 32, 32, 0x7, 3))
                .chunk("fact", RiffBytes.le32(2))
                .chunk("data", RiffBytes.leFloat(0.1f, 0.2f, -0.3f, 1.5f, -2f, 0f))
                .build();
        WavFile wav = read(file);
        assertEquals(WavFormat.of(WavEncoding.FLOAT32, 3, 44100), wav.format());
        assertArrayEquals(new float[] {0.1f, 1.5f}, wav.audio().channel(0));
        assertArrayEquals(new float[] {0.2f, -2f}, wav.audio().channel(1));
        assertArrayEquals(new float[] {-0.3f, 0f}, wav.audio().channel(2));
    }

    @Test
    void oddSizedUnknownChunksArePaddedAndSkipped() throws IOException {
        byte[] file = RiffBytes.wave()
                .chunk("bext", new byte[] {1, 2, 3})
                .chunk("fmt ", RiffBytes.fmt(1, 1, 22050, 2, 16))
                .chunk("junk", new byte[] {9, 9, 9, 9, 9})
                .chunk("data", RiffBytes.le16(16384, -16384, 1))
                .chunk("LIST", new byte[] {'I', 'N', 'F', 'O', 'x'})
                .build();
        WavFile wav = read(file);
        assertEquals(22050, wav.audio().sampleRate());
        assertArrayEquals(new float[] {0.5f, -0.5f, 1f / 32768}, wav.audio().channel(0));
    }

    @Test
    void oddSizedDataChunkIsFollowedByItsPadByte() throws IOException {
        byte[] file = RiffBytes.wave()
                .chunk("fmt ", RiffBytes.fmt(1, 1, 8000, 1, 8))
                .chunk("data", new byte[] {0, (byte) 128, (byte) 255})
                .chunk("acid", new byte[24])
                .build();
        WavFile wav = read(file);
        assertEquals(WavFormat.of(WavEncoding.PCM8, 1, 8000), wav.format());
        assertArrayEquals(new float[] {-1f, 0f, 127f / 128}, wav.audio().channel(0));
    }

    @Test
    void sixtyFourBitFloat() throws IOException {
        byte[] file = RiffBytes.wave()
                .chunk("fmt ", RiffBytes.fmt(3, 2, 192000, 16, 64))
                .chunk("data", RiffBytes.leDouble(0.25, -0.75, 1e-3, 0.0))
                .build();
        WavFile wav = read(file);
        assertEquals(WavFormat.of(WavEncoding.FLOAT64, 2, 192000), wav.format());
        assertArrayEquals(new float[] {0.25f, 1e-3f}, wav.audio().channel(0));
        assertArrayEquals(new float[] {-0.75f, 0f}, wav.audio().channel(1));
    }

    @Test
    void twelveBitPcmInSixteenBitContainers() throws IOException {
        byte[] file = RiffBytes.wave()
                .chunk("fmt ", RiffBytes.fmt(1, 1, 11025, 2, 12))
                .chunk("data", RiffBytes.le16(0x4000))
                .build();
        WavFile wav = read(file);
        assertEquals(new WavFormat(WavEncoding.PCM16, 12, 1, 11025), wav.format());
        assertArrayEquals(new float[] {0.5f}, wav.audio().channel(0));
    }

    @Test
    void wrongRiffSizesAndPartialFramesAreTolerated() throws IOException {
        byte[] streamed = RiffBytes.wave().riffSize(0xFFFF_FFFFL)
                .chunk("fmt ", RiffBytes.fmt(1, 2, 44100, 4, 16))
                .chunk("data", new byte[] {0, 0x40, 0, (byte) 0xC0, 1, 2}) // one frame and a stray half frame
                .build();
        WavFile wav = read(streamed);
        assertEquals(1, wav.audio().frames());
        assertArrayEquals(new float[] {0.5f}, wav.audio().channel(0));
        assertArrayEquals(new float[] {-0.5f}, wav.audio().channel(1));

        byte[] tooSmall = RiffBytes.wave().riffSize(4)
                .chunk("fmt ", RiffBytes.fmt(1, 1, 44100, 2, 16))
                .chunk("data", RiffBytes.le16(8192))
                .build();
        assertArrayEquals(new float[] {0.25f}, read(tooSmall).audio().channel(0));
    }

    @Test
    void streamAndFileReadsAgreeOnALongFile() throws IOException {
        // Longer than the stream reader's first allocation, so its buffers grow on the way.
        AudioBuffer audio = TestSignals.tones(2, 200_003, 32000, 0.5, 0.1, 77);
        Path file = dir.resolve("long.wav");
        WavWriter.write(file, audio, WavEncoding.PCM24, null);
        WavFile fromPath = WavReader.read(file);
        WavFile fromStream = WavReader.read(Files.newInputStream(file), "long.wav");
        assertEquals(200_003, fromStream.audio().frames());
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(fromPath.audio().channel(c), fromStream.audio().channel(c));
        }
    }

    @Test
    void chunksAfterTheRiffEndAreNotRead() throws IOException {
        byte[] wav = RiffBytes.wave()
                .chunk("fmt ", RiffBytes.fmt(1, 1, 44100, 2, 16))
                .chunk("data", RiffBytes.le16(100))
                .build();
        byte[] trailing = RiffBytes.wave().chunk("fmt ", new byte[3]).build(); // would be an error if parsed
        byte[] both = new byte[wav.length + trailing.length];
        System.arraycopy(wav, 0, both, 0, wav.length);
        System.arraycopy(trailing, 0, both, wav.length, trailing.length);
        assertEquals(1, read(both).audio().frames());
    }
}
