package io.djia.core.fx;

import static io.djia.core.fx.TestSignals.db;
import static io.djia.core.fx.TestSignals.peak;
import static io.djia.core.fx.TestSignals.truePeak;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LookaheadLimiterTest {
    private static final int FS = 48_000;
    private static final double CEILING_DB = -1.0;

    private static void assertLimited(double frequencyHz, double phase) {
        LookaheadLimiter limiter = LookaheadLimiter.master(FS, CEILING_DB);
        float[][] out = TestSignals.processInBlocks(limiter, TestSignals.sine(2, FS, frequencyHz, 2.0, phase, FS), 512);
        String what = frequencyHz + " Hz sine at +6 dBFS";
        double ceiling = Math.pow(10, CEILING_DB / 20);
        assertTrue(peak(out[0], 0, FS) <= ceiling, what + ": sample peak over the ceiling");
        int from = FS / 2;
        int to = from + 4800;
        double truePeakDb = db(truePeak(out[0], from, to));
        assertTrue(truePeakDb < CEILING_DB, what + ": true peak " + truePeakDb + " dBTP");
        assertEquals(CEILING_DB, truePeakDb, 0.5, what + ": steady level at the ceiling");
    }

    @Test
    void loudSineComesOutAtTheCeilingWithTruePeakBelowIt() {
        assertLimited(997, 0);
    }

    @Test
    void interSamplePeaksAreCaughtToo() {
        // fs/4 at 45 degrees: every sample is 3 dB below the waveform's real peak.
        assertLimited(FS / 4.0, Math.PI / 4);
        assertLimited(15_000, 0.3);
    }

    @Test
    void quietSignalPassesUnchangedAfterTheLatency() {
        LookaheadLimiter limiter = LookaheadLimiter.master(FS, CEILING_DB);
        int latency = limiter.latencyFrames();
        assertTrue(latency >= 0.003 * FS && latency <= 0.005 * FS, "look-ahead of 3-5 ms, got " + latency);
        float[][] in = TestSignals.sine(2, 4000, 440, 0.5, 0, FS);
        float[][] out = TestSignals.processInBlocks(limiter, in, 100);
        for (int i = 0; i + latency < 4000; i++) {
            assertEquals(in[0][i], out[0][i + latency], "frame " + i);
        }
    }

    @Test
    void noisyBurstsNeverExceedTheCeiling() {
        SplittableRandom random = new SplittableRandom(7);
        float[][] in = new float[2][FS];
        for (int i = 0; i < FS; i++) {
            double burst = (i / 4800) % 2 == 0 ? 4.0 : 0.2;
            in[0][i] = (float) (burst * (random.nextDouble() * 2 - 1));
            in[1][i] = (float) (burst * (random.nextDouble() * 2 - 1));
        }
        float[][] out = TestSignals.processInBlocks(LookaheadLimiter.master(FS, CEILING_DB), in, 512);
        double ceiling = Math.pow(10, CEILING_DB / 20);
        assertTrue(peak(out[0], 0, FS) <= ceiling && peak(out[1], 0, FS) <= ceiling);
    }

    @Test
    void inPlaceEqualsOutOfPlace() {
        float[][] in = TestSignals.sine(2, 20_000, 60, 1.8, 0, FS);
        float[][] a = TestSignals.processInBlocks(LookaheadLimiter.master(FS, CEILING_DB), in, 512);
        float[][] b = TestSignals.processInPlace(LookaheadLimiter.master(FS, CEILING_DB), in, 97);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
    }
}
