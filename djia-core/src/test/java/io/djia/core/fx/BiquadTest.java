package io.djia.core.fx;

import static io.djia.core.fx.TestSignals.db;
import static io.djia.core.fx.TestSignals.rms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BiquadTest {
    private static final int FS = 48_000;
    private static final double BUTTERWORTH_Q = 1 / Math.sqrt(2);

    /** Steady-state gain in dB of {@code filter} on a sine at {@code hz}, over the second half of 1 s. */
    private static double gainDbAt(Biquad filter, double hz) {
        float[][] in = TestSignals.sine(2, FS, hz, 0.5, 0, FS);
        float[][] out = TestSignals.processInBlocks(filter, in, 256);
        return db(rms(out[0], FS / 2, FS) / rms(in[0], FS / 2, FS));
    }

    @Test
    void butterworthLowPassIsMinus3DbAtCutoffAndMinus40DbADecadeAbove() {
        assertEquals(-3.01, gainDbAt(new Biquad(BiquadType.LOW_PASS, FS, 2, 1000, BUTTERWORTH_Q, 0), 1000), 0.1);
        // fc = 100 Hz keeps the bilinear warping at 1 kHz small (analog answer -40.00 dB, digital -40.03 dB).
        assertEquals(-40.0, gainDbAt(new Biquad(BiquadType.LOW_PASS, FS, 2, 100, BUTTERWORTH_Q, 0), 1000), 0.2);
    }

    @Test
    void butterworthHighPassIsMinus3DbAtCutoffAndMinus40DbADecadeBelow() {
        assertEquals(-3.01, gainDbAt(new Biquad(BiquadType.HIGH_PASS, FS, 2, 1000, BUTTERWORTH_Q, 0), 1000), 0.1);
        assertEquals(-40.0, gainDbAt(new Biquad(BiquadType.HIGH_PASS, FS, 2, 1000, BUTTERWORTH_Q, 0), 100), 0.2);
    }

    @Test
    void bandPassPeakingAndShelvesHitTheirGains() {
        assertEquals(0.0, gainDbAt(new Biquad(BiquadType.BAND_PASS, FS, 2, 1000, 2, 0), 1000), 0.05);
        // The cookbook pre-warps at f0, so the digital gain at f is the analog one at tan(pi f/fs)/tan(pi f0/fs).
        double w = Math.tan(Math.PI * 10_000 / FS) / Math.tan(Math.PI * 1000 / FS);
        double analog = (w / 2) / Math.sqrt((1 - w * w) * (1 - w * w) + (w / 2) * (w / 2));
        assertEquals(db(analog), gainDbAt(new Biquad(BiquadType.BAND_PASS, FS, 2, 1000, 2, 0), 10_000), 0.1);
        assertEquals(6.0, gainDbAt(new Biquad(BiquadType.PEAKING, FS, 2, 1000, 1, 6), 1000), 0.05);
        assertEquals(0.0, gainDbAt(new Biquad(BiquadType.PEAKING, FS, 2, 1000, 1, 6), 50), 0.1);
        assertEquals(-9.0, gainDbAt(new Biquad(BiquadType.LOW_SHELF, FS, 2, 2000, BUTTERWORTH_Q, -9), 40), 0.1);
        assertEquals(-4.5, gainDbAt(new Biquad(BiquadType.LOW_SHELF, FS, 2, 2000, BUTTERWORTH_Q, -9), 2000), 0.1);
        assertEquals(6.0, gainDbAt(new Biquad(BiquadType.HIGH_SHELF, FS, 2, 500, BUTTERWORTH_Q, 6), 15_000), 0.1);
        assertEquals(0.0, gainDbAt(new Biquad(BiquadType.HIGH_SHELF, FS, 2, 500, BUTTERWORTH_Q, 6), 20), 0.1);
    }

    @Test
    void cutoffGlidesToItsTarget() {
        Biquad filter = new Biquad(BiquadType.LOW_PASS, FS, 2, 8000, BUTTERWORTH_Q, 0);
        filter.setCutoffHz(1000);
        // Half a second is many glide time constants: the filter must now be the 1 kHz Butterworth.
        assertEquals(-3.01, gainDbAt(filter, 1000), 0.1);
    }

    /** Largest |y[n] - 2 y[n-1] + y[n-2]| over [from, to): a click or zipper step shows up here at once. */
    private static double maxSecondDifference(float[] y, int from, int to) {
        double max = 0;
        for (int i = from + 2; i < to; i++) {
            max = Math.max(max, Math.abs(y[i] - 2.0 * y[i - 1] + y[i - 2]));
        }
        return max;
    }

    private static float[] sweep(double smoothingSeconds) {
        Biquad filter = new Biquad(BiquadType.LOW_PASS, FS, 2, 12_000, BUTTERWORTH_Q, 0, smoothingSeconds);
        float[][] in = TestSignals.sine(2, FS / 2, 100, 0.5, 0, FS);
        float[][] out = new float[2][FS / 2];
        float[][] block = new float[2][64];
        for (int start = 0; start < FS / 2; start += 64) {
            if (start == FS / 10) {
                filter.setCutoffHz(250);
            }
            for (int c = 0; c < 2; c++) {
                System.arraycopy(in[c], start, block[c], 0, 64);
            }
            filter.process(block, block, 64);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(block[c], 0, out[c], start, 64);
            }
        }
        return out[0];
    }

    @Test
    void largeCutoffJumpMakesNoClick() {
        float[] in = TestSignals.sine(1, FS / 2, 100, 0.5, 0, FS)[0];
        double inputCurvature = maxSecondDifference(in, 0, in.length);
        float[] smooth = sweep(Biquad.DEFAULT_SMOOTHING_SECONDS);
        double smoothCurvature = maxSecondDifference(smooth, FS / 10 - 64, smooth.length);
        // A 100 Hz sine through a gliding low-pass stays a smooth 100 Hz sine.
        assertTrue(smoothCurvature < 1.5 * inputCurvature,
                "curvature " + smoothCurvature + " vs input " + inputCurvature);
        // The same jump without the glide is a visible step: the measure can tell.
        float[] abrupt = sweep(0);
        assertTrue(maxSecondDifference(abrupt, FS / 10 - 64, abrupt.length) > 3 * smoothCurvature);
    }

    @Test
    void inPlaceEqualsOutOfPlaceAndBlockSizeDoesNotMatter() {
        float[][] in = TestSignals.sine(2, 20_000, 440, 0.7, 0.3, FS);
        Biquad a = new Biquad(BiquadType.HIGH_PASS, FS, 2, 300, 0.9, 0);
        Biquad b = new Biquad(BiquadType.HIGH_PASS, FS, 2, 300, 0.9, 0);
        a.setCutoffHz(3000);
        b.setCutoffHz(3000);
        float[][] outOfPlace = TestSignals.processInBlocks(a, in, 512);
        float[][] inPlace = TestSignals.processInPlace(b, in, 97);
        assertArrayEquals(outOfPlace[0], inPlace[0]);
        assertArrayEquals(outOfPlace[1], inPlace[1]);
    }
}
