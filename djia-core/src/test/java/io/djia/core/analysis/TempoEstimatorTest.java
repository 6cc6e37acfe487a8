package io.djia.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TempoEstimatorTest {
    private static final double SECONDS = 12;

    /** First beat off the frame grid, different for every tempo. */
    private static double firstBeat(double bpm) {
        return 0.4 + (bpm % 7) * 0.0131;
    }

    private static TempoEstimate estimate(float[] x, TempoPrior prior) {
        return new TempoEstimator(prior).estimate(TestSignals.mono(x));
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 77.5, 89, 100, 113, 126, 138, 151, 166, 180})
    void clickTrackTempoWithinOnePercent(double bpm) {
        TempoEstimate e = estimate(TestSignals.clickTrack(bpm, SECONDS, firstBeat(bpm)), TempoPrior.DEFAULT);
        assertEquals(bpm, e.bpm(), 0.01 * bpm);
        assertTrue(e.confidence() > 0.8, "confidence " + e.confidence());
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 76, 85, 94, 108, 122, 131, 145, 172, 180})
    void drumLoopTempoWithinOnePercent(double bpm) {
        TempoEstimate e = estimate(TestSignals.drumLoop(bpm, SECONDS, firstBeat(bpm), 7), TempoPrior.DEFAULT);
        assertEquals(bpm, e.bpm(), 0.01 * bpm);
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 92, 145, 174})
    void backbeatsKeepTheirTempo(double bpm) {
        TempoEstimate e = estimate(TestSignals.backbeatLoop(bpm, SECONDS, firstBeat(bpm), 13), TempoPrior.DEFAULT);
        assertEquals(bpm, e.bpm(), 0.01 * bpm);
    }

    @Test
    void stylePriorChoosesTheOctaveItExpects() {
        // A 170 BPM loop reads as 170 by default, and as half-time 85 under a style whose tempo is 86.
        float[] x = TestSignals.drumLoop(170, SECONDS, 0.3, 9);
        assertEquals(170, estimate(x, TempoPrior.DEFAULT).bpm(), 1.7);
        assertEquals(85, estimate(x, TempoPrior.around(86)).bpm(), 0.85);
    }

    @Test
    void eighthNoteBassAndHatsDoNotDoubleTheTempo() {
        // Busy eighths (a bass note on every half beat, hats on top) repeat at 200 BPM, but the kicks and
        // snares on the beats are stronger: the tempo is 100.
        double bpm = 100;
        float[] x = TestSignals.drumLoop(bpm, SECONDS, 0.3, 5);
        double half = 30.0 / bpm;
        int[] line = {33, 45, 36, 48, 31, 43, 38, 50};
        int i = 0;
        for (double t = 0.3; t < SECONDS - half; t += half, i++) {
            TestSignals.addNote(x, t, half * 0.9, line[i % line.length], 0.25);
        }
        assertEquals(bpm, estimate(x, TempoPrior.DEFAULT).bpm(), 0.01 * bpm);
    }

    @Test
    void noPulseGivesLowConfidence() {
        TempoEstimate noise = estimate(TestSignals.whiteNoise(SECONDS, 0.3, 4), TempoPrior.DEFAULT);
        assertTrue(noise.confidence() < 0.3, "noise confidence " + noise.confidence());
        assertFalse(estimate(new float[TestSignals.RATE * 5], TempoPrior.DEFAULT).found());
    }

    @Test
    void priorWeighsAndRejects() {
        TempoPrior prior = TempoPrior.around(128);
        assertEquals(1.0, prior.weight(128), 1e-12);
        assertTrue(prior.weight(140) > prior.weight(160));
        assertEquals(0.0, prior.weight(64));
        assertThrows(IllegalArgumentException.class, () -> new TempoPrior(50, 60, 200, 1));
        assertThrows(IllegalArgumentException.class, () -> new TempoPrior(120, 200, 60, 1));
    }
}
