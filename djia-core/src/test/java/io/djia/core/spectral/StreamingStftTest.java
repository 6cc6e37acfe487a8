package io.djia.core.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StreamingStftTest {
    private static float[] noise(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** Feeds {@code x} in blocks of irregular lengths, as an audio callback would. */
    private static float[] stream(StreamingStft stft, float[] x, StreamingStft.FrameProcessor processor) {
        float[] y = new float[x.length];
        SplittableRandom random = new SplittableRandom(11);
        int pos = 0;
        while (pos < x.length) {
            int block = Math.min(x.length - pos, 1 + random.nextInt(700));
            stft.process(x, pos, y, pos, block, processor);
            pos += block;
        }
        return y;
    }

    @ParameterizedTest(name = "{2} N={0} hop={1}")
    @CsvSource({"1024, 512, HANN", "1024, 256, HANN", "512, 256, SQRT_HANN", "256, 256, RECTANGULAR"})
    void unchangedSpectrumGivesDelayedInput(int n, int hop, WindowType window) {
        StreamingStft stft = new StreamingStft(n, hop, window);
        float[] x = noise(20_000, n);
        float[] y = stream(stft, x, (re, im) -> { });
        int latency = stft.latencyFrames();
        assertEquals(n - 1, latency);
        double maxError = 0;
        for (int i = 0; i < x.length; i++) {
            float expected = i >= latency ? x[i - latency] : 0f;
            maxError = Math.max(maxError, Math.abs(y[i] - expected));
        }
        assertTrue(maxError < 1e-5, "max error " + maxError);
    }

    @Test
    void processorEditsReachTheOutput() {
        int n = 1024;
        StreamingStft stft = new StreamingStft(n, 256, WindowType.HANN);
        float[] x = new float[30_000];
        // Two sines exactly on bins 20 and 100; the processor removes bins above 50.
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 20 * i / n) + 0.5 * Math.sin(2 * Math.PI * 100 * i / n));
        }
        float[] y = stream(stft, x, (re, im) -> {
            for (int k = 51; k < re.length; k++) {
                re[k] = 0f;
                im[k] = 0f;
            }
        });
        int latency = stft.latencyFrames();
        for (int i = 5000; i < x.length; i += 13) {
            double low = 0.5 * Math.sin(2 * Math.PI * 20 * (i - latency) / n);
            assertEquals(low, y[i], 1e-4);
        }
    }

    @Test
    void resetForgetsHistory() {
        StreamingStft stft = new StreamingStft(512, 128, WindowType.HANN);
        float[] x = noise(4000, 5);
        float[] first = stream(stft, x, (re, im) -> { });
        stream(stft, noise(3000, 6), (re, im) -> { });
        stft.reset();
        float[] again = stream(stft, x, (re, im) -> { });
        for (int i = 0; i < x.length; i++) {
            assertEquals(first[i], again[i], 0f);
        }
    }
}
