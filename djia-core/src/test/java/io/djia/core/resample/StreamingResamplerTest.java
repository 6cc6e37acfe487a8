package io.djia.core.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StreamingResamplerTest {
    /** Streams {@code input} (then enough silence to flush) in seeded random blocks; returns all output. */
    private static float[][] stream(StreamingResampler stream, float[][] input, int tailFrames, int maxBlock, long seed) {
        int channels = input.length;
        int total = input[0].length + tailFrames;
        float[][] padded = new float[channels][total];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(input[c], 0, padded[c], 0, input[c].length);
        }
        float[][] out = new float[channels][stream.maxOutputFrames(total) + total];
        float[][] block = new float[channels][stream.maxOutputFrames(maxBlock)];
        SplittableRandom random = new SplittableRandom(seed);
        int at = 0;
        int written = 0;
        while (at < total) {
            int n = Math.min(total - at, 1 + random.nextInt(maxBlock));
            int produced = stream.process(padded, at, n, block, 0);
            assertTrue(produced <= stream.maxOutputFrames(n));
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], 0, out[c], written, produced);
            }
            written += produced;
            at += n;
        }
        float[][] result = new float[channels][written];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(out[c], 0, result[c], 0, written);
        }
        return result;
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"32000, 44100", "48000, 44100", "48000, 32000", "44100, 48001", "44100, 44100"})
    void streamEqualsOfflineDelayedByTheLatency(int inRate, int outRate) {
        SplittableRandom random = new SplittableRandom(inRate + outRate);
        float[][] input = new float[2][6000];
        for (float[] ch : input) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) (random.nextDouble() - 0.5);
            }
        }
        Resampler resampler = Resampler.create(inRate, outRate);
        AudioBuffer offline = resampler.apply(new AudioBuffer(input, inRate));
        StreamingResampler stream = resampler.newStream(2, 512);
        int latency = stream.latencyFrames();
        float[][] streamed = stream(stream, input, 2 * resampler.kernelHalfWidthFrames() + 10, 512, 7);

        assertTrue(streamed[0].length >= latency + offline.frames(), "stream emitted " + streamed[0].length);
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < offline.frames(); n++) {
                assertEquals(offline.channel(c)[n], streamed[c][n + latency], 0.0, "channel " + c + " frame " + n);
            }
        }
    }

    @Test
    void latencyIsTheKernelReachInOutputFrames() {
        Resampler resampler = Resampler.create(32000, 44100);
        StreamingResampler stream = resampler.newStream(1, 256);
        assertEquals(Math.ceil(resampler.kernelHalfWidthFrames() * 44100.0 / 32000), stream.latencyFrames(), 0);
        assertEquals(0, Resampler.create(48000, 48000).newStream(1, 256).latencyFrames());
        // Fixed input blocks give output blocks of the ratio, to within one frame.
        float[][] in = new float[1][256];
        float[][] out = new float[1][stream.maxOutputFrames(256)];
        stream.process(in, 0, 256, out, 0);
        for (int i = 0; i < 50; i++) {
            int produced = stream.process(in, 0, 256, out, 0);
            assertEquals(256 * 44100.0 / 32000, produced, 1.0);
        }
    }

    @Test
    void resetStartsAFreshStream() {
        StreamingResampler stream = Resampler.create(44100, 48000).newStream(1, 100);
        float[][] in = new float[1][100];
        java.util.Arrays.fill(in[0], 1f);
        float[][] first = new float[1][stream.maxOutputFrames(100)];
        float[][] second = new float[1][stream.maxOutputFrames(100)];
        int a = stream.process(in, 0, 100, first, 0);
        stream.process(in, 0, 100, new float[1][stream.maxOutputFrames(100)], 0);
        stream.reset();
        int b = stream.process(in, 0, 100, second, 0);
        assertEquals(a, b);
        for (int i = 0; i < a; i++) {
            assertEquals(first[0][i], second[0][i], 0.0);
        }
    }

    @Test
    void blocksMustFitTheStream() {
        StreamingResampler stream = Resampler.create(44100, 48000).newStream(2, 64);
        assertThrows(IllegalArgumentException.class, () -> stream.process(new float[2][65], 0, 65, new float[2][200], 0));
        assertThrows(IllegalArgumentException.class, () -> stream.process(new float[2][64], 0, 64, new float[2][10], 0));
        assertThrows(IllegalArgumentException.class, () -> stream.process(new float[1][64], 0, 64, new float[1][200], 0));
    }
}
