package io.djia.core.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StftTest {
    private static float[] noise(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static double maxError(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @ParameterizedTest(name = "{2} N={0} hop={1}")
    @CsvSource({
        "1024, 512, HANN",
        "1024, 256, HANN",
        "2048, 1024, SQRT_HANN",
        "512, 128, SQRT_HANN",
        "256, 64, BLACKMAN",
        "4096, 1024, HAMMING",
        "64, 64, RECTANGULAR"
    })
    void inverseReconstructsTheSignal(int n, int hop, WindowType window) {
        float[] x = noise(10_007, n + hop);
        Stft stft = new Stft(n, hop, window);
        Spectrogram spec = stft.forward(x);
        assertEquals(x.length / hop + 1, spec.frames());
        assertEquals(n / 2 + 1, spec.bins());
        float[] y = stft.inverse(spec, x.length);
        assertTrue(maxError(x, y) < 1e-5, "max reconstruction error " + maxError(x, y));
    }

    @Test
    void frameIsCentredOnItsSample() {
        int n = 1024;
        int hop = 256;
        Stft stft = new Stft(n, hop, WindowType.HANN);
        float[] x = new float[8192];
        x[10 * hop] = 1f;
        Spectrogram spec = stft.forward(x);
        // An impulse at the frame centre meets the window's peak (1.0), giving a flat magnitude of 1 in every bin
        // and zero phase relative to the centre (the sign alternates because the centre is sample n/2 of the frame).
        assertEquals(1.0, spec.magnitude(10, 5), 1e-6);
        assertEquals(1.0, spec.magnitude(10, 200), 1e-6);
        assertEquals(-1.0, spec.re()[10][1], 1e-6);
        // Neighbouring frames see the impulse at hop samples from their centre, weighted by the Hann window there.
        double expected = 0.5 - 0.5 * Math.cos(2 * Math.PI * (n / 2 - hop) / n);
        assertEquals(expected, spec.magnitude(11, 3), 1e-6);
        assertEquals(0.0, spec.magnitude(14, 3), 1e-9);
    }

    @Test
    void sineEnergyLandsInItsBin() {
        int n = 2048;
        double sampleRate = 44_100;
        Stft stft = new Stft(n, 512, WindowType.HANN);
        int bin = 93;
        double hz = stft.binHz(bin, sampleRate);
        float[] x = new float[44_100];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * hz * i / sampleRate);
        }
        float[][] mags = stft.forward(x).magnitudes();
        float[] middle = mags[40];
        // Periodic Hann: coherent gain n/2 * 0.5 for a unit sine, neighbours at -6 dB, others far below.
        assertEquals(n / 4.0, middle[bin], n * 1e-4);
        assertEquals(n / 8.0, middle[bin + 1], n * 1e-4);
        assertTrue(middle[bin + 3] < 1e-2 * middle[bin]);
    }

    @Test
    void modifiedSpectrogramGivesLeastSquaresSignal() {
        Stft stft = new Stft(512, 128, WindowType.HANN);
        float[] x = noise(8000, 3);
        Spectrogram spec = stft.forward(x);
        for (int t = 0; t < spec.frames(); t++) {
            for (int k = 0; k < spec.bins(); k++) {
                spec.re()[t][k] *= 0.5f;
                spec.im()[t][k] *= 0.5f;
            }
        }
        float[] y = stft.inverse(spec, x.length);
        for (int i = 0; i < x.length; i += 97) {
            assertEquals(0.5 * x[i], y[i], 1e-5);
        }
    }

    @Test
    void forwardIntoAReusedSpectrogramMatchesANewOne() {
        Stft stft = new Stft(512, 128, WindowType.HANN);
        float[] x = noise(5000, 8);
        Spectrogram reused = Spectrogram.zeros(stft.frameCount(x.length), stft.bins());
        stft.forward(noise(5000, 9), reused);
        stft.forward(x, reused);
        Spectrogram fresh = stft.forward(x);
        for (int t = 0; t < fresh.frames(); t++) {
            for (int k = 0; k < fresh.bins(); k++) {
                assertEquals(fresh.re()[t][k], reused.re()[t][k], 0f);
                assertEquals(fresh.im()[t][k], reused.im()[t][k], 0f);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> stft.forward(x, Spectrogram.zeros(3, stft.bins())));
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Stft(1000, 250, WindowType.HANN));
        assertThrows(IllegalArgumentException.class, () -> new Stft(1024, 2048, WindowType.HANN));
        assertThrows(IllegalArgumentException.class, () -> new Stft(1024, 300, WindowType.HANN));
        Stft stft = new Stft(1024, 256, WindowType.HANN);
        assertThrows(IllegalArgumentException.class, () -> stft.inverse(Spectrogram.zeros(4, 257), 1000));
    }
}
