package io.djia.core.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Tempo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavLoopMetadataTest {
    @TempDir
    Path dir;

    @Test
    void fourBarLoopRoundTripsThroughSmplAndAcid() throws IOException {
        Tempo tempo = new Tempo(123.5, 4);
        LoopMetadata loop = LoopMetadata.ofBars(tempo, 4, 44100, 57);
        assertEquals(tempo.framesOfBars(4, 44100), loop.loopEndFrame());
        AudioBuffer audio = TestSignals.tones(2, (int) loop.loopEndFrame(), 44100, 0.5, 0, 1);
        Path file = dir.resolve("loop.wav");
        WavWriter.write(file, audio, WavEncoding.PCM24, loop);

        LoopMetadata read = WavReader.read(file).loop().orElseThrow();
        assertEquals(loop, read); // 123.5 is exact in the acid chunk's float
        assertEquals(16, read.beats());

        byte[] bytes = Files.readAllBytes(file);
        int smpl = RiffBytes.indexOf(bytes, "smpl");
        assertEquals(60, RiffBytes.readLe32(bytes, smpl + 4));
        assertEquals(22676, RiffBytes.readLe32(bytes, smpl + 8 + 8)); // ns per sample at 44.1 kHz
        assertEquals(57, RiffBytes.readLe32(bytes, smpl + 8 + 12));
        assertEquals(1, RiffBytes.readLe32(bytes, smpl + 8 + 28));
        assertEquals(0, RiffBytes.readLe32(bytes, smpl + 8 + 36 + 4)); // forward loop
        assertEquals(loop.loopEndFrame() - 1, RiffBytes.readLe32(bytes, smpl + 8 + 36 + 12)); // inclusive end
        int acid = RiffBytes.indexOf(bytes, "acid");
        int flags = RiffBytes.readLe32(bytes, acid + 8);
        assertEquals(0, flags & LoopChunks.ACID_ONE_SHOT);
        assertEquals(123.5f, ByteBuffer.wrap(bytes, acid + 8 + 20, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
        assertEquals(4, RiffBytes.readLe16(bytes, acid + 8 + 18)); // meter numerator
    }

    @Test
    void tempoIsKeptToFloatPrecision() throws IOException {
        LoopMetadata loop = new LoopMetadata(100, 4000, 127.33, 8, 48, 3);
        Path file = dir.resolve("waltz.wav");
        WavWriter.write(file, TestSignals.tones(1, 4000, 48000, 0.5, 0, 1), WavEncoding.FLOAT32, loop);
        LoopMetadata read = WavReader.read(file).loop().orElseThrow();
        assertEquals(127.33, read.bpm(), 1e-4);
        assertEquals(new LoopMetadata(100, 4000, read.bpm(), 8, 48, 3), read);
    }

    @Test
    void aLoopWithoutTempoWritesOnlySmpl() throws IOException {
        LoopMetadata loop = new LoopMetadata(5, 17, LoopMetadata.UNKNOWN_BPM, 0, 72, 4);
        Path file = dir.resolve("pad.wav");
        WavWriter.write(file, TestSignals.tones(1, 21, 32000, 0.5, 0, 1), WavEncoding.PCM16, loop);
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(RiffBytes.indexOf(bytes, "smpl") > 0);
        assertEquals(-1, RiffBytes.indexOf(bytes, "acid"));
        LoopMetadata read = WavReader.read(file).loop().orElseThrow();
        assertEquals(loop, read);
        assertFalse(read.hasTempo());
    }

    private static byte[] acidPayload(int flags, int root, int beats, int numerator, float tempo) {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(flags).putShort((short) root)
                .putShort((short) 0x8000).putFloat(0).putInt(beats).putShort((short) 4).putShort((short) numerator)
                .putFloat(tempo).array();
    }

    private static byte[] smplPayload(int unityNote, int start, int endInclusive) {
        return ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(0).putInt(20833)
                .putInt(unityNote).putInt(0).putInt(0).putInt(0).putInt(1).putInt(0)
                .putInt(0).putInt(0).putInt(start).putInt(endInclusive).putInt(0).putInt(0).array();
    }

    private static Optional<LoopMetadata> loopOf(RiffBytes file) throws IOException {
        return WavReader.read(new ByteArrayInputStream(file.build()), "loop.wav").loop();
    }

    private static RiffBytes monoFile(int frames) {
        return RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(1, 1, 48000, 2, 16)).chunk("data", new byte[2 * frames]);
    }

    @Test
    void anAcidChunkAloneLoopsTheWholeFile() throws IOException {
        LoopMetadata loop = loopOf(monoFile(96).chunk("acid", acidPayload(0x06, 50, 2, 4, 90f))).orElseThrow();
        assertEquals(new LoopMetadata(0, 96, 90.0, 2, 50, 4), loop);
    }

    @Test
    void aOneShotDoesNotLoopAndSmplOutranksAcidForTheRootNote() throws IOException {
        assertEquals(Optional.empty(), loopOf(monoFile(96).chunk("acid", acidPayload(0x01, 50, 2, 4, 90f))));
        LoopMetadata both = loopOf(monoFile(96).chunk("acid", acidPayload(0x02, 50, 2, 4, 90f))
                .chunk("smpl", smplPayload(64, 10, 49))).orElseThrow();
        assertEquals(new LoopMetadata(10, 50, 90.0, 2, 64, 4), both);
    }

    @Test
    void outOfRangeMetadataIsDroppedNotFatal() throws IOException {
        // Loop past the data is cut at the last frame; a NaN tempo and a 0/4 meter fall back to unknown and 4.
        LoopMetadata loop = loopOf(monoFile(96).chunk("smpl", smplPayload(200, 40, 1000))
                .chunk("acid", acidPayload(0x02, 300, 7, 0, Float.NaN))).orElseThrow();
        assertEquals(new LoopMetadata(40, 96, LoopMetadata.UNKNOWN_BPM, 7, 60, 4), loop);
        // A smpl chunk without loops and no acid chunk says nothing about looping.
        byte[] noLoops = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 60).array();
        assertEquals(Optional.empty(), loopOf(monoFile(96).chunk("smpl", noLoops)));
    }

    @Test
    void loopMetadataValidatesItsFields() {
        assertThrows(IllegalArgumentException.class, () -> new LoopMetadata(-1, 10, 120, 4, 60, 4));
        assertThrows(IllegalArgumentException.class, () -> new LoopMetadata(10, 10, 120, 4, 60, 4));
        assertThrows(IllegalArgumentException.class, () -> new LoopMetadata(0, 10, -5, 4, 60, 4));
        assertThrows(IllegalArgumentException.class, () -> new LoopMetadata(0, 10, Double.NaN, 4, 60, 4));
        assertThrows(IllegalArgumentException.class, () -> new LoopMetadata(0, 10, 120, 4, 128, 4));
        assertThrows(IllegalArgumentException.class, () -> new LoopMetadata(0, 10, 120, 4, 60, 0));
        assertThrows(IllegalArgumentException.class, () -> new LoopMetadata(0, 1L << 33, 120, 4, 60, 4));
    }

    @Test
    void aLoopEndingAfterTheAudioIsRejectedBeforeAnyFileIsMade() {
        Path file = dir.resolve("short.wav");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WavWriter.write(file,
                TestSignals.tones(1, 100, 44100, 0.5, 0, 1), WavEncoding.PCM16, new LoopMetadata(0, 101, 120, 1, 60, 4)));
        assertEquals("loop ends at frame 101 but the audio has 100 frames", e.getMessage());
        assertFalse(Files.exists(file));
    }
}
