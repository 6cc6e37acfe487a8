package io.djia.core.fx;

import static io.djia.core.fx.TestSignals.db;
import static io.djia.core.fx.TestSignals.peak;
import static io.djia.core.fx.TestSignals.rms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompressorTest {
    private static final int FS = 48_000;

    private static Compressor fourToOne(Compressor.Detector detector, double makeupDb) {
        return new Compressor(FS, -20, 4, 0, 0.005, 0.05, makeupDb, detector, 0.01);
    }

    /** Output RMS level in dBFS of a steady 1 kHz sine of {@code amplitude}, over the last half second. */
    private static double steadyRmsDb(Compressor compressor, double amplitude) {
        float[][] out = TestSignals.processInBlocks(compressor, TestSignals.sine(2, FS, 1000, amplitude, 0, FS), 512);
        return db(rms(out[0], FS / 2, FS));
    }

    @Test
    void rmsDetectorFollowsTheFourToOneStaticCurve() {
        for (double amplitude : new double[] {1.0, 0.5, 0.25}) {
            double inputRmsDb = db(amplitude / Math.sqrt(2));
            double expected = -20 + (inputRmsDb + 20) / 4;
            assertEquals(expected, steadyRmsDb(fourToOne(Compressor.Detector.RMS, 0), amplitude), 0.5,
                    "sine at " + inputRmsDb + " dBFS RMS");
        }
        double expectedWithMakeup = -20 + (db(1 / Math.sqrt(2)) + 20) / 4 + 3;
        assertEquals(expectedWithMakeup, steadyRmsDb(fourToOne(Compressor.Detector.RMS, 3), 1.0), 0.5);
    }

    @Test
    void peakDetectorFollowsTheFourToOneStaticCurveOnPeaks() {
        float[][] out = TestSignals.processInBlocks(fourToOne(Compressor.Detector.PEAK, 0),
                TestSignals.sine(2, FS, 1000, 1.0, 0, FS), 512);
        // 0 dBFS peaks, 20 dB over: 5 dB over after compression.
        assertEquals(-15.0, db(peak(out[0], FS / 2, FS)), 0.5);
    }

    @Test
    void belowTheThresholdTheSignalPassesBitForBit() {
        float[][] in = TestSignals.sine(2, FS / 4, 1000, 0.05, 0, FS);
        float[][] out = TestSignals.processInBlocks(fourToOne(Compressor.Detector.RMS, 0), in, 512);
        assertArrayEquals(in[0], out[0]);
        assertArrayEquals(in[1], out[1]);
    }

    @Test
    void softKneeCurve() {
        Compressor soft = new Compressor(FS, -20, 4, 6, 0.005, 0.05, 0, Compressor.Detector.RMS, 0.01);
        // Giannoulis et al. eq. (4): at the threshold, (1/R - 1)(W/2)^2 / (2W) = -0.5625 dB.
        assertEquals(-20.5625, soft.staticOutputDb(-20), 1e-9);
        assertEquals(-24.0, soft.staticOutputDb(-24), 1e-9);
        assertEquals(-20 + 10 / 4.0, soft.staticOutputDb(-10), 1e-9);
    }

    @Test
    void inPlaceEqualsOutOfPlace() {
        float[][] in = TestSignals.sine(2, 20_000, 200, 0.9, 0, FS);
        float[][] a = TestSignals.processInBlocks(Compressor.busGlue(FS), in, 512);
        float[][] b = TestSignals.processInPlace(Compressor.busGlue(FS), in, 97);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
    }
}
