package io.djia.core.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealFftTest {
    @Test
    void sineLandsInItsBinWithExpectedMagnitude() {
        int n = 1024;
        RealFft fft = new RealFft(n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.cos(2 * Math.PI * 37 * i / n);
        }
        float[] re = new float[fft.bins()];
        float[] im = new float[fft.bins()];
        fft.forward(x, re, im);
        assertEquals(n / 2.0, Math.hypot(re[37], im[37]), 1e-2);
        assertEquals(0.0, Math.hypot(re[36], im[36]), 1e-2);
    }

    @Test
    void inverseRestoresTheSignal() {
        int n = 512;
        RealFft fft = new RealFft(n);
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        float[] re = new float[fft.bins()];
        float[] im = new float[fft.bins()];
        float[] y = new float[n];
        fft.forward(x, re, im);
        fft.inverse(re, im, y);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], y[i], 1e-5);
        }
    }
}
