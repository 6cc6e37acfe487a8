package io.djia.generate.cache;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavReader;
import io.djia.core.wav.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Generated clips on disk: {@code <sha256>.wav} (32-bit float, the model's own rate) next to
 * {@code <sha256>.key} holding the key's canonical text, which is compared on every read so a hash collision or
 * a half-written entry is a miss, never a wrong clip. Writes are atomic. A damaged entry is a miss and is
 * replaced by the next {@link #put}.
 */
public final class ClipCache {
    /** Environment variable naming the cache folder. */
    public static final String CACHE_DIR_ENV = "DJIA_CACHE_DIR";
    private final Path folder;

    public ClipCache(Path folder) {
        this.folder = folder;
    }

    /** $DJIA_CACHE_DIR, else ~/.djia/cache/clips. */
    public static Path defaultFolder() {
        String env = System.getenv(CACHE_DIR_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".djia", "cache", "clips");
    }

    public Path folder() {
        return folder;
    }

    /** The cached clip, or empty on a miss (absent, other key, unreadable). */
    public Optional<AudioBuffer> get(ClipKey key) {
        String hash = key.hash();
        Path wav = folder.resolve(hash + ".wav");
        Path keyFile = folder.resolve(hash + ".key");
        try {
            if (!Files.isRegularFile(wav) || !Files.isRegularFile(keyFile)
                    || !Files.readString(keyFile, StandardCharsets.UTF_8).equals(key.canonical())) {
                return Optional.empty();
            }
            return Optional.of(WavReader.read(wav).audio());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores a clip.
     *
     * @throws UncheckedIOException when the folder cannot be written, naming it
     */
    public void put(ClipKey key, AudioBuffer audio) {
        String hash = key.hash();
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, hash, ".key.tmp");
            try {
                Files.writeString(tmp, key.canonical(), StandardCharsets.UTF_8);
                WavWriter.write(folder.resolve(hash + ".wav"), audio, WavEncoding.FLOAT32, null);
                Files.move(tmp, folder.resolve(hash + ".key"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the clip cache in " + folder + ": " + e.getMessage(), e);
        }
    }
}
