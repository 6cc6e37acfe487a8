package io.djia.separate.demucs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The HTDemucs spectrogram conventions that a real model's weights were trained against. */
class HybridSpectrogramTest {
    private static final int FFT = 1024;
    private static final int HOP = 256;
    private static final int SEGMENT = 16384;

    @Test
    void sineAtABinCentreHasTorchNormalisedMagnitude() {
        HybridSpectrogram spec = new HybridSpectrogram(FFT, HOP, SEGMENT);
        float[] x = new float[SEGMENT];
        for (int i = 0; i < SEGMENT; i++) {
            x[i] = (float) (0.5 * Math.cos(2 * Math.PI * 37 * i / FFT));
        }
        float[] out = new float[4 * spec.bins() * spec.frames()];
        spec.forward(x, 0, out, 0);
        int t = spec.frames() / 2;
        double re = out[37 * spec.frames() + t];
        double im = out[spec.bins() * spec.frames() + 37 * spec.frames() + t];
        // Hann sums to N/2, a cosine of amplitude A puts A/2 of it in its bin, normalised by 1/sqrt(N).
        assertEquals(0.5 * (FFT / 2.0) / 2 / Math.sqrt(FFT), Math.hypot(re, im), 1e-3);
        assertEquals(SEGMENT / HOP, spec.frames());
        assertEquals(FFT / 2, spec.bins());
    }

    @Test
    void frameJIsCentredHalfAHopAfterSampleJTimesHop() {
        HybridSpectrogram spec = new HybridSpectrogram(FFT, HOP, SEGMENT);
        float[] x = new float[SEGMENT];
        x[(int) (10.5 * HOP)] = 1f;
        float[] out = new float[4 * spec.bins() * spec.frames()];
        spec.forward(x, 0, out, 0);
        int loudest = 0;
        double best = -1;
        for (int t = 0; t < spec.frames(); t++) {
            double e = 0;
            for (int f = 0; f < spec.bins(); f++) {
                float r = out[f * spec.frames() + t];
                float i = out[spec.bins() * spec.frames() + f * spec.frames() + t];
                e += r * r + i * i;
            }
            if (e > best) {
                best = e;
                loudest = t;
            }
        }
        assertEquals(10, loudest);
    }

    @Test
    void inverseRebuildsTheSegmentAwayFromTheCroppedEdges() {
        HybridSpectrogram spec = new HybridSpectrogram(FFT, HOP, SEGMENT);
        // Tones below 0.4 of the sample rate: HTDemucs drops the Nyquist bin, so content there would not return.
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[SEGMENT];
        for (int k = 0; k < 20; k++) {
            double cycles = random.nextDouble() * 0.4;
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < SEGMENT; i++) {
                x[i] += (float) (0.05 * Math.cos(2 * Math.PI * cycles * i + phase));
            }
        }
        float[] out = new float[4 * spec.bins() * spec.frames()];
        spec.forward(x, 0, out, 0);
        float[] y = new float[SEGMENT];
        spec.inverseAdd(out, 0, y, 0);
        // Exact once every frame covering a sample was kept: from 1.5 hops in to the last whole frame.
        for (int i = 2 * HOP; i < SEGMENT - 2 * HOP; i++) {
            assertEquals(x[i], y[i], 1e-4, "sample " + i);
        }
    }

    @Test
    void reflectMirrorsWithoutRepeatingTheEdge() {
        assertEquals(1, HybridSpectrogram.reflect(-1, 5));
        assertEquals(3, HybridSpectrogram.reflect(5, 5));
        assertEquals(0, HybridSpectrogram.reflect(8, 5));
        assertEquals(2, HybridSpectrogram.reflect(2, 5));
    }
}
