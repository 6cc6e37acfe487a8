package io.djia.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnsetDetectorTest {
    private final OnsetDetector detector = new OnsetDetector();

    /** Known onset times at irregular, seeded gaps of 150..500 ms. */
    private static double[] irregularTimes(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] times = new double[count];
        double t = 0.3;
        for (int i = 0; i < count; i++) {
            times[i] = t;
            t += 0.15 + 0.35 * random.nextDouble();
        }
        return times;
    }

    private static void assertMatches(double[] truth, double[] found, double toleranceSeconds) {
        assertEquals(truth.length, found.length, "number of onsets");
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], found[i], toleranceSeconds, "onset " + i);
        }
    }

    @Test
    void clicksAreFoundWithinFiveMilliseconds() {
        double[] truth = irregularTimes(25, 1);
        float[] x = new float[(int) ((truth[truth.length - 1] + 0.5) * TestSignals.RATE)];
        for (double t : truth) {
            TestSignals.addTone(x, t, 0.02, 1500, 0.5, 0.003);
        }
        assertMatches(truth, detector.onsetTimes(TestSignals.mono(x)), 0.005);
    }

    @Test
    void drumHitsOfEveryKindAreFoundWithinTenMilliseconds() {
        double[] truth = irregularTimes(30, 2);
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[(int) ((truth[truth.length - 1] + 0.5) * TestSignals.RATE)];
        for (int i = 0; i < truth.length; i++) {
            switch (i % 3) {
                case 0 -> TestSignals.addKick(x, truth[i], 0.8);
                case 1 -> TestSignals.addSnare(x, truth[i], 0.5, random);
                default -> TestSignals.addHat(x, truth[i], 0.3, random);
            }
        }
        assertMatches(truth, detector.onsetTimes(TestSignals.mono(x)), 0.010);
    }

    @Test
    void notesWithSoftAttacksAreFoundWithinTenMilliseconds() {
        double[] truth = {0.5, 1.1, 1.6, 2.4, 2.9};
        double[] notes = {60, 64, 67, 72, 55};
        float[] x = new float[(int) (3.5 * TestSignals.RATE)];
        for (int i = 0; i < truth.length; i++) {
            TestSignals.addNote(x, truth[i], 0.4, notes[i], 0.2);
        }
        assertMatches(truth, detector.onsetTimes(TestSignals.mono(x)), 0.010);
    }

    @Test
    void silenceAndASteadyToneHaveNoOnsetsBeyondTheStart() {
        assertEquals(0, detector.onsetTimes(TestSignals.mono(new float[TestSignals.RATE * 3])).length);
        float[] tone = new float[TestSignals.RATE * 4];
        TestSignals.addNote(tone, 1.0, 2.9, 57, 0.3);
        double[] onsets = detector.onsetTimes(TestSignals.mono(tone));
        assertEquals(1, onsets.length);
        assertEquals(1.0, onsets[0], 0.010);
    }

    @Test
    void envelopeIsGainInvariant() {
        float[] x = TestSignals.clickTrack(120, 4, 0.25);
        float[] quiet = x.clone();
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 0.01f;
        }
        OnsetEnvelope loud = detector.envelope(x, TestSignals.RATE);
        OnsetEnvelope soft = detector.envelope(quiet, TestSignals.RATE);
        float[] a = loud.strength();
        float[] b = soft.strength();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-3 * (1 + a[i]));
        }
        assertTrue(loud.framesPerSecond() > 150 && loud.framesPerSecond() < 200);
    }
}
