package io.djia.generate.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipCacheTest {
    private static AudioBuffer noise(long seed, int frames) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return new AudioBuffer(new float[][] {x}, 32000);
    }

    @Test
    void storesClipsBitExactlyByEveryPartOfTheKey(@TempDir Path dir) {
        ClipCache cache = new ClipCache(dir);
        ClipKey key = new ClipKey("musicgen-small", "cfg=3 topk=250", "dub skank, 75 bpm", 42, 100);
        assertTrue(cache.get(key).isEmpty());
        AudioBuffer clip = noise(1, 64000);
        cache.put(key, clip);
        AudioBuffer back = cache.get(key).orElseThrow();
        assertEquals(32000, back.sampleRate());
        assertArrayEquals(clip.channel(0), back.channel(0));
        assertTrue(cache.get(new ClipKey("musicgen-small", "cfg=3 topk=250", "dub skank, 75 bpm", 43, 100)).isEmpty());
        assertTrue(cache.get(new ClipKey("musicgen-medium", "cfg=3 topk=250", "dub skank, 75 bpm", 42, 100)).isEmpty());
        assertTrue(cache.get(new ClipKey("musicgen-small", "cfg=3 topk=250", "dub skank, 75 bpm", 42, 101)).isEmpty());
        assertTrue(cache.get(new ClipKey("musicgen-small", "cfg=2 topk=250", "dub skank, 75 bpm", 42, 100)).isEmpty());
        assertTrue(cache.get(new ClipKey("musicgen-small", "cfg=3 topk=250", "dub skank, 76 bpm", 42, 100)).isEmpty());
    }

    @Test
    void fieldBoundariesCannotBeConfused() {
        ClipKey a = new ClipKey("ab", "c", "p", 1, 10);
        ClipKey b = new ClipKey("a", "bc", "p", 1, 10);
        assertNotEquals(a.canonical(), b.canonical());
        assertNotEquals(a.hash(), b.hash());
    }

    @Test
    void aDamagedOrForeignEntryIsAMiss(@TempDir Path dir) throws IOException {
        ClipCache cache = new ClipCache(dir);
        ClipKey key = new ClipKey("musicgen-small", "", "rock riff", 7, 50);
        cache.put(key, noise(2, 3200));
        Files.writeString(dir.resolve(key.hash() + ".key"), "something else");
        assertTrue(cache.get(key).isEmpty());
        cache.put(key, noise(3, 3200));
        assertArrayEquals(noise(3, 3200).channel(0), cache.get(key).orElseThrow().channel(0));
        Files.write(dir.resolve(key.hash() + ".wav"), new byte[] {1, 2, 3});
        assertTrue(cache.get(key).isEmpty());
    }
}
