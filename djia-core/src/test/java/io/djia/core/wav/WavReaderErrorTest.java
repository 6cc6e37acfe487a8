package io.djia.core.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad file gives a WavFormatException whose message names the file and the problem. */
class WavReaderErrorTest {
    @TempDir
    Path dir;

    private static final byte[] FMT_MONO_16 = RiffBytes.fmt(1, 1, 44100, 2, 16);

    private static String problem(byte[] file) {
        WavFormatException e = assertThrows(WavFormatException.class,
                () -> WavReader.read(new ByteArrayInputStream(file), "bad.wav"));
        assertEquals("bad.wav", e.sourceName());
        assertEquals("bad.wav: " + e.problem(), e.getMessage());
        return e.problem();
    }

    @Test
    void notARiffFile() {
        assertEquals("not a RIFF file: it is empty", problem(new byte[0]));
        assertEquals("not a RIFF file: only 3 bytes, a WAV header needs 12", problem(new byte[] {'R', 'I', 'F'}));
        assertEquals("not a RIFF file: starts with 'OggS', expected 'RIFF'",
                problem(RiffBytes.wave().riffId("OggS").build()));
        assertEquals("not a RIFF file: starts with 0x49443303, expected 'RIFF'",
                problem(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals("RIFF form is 'AVI ', expected 'WAVE'", problem(RiffBytes.wave().formId("AVI ").build()));
        assertTrue(problem(RiffBytes.wave().riffId("RIFX").build()).startsWith("big-endian RIFX"));
        assertTrue(problem(RiffBytes.wave().riffId("RF64").build()).startsWith("'RF64' (64-bit WAV)"));
    }

    @Test
    void missingChunks() {
        assertEquals("no fmt chunk", problem(RiffBytes.wave().chunk("LIST", new byte[4]).build()));
        assertEquals("no data chunk", problem(RiffBytes.wave().chunk("fmt ", FMT_MONO_16).build()));
        assertEquals("the data chunk comes before any fmt chunk; expected 'fmt ' first",
                problem(RiffBytes.wave().chunk("data", new byte[4]).chunk("fmt ", FMT_MONO_16).build()));
        assertEquals("more than one fmt chunk",
                problem(RiffBytes.wave().chunk("fmt ", FMT_MONO_16).chunk("fmt ", FMT_MONO_16).build()));
    }

    @Test
    void unsupportedCodecsAreNamed() {
        assertEquals("unsupported codec 0x0055 (MP3); expected PCM (0x0001) or IEEE float (0x0003)",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(0x55, 2, 44100, 1, 0)).chunk("data", new byte[8]).build()));
        assertEquals("unsupported codec 0x0011 (IMA ADPCM); expected PCM (0x0001) or IEEE float (0x0003)",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(0x11, 1, 22050, 256, 4)).build()));
        assertEquals("unsupported codec 0x0055 (MP3); expected PCM (0x0001) or IEEE float (0x0003)",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmtExtensible(2, 44100, 16, 16, 3, 0x55)).build()));
        byte[] foreignGuid = new byte[14];
        foreignGuid[13] = 1;
        assertEquals("unsupported WAVE_FORMAT_EXTENSIBLE subformat GUID 00000001-0000-0000-0000-000000000001;"
                        + " expected KSDATAFORMAT_SUBTYPE_PCM or _IEEE_FLOAT",
                problem(RiffBytes.wave().chunk("fmt ",
                        RiffBytes.fmtExtensible(2, 44100, 16, 16, 3, 1, foreignGuid)).build()));
        assertEquals("24-bit IEEE float; expected 32 or 64 bits",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(3, 1, 44100, 3, 24)).build()));
        assertEquals("40-bit PCM; expected 1 to 32 bits",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(1, 1, 44100, 5, 40)).build()));
    }

    @Test
    void inconsistentFormatFields() {
        assertEquals("0 channels; expected 1..64",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(1, 0, 44100, 0, 16)).build()));
        assertEquals("65 channels; at most 64 are supported",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(1, 65, 44100, 130, 16)).build()));
        assertEquals("sample rate 0 Hz; expected 1..4000000",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(1, 1, 0, 2, 16)).build()));
        assertEquals("block align 3 does not match 2 channels of 16 bits; expected 4",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(1, 2, 44100, 3, 16)).build()));
        assertEquals("fmt chunk has 14 bytes, expected at least 16",
                problem(RiffBytes.wave().chunk("fmt ", new byte[14]).build()));
        assertEquals("WAVE_FORMAT_EXTENSIBLE fmt chunk has 16 bytes, expected 40 with a 22-byte extension",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmt(0xFFFE, 1, 44100, 2, 16)).build()));
        assertEquals("32 valid bits in a 24-bit container",
                problem(RiffBytes.wave().chunk("fmt ", RiffBytes.fmtExtensible(1, 44100, 24, 32, 4, 1)).build()));
    }

    @Test
    void truncatedDataIsAnErrorNamingTheFileAndTheByteCounts() throws IOException {
        byte[] file = RiffBytes.wave().chunk("fmt ", FMT_MONO_16)
                .chunk("data", 4000, new byte[1000], false)
                .build();
        assertEquals("truncated: data chunk claims 4000 bytes, only 1000 present", problem(file));

        Path onDisk = dir.resolve("cut.wav");
        Files.write(onDisk, file);
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavReader.read(onDisk));
        assertEquals(onDisk + ": truncated: data chunk claims 4000 bytes, only 1000 present", e.getMessage());
    }

    @Test
    void truncatedChunksBeforeTheData() {
        assertEquals("truncated: chunk 'fmt ' claims 16 bytes, only 10 present",
                problem(RiffBytes.wave().chunk("fmt ", 16, new byte[10], false).build()));
        assertEquals("truncated: chunk 'LIST' at byte 12 claims 100 bytes, only 2 present",
                problem(RiffBytes.wave().chunk("LIST", 100, new byte[2], false).build()));
        assertEquals("truncated: chunk header at byte 36 has only 3 of 8 bytes",
                problem(RiffBytes.wave().chunk("fmt ", FMT_MONO_16).raw(new byte[] {'d', 'a', 't'}).build()));
        assertEquals("chunk 'fmt ' claims 2000000 bytes; at most 1048576 expected",
                problem(RiffBytes.wave().chunk("fmt ", 2_000_000, new byte[16], false).build()));
    }

    @Test
    void damagedFilesOnlyEverFailWithWavFormatException() throws IOException {
        // Cut and bit-flipped copies of a valid file: each must read or fail cleanly, never with an index error.
        Path source = dir.resolve("good.wav");
        WavWriter.write(source, TestSignals.tones(2, 300, 44100, 0.5, 0.1, 5), WavEncoding.PCM24,
                new LoopMetadata(10, 200, 120, 4, 60, 4));
        byte[] good = Files.readAllBytes(source);
        SplittableRandom random = new SplittableRandom(2024);
        int failures = 0;
        for (int trial = 0; trial < 400; trial++) {
            byte[] bad = java.util.Arrays.copyOf(good, trial % 2 == 0 ? random.nextInt(good.length) : good.length);
            for (int flips = 0; flips < 3 && bad.length > 0; flips++) {
                int at = random.nextInt(Math.min(bad.length, 120)); // headers live at the start
                bad[at] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                WavReader.read(new ByteArrayInputStream(bad), "fuzz-" + trial);
            } catch (WavFormatException e) {
                failures++;
                assertTrue(e.getMessage().startsWith("fuzz-" + trial + ": "), e.getMessage());
            }
        }
        assertTrue(failures > 100, "only " + failures + " of 400 damaged files were rejected");
    }
}
