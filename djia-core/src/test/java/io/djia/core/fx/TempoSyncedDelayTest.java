package io.djia.core.fx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.theory.Tempo;
import org.junit.jupiter.api.Test;

class TempoSyncedDelayTest {
    private static final int FS = 48_000;

    private static float[][] impulse(int frames, int at) {
        float[][] x = new float[2][frames];
        x[0][at] = 1f;
        x[1][at] = 1f;
        return x;
    }

    @Test
    void dottedEighthAt120BpmEchoesEvery375MsWithGeometricGains() {
        double mix = 0.4;
        double feedback = 0.5;
        TempoSyncedDelay delay = new TempoSyncedDelay(FS, Tempo.of(120), EffectSpec.beatsOf("1/8d"), feedback, mix,
                0, false, 4);
        int period = 18_000; // 0.375 s at 48 kHz
        float[][] out = TestSignals.processInBlocks(delay, impulse(5 * period + 100, 0), 333);
        assertEquals(1 - mix, out[0][0], 1e-6);
        for (int k = 0; k < 4; k++) {
            int at = (k + 1) * period;
            assertEquals(mix * Math.pow(feedback, k), out[0][at], 1e-6, "echo " + k);
            assertEquals(mix * Math.pow(feedback, k), out[1][at], 1e-6, "echo " + k);
        }
        for (int i = 1; i < out[0].length; i++) {
            if (i % period != 0) {
                assertEquals(0f, out[0][i], "nothing between echoes, frame " + i);
            }
        }
    }

    @Test
    void pingPongAlternatesSides() {
        TempoSyncedDelay delay = new TempoSyncedDelay(FS, Tempo.of(120), 1.0, 0.5, 1.0, 0, true, 4);
        int period = 24_000;
        float[][] out = TestSignals.processInBlocks(delay, impulse(4 * period + 10, 0), 512);
        assertEquals(1.0, out[0][period], 1e-6);
        assertEquals(0.0, out[1][period], 1e-9);
        assertEquals(0.0, out[0][2 * period], 1e-9);
        assertEquals(0.5, out[1][2 * period], 1e-6);
        assertEquals(0.25, out[0][3 * period], 1e-6);
    }

    @Test
    void tempoChangeRetimesTheEchoes() {
        TempoSyncedDelay delay = new TempoSyncedDelay(FS, Tempo.of(120), 1.0, 0.3, 0.5, 0, false, 4);
        delay.setTempo(Tempo.of(90));
        // Let the 50 ms glide settle on silence, then send an impulse: one beat at 90 BPM is 32 000 frames.
        float[][] out = TestSignals.processInBlocks(delay, impulse(FS + 32_000 + 10, FS), 500);
        assertEquals(0.5, out[0][FS + 32_000], 1e-4);
        assertEquals(32_000.0, delay.delayFrames(), 1e-9);
    }

    @Test
    void dampingDarkensRepeatsButKeepsTheirLowFrequencyGain() {
        double feedback = 0.6;
        TempoSyncedDelay delay = new TempoSyncedDelay(FS, Tempo.of(120), 0.5, feedback, 1.0, 3000, false, 4);
        int period = 12_000;
        float[][] out = TestSignals.processInBlocks(delay, impulse(4 * period, 0), 256);
        double previousPeak = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            int from = (k + 1) * period;
            double sum = 0;
            for (int i = from; i < from + period; i++) {
                sum += out[0][i];
            }
            // The loop low-pass has unity DC gain: each echo's area is still feedback^k.
            assertEquals(Math.pow(feedback, k), sum, 1e-3, "area of echo " + k);
            double peak = TestSignals.peak(out[0], from, from + period);
            assertTrue(peak < previousPeak * feedback + 1e-9, "echo " + k + " is smeared by the damping");
            previousPeak = peak;
        }
    }

    @Test
    void inPlaceEqualsOutOfPlace() {
        float[][] in = TestSignals.sine(2, 30_000, 330, 0.5, 0, FS);
        float[][] a = TestSignals.processInBlocks(TempoSyncedDelay.of(FS, Tempo.of(128), "1/8", 0.5, 0.3), in, 512);
        float[][] b = TestSignals.processInPlace(TempoSyncedDelay.of(FS, Tempo.of(128), "1/8", 0.5, 0.3), in, 97);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
    }
}
