package io.djia.core.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.djia.core.audio.AudioBuffer;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavAtomicWriteTest {
    @TempDir
    Path dir;

    private List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writingLeavesOnlyTheTargetAndReplacesAnOldFile() throws IOException {
        Path target = dir.resolve("mix.wav");
        WavWriter.write(target, TestSignals.tones(2, 1000, 44100, 0.5, 0, 1), WavEncoding.PCM16, null);
        AudioBuffer second = TestSignals.tones(1, 50, 48000, 0.25, 0, 2);
        WavWriter.write(target, second, WavEncoding.FLOAT32, null);
        assertEquals(List.of("mix.wav"), listing(dir));
        assertArrayEquals(second.channel(0), WavReader.read(target).audio().channel(0));
    }

    @Test
    void aNanSampleIsAnErrorAndLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("keep.wav");
        WavWriter.write(target, TestSignals.tones(1, 100, 44100, 0.5, 0, 1), WavEncoding.PCM16, null);
        byte[] before = Files.readAllBytes(target);

        AudioBuffer broken = TestSignals.tones(2, 70_000, 44100, 0.5, 0, 3);
        broken.channel(1)[65_000] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WavWriter.write(target, broken, WavEncoding.PCM24, null));
        assertEquals("sample NaN at channel 1, frame 65000: a WAV file can only hold finite samples", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("keep.wav"), listing(dir));

        broken.channel(1)[65_000] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> WavWriter.write(target, broken, WavEncoding.FLOAT32, null));
        assertArrayEquals(before, Files.readAllBytes(target));
    }

    @Test
    void aFailedRenameDeletesTheTemporaryFile() throws IOException {
        // The target is a folder that is not empty, so the final rename fails after all data was written.
        Path target = dir.resolve("taken.wav");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "x");
        assertThrows(IOException.class,
                () -> WavWriter.write(target, TestSignals.tones(1, 100, 44100, 0.5, 0, 1), WavEncoding.PCM16, null));
        assertEquals(List.of("taken.wav"), listing(dir));
        assertEquals(List.of("inside.txt"), listing(target));
    }

    @Test
    void aReadOnlyFolderFailsWithoutCreatingAnything() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(locked), "permissions are not enforced for this user (root)");
            assertThrows(AccessDeniedException.class, () -> WavWriter.write(locked.resolve("x.wav"),
                    TestSignals.tones(1, 10, 44100, 0.5, 0, 1), WavEncoding.PCM16, null));
            assertEquals(List.of(), listing(locked));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingFolderIsAnIoError() {
        assertThrows(IOException.class, () -> WavWriter.write(dir.resolve("no/such/dir/x.wav"),
                TestSignals.tones(1, 10, 44100, 0.5, 0, 1), WavEncoding.PCM16, null));
    }
}
