package io.djia.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BeatTrackerTest {
    private static final double SECONDS = 12;
    private static final double TOLERANCE = 0.020;

    /** Every true beat has a tracked beat within 20 ms and every tracked beat lies within 20 ms of a true one. */
    private static void assertBeatsMatch(double[] truth, double[] found) {
        assertEquals(truth.length, found.length, "number of beats");
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], found[i], TOLERANCE, "beat " + i);
        }
    }

    private static double[] track(float[] x) {
        OnsetEnvelope envelope = new OnsetDetector().envelope(x, TestSignals.RATE);
        TempoEstimate tempo = new TempoEstimator().estimate(envelope);
        return new BeatTracker().track(envelope, tempo.bpm());
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {70, 83, 97, 120, 143, 165, 180})
    void clickTrackBeatsWithinTwentyMilliseconds(double bpm) {
        double first = 0.35 + (bpm % 5) * 0.021;
        assertBeatsMatch(TestSignals.beatTimes(bpm, SECONDS, first), track(TestSignals.clickTrack(bpm, SECONDS, first)));
    }

    @ParameterizedTest(name = "{0} BPM")
    @ValueSource(doubles = {72, 90, 105, 128, 150, 174})
    void drumLoopBeatsWithinTwentyMilliseconds(double bpm) {
        double first = 0.3 + (bpm % 3) * 0.017;
        assertBeatsMatch(TestSignals.beatTimes(bpm, SECONDS, first),
                track(TestSignals.drumLoop(bpm, SECONDS, first, 11)));
    }

    @Test
    void beatsStartWithTheMusicAndStopWithIt() {
        float[] x = new float[TestSignals.RATE * 14];
        float[] clicks = TestSignals.clickTrack(120, 8, 0.0);
        System.arraycopy(clicks, 0, x, 3 * TestSignals.RATE, clicks.length);
        double[] beats = track(x);
        assertEquals(3.0, beats[0], TOLERANCE);
        assertEquals(3.0 + 7.5, beats[beats.length - 1], TOLERANCE);
        assertEquals(16, beats.length);
    }

    @Test
    void tempoOfBeatsIgnoresASkippedBeat() {
        double[] beats = {1.0, 1.5, 2.0, 3.0, 3.5, 4.0, 4.5};
        assertEquals(120.0, BeatTracker.bpmOfBeats(beats), 1e-9);
        assertEquals(0.0, BeatTracker.bpmOfBeats(new double[] {1, 2}));
        assertTrue(track(new float[TestSignals.RATE * 4]).length == 0);
    }
}
