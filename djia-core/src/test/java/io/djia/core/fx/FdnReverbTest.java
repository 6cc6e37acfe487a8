package io.djia.core.fx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FdnReverbTest {
    private static final int FS = 48_000;

    private static float[][] impulseResponse(FdnReverb reverb, int frames) {
        float[][] x = new float[2][frames];
        x[0][0] = 1f;
        x[1][0] = 1f;
        return TestSignals.processInBlocks(reverb, x, 512);
    }

    /**
     * RT60 from Schroeder's backward-integrated energy decay curve (ISO 3382-1): a least-squares line
     * through the curve between -5 and -35 dB (T30), extrapolated to 60 dB.
     */
    static double rt60Seconds(float[] h) {
        double[] edc = new double[h.length];
        double sum = 0;
        for (int i = h.length - 1; i >= 0; i--) {
            sum += (double) h[i] * h[i];
            edc[i] = sum;
        }
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < h.length; i++) {
            double levelDb = 10 * Math.log10(edc[i] / edc[0]);
            if (levelDb <= -5 && levelDb >= -35) {
                double t = i / (double) FS;
                n++;
                sx += t;
                sy += levelDb;
                sxx += t * t;
                sxy += t * levelDb;
            }
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return -60 / slope;
    }

    @Test
    void measuredDecayTimeMatchesDecaySeconds() {
        for (double decay : new double[] {0.6, 1.5}) {
            for (double size : new double[] {0.2, 0.8}) {
                float[][] h = impulseResponse(new FdnReverb(FS, size, decay, 0.01, 1.0), (int) (2.5 * decay * FS));
                String what = " for decay " + decay + " s, size " + size;
                // Broadband: highs die faster by design (air absorption), so the white-noise figure is a bit short.
                assertEquals(decay, rt60Seconds(h[0]), 0.2 * decay, "broadband left RT60" + what);
                assertEquals(decay, rt60Seconds(h[1]), 0.2 * decay, "broadband right RT60" + what);
                // The wet energy stays near a quarter (-6 dB) of the impulse's whatever the size and decay.
                double energy = 0;
                for (float v : h[0]) {
                    energy += v * v;
                }
                assertEquals(-6.0, 10 * Math.log10(energy), 2.0, "wet energy" + what);
                // ISO 3382-1 mid-frequency figure: an octave band around 707 Hz, where the decay is set exactly.
                new Biquad(BiquadType.BAND_PASS, FS, 2, 707, Math.sqrt(2), 0, 0).process(h, h, h[0].length);
                assertEquals(decay, rt60Seconds(h[0]), 0.05 * decay, "mid-band RT60" + what);
            }
        }
    }

    @Test
    void nothingComesOutBeforeThePreDelay() {
        float[][] h = impulseResponse(new FdnReverb(FS, 0.5, 1.0, 0.02, 1.0), FS / 2);
        int preDelay = (int) Math.round(0.02 * FS);
        for (int i = 0; i < preDelay; i++) {
            assertEquals(0f, h[0][i], "frame " + i);
        }
        assertTrue(TestSignals.peak(h[0], preDelay, h[0].length) > 1e-3);
    }

    @Test
    void wetSignalCarriesNoDc() {
        FdnReverb reverb = new FdnReverb(FS, 0.7, 2.0, 0.01, 1.0);
        float[][] dc = new float[2][4 * FS];
        java.util.Arrays.fill(dc[0], 0.5f);
        java.util.Arrays.fill(dc[1], 0.5f);
        float[][] out = TestSignals.processInBlocks(reverb, dc, 512);
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            for (int i = 3 * FS; i < 4 * FS; i++) {
                mean += out[c][i];
            }
            mean /= FS;
            assertEquals(0.0, mean, 1e-3, "DC left in channel " + c);
        }
    }

    @Test
    void leftAndRightTailsAreDecorrelated() {
        float[][] h = impulseResponse(new FdnReverb(FS, 0.5, 1.5, 0.01, 1.0), 2 * FS);
        int from = FS / 20;
        int to = FS * 3 / 2;
        double lr = 0;
        double ll = 0;
        double rr = 0;
        for (int i = from; i < to; i++) {
            lr += (double) h[0][i] * h[1][i];
            ll += (double) h[0][i] * h[0][i];
            rr += (double) h[1][i] * h[1][i];
        }
        double correlation = lr / Math.sqrt(ll * rr);
        assertTrue(Math.abs(correlation) < 0.2, "normalised L/R correlation " + correlation);
    }

    @Test
    void inPlaceEqualsOutOfPlace() {
        float[][] in = TestSignals.sine(2, 20_000, 220, 0.5, 0, FS);
        in[1][100] = 0.9f;
        float[][] a = TestSignals.processInBlocks(new FdnReverb(FS, 0.5, 1.2, 0.01, 0.3), in, 512);
        float[][] b = TestSignals.processInPlace(new FdnReverb(FS, 0.5, 1.2, 0.01, 0.3), in, 97);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
    }
}
