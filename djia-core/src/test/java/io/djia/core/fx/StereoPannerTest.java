package io.djia.core.fx;

import static io.djia.core.fx.TestSignals.db;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StereoPannerTest {
    private static final int FS = 48_000;

    private static float[][] ones(int frames) {
        float[][] x = new float[2][frames];
        java.util.Arrays.fill(x[0], 1f);
        java.util.Arrays.fill(x[1], 1f);
        return x;
    }

    @Test
    void centreIsMinus3DbOnEachSide() {
        float[][] out = TestSignals.processInBlocks(new StereoPanner(FS, 0), ones(64), 64);
        assertEquals(-3.01, db(out[0][10]), 0.01);
        assertEquals(-3.01, db(out[1][10]), 0.01);
    }

    @Test
    void hardLeftSilencesTheRightAndHardRightTheLeft() {
        float[][] left = TestSignals.processInBlocks(new StereoPanner(FS, -1), ones(64), 64);
        assertEquals(1f, left[0][5]);
        assertEquals(0f, left[1][5]);
        float[][] right = TestSignals.processInBlocks(new StereoPanner(FS, 1), ones(64), 64);
        assertEquals(0f, right[0][5]);
        assertEquals(1f, right[1][5]);
    }

    @Test
    void powerIsTheSameAtEveryPosition() {
        for (double pan = -1; pan <= 1.0001; pan += 0.125) {
            double l = StereoPanner.leftGainOf(pan);
            double r = StereoPanner.rightGainOf(pan);
            assertEquals(1.0, l * l + r * r, 1e-12, "pan " + pan);
        }
    }

    @Test
    void panChangeRampsWithoutSteps() {
        StereoPanner panner = new StereoPanner(FS, -1, 0.02);
        float[][] x = ones(2000);
        panner.setPan(1);
        float[][] out = TestSignals.processInBlocks(panner, x, 100);
        int ramp = (int) Math.round(0.02 * FS);
        // Linear ramp of the gains: each step is 1/ramp of the full swing, and the end is exact.
        for (int i = 1; i < 2000; i++) {
            assertTrue(Math.abs(out[0][i] - out[0][i - 1]) <= 1.0 / ramp + 1e-6);
        }
        assertEquals(0f, out[0][ramp]);
        assertEquals(1f, out[1][ramp]);
    }

    @Test
    void smoothedGainReachesItsTargetAfterTheRamp() {
        SmoothedGain gain = new SmoothedGain(FS, 1.0, 0.01);
        gain.setGainDb(-6);
        float[][] out = TestSignals.processInBlocks(gain, ones(1000), 33);
        int ramp = 480;
        assertEquals(-6.0, db(out[0][ramp]), 1e-5);
        assertTrue(out[0][ramp - 1] > out[0][ramp]);
        for (int i = 1; i <= ramp; i++) {
            assertTrue(out[0][i] < out[0][i - 1], "monotonic at " + i);
        }
    }
}
