package io.djia.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.theory.Key;
import io.djia.core.theory.Mode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyDetectorTest {
    private static List<Key> allKeys() {
        List<Key> keys = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (int tonic = 0; tonic < 12; tonic++) {
                keys.add(Key.of(tonic, mode));
            }
        }
        return keys;
    }

    @ParameterizedTest
    @EnumSource(KeyProfile.class)
    void cadencesInAll24KeysAreRecognised(KeyProfile profile) {
        KeyDetector detector = new KeyDetector(profile, 0.5);
        for (Key key : allKeys()) {
            KeyEstimate estimate = detector.detect(TestSignals.mono(TestSignals.cadence(key)));
            assertEquals(key, estimate.key(), "cadence in " + key.displayName());
            assertTrue(estimate.confidence() > 0.7, key + " confidence " + estimate.confidence());
            assertTrue(estimate.margin() > 0.05, key + " margin " + estimate.margin());
        }
    }

    @Test
    void detuningByAQuarterToneIsCorrected() {
        // Resampling by 2^(40/1200) raises everything by 40 cents: the tuning estimate follows it and the
        // key stays E minor rather than drifting to F minor.
        float[] x = TestSignals.cadence(Key.of(4, Mode.MINOR));
        double ratio = Math.pow(2, 40 / 1200.0);
        float[] raised = new float[(int) (x.length / ratio)];
        for (int i = 0; i < raised.length; i++) {
            double pos = i * ratio;
            int j = (int) pos;
            double f = pos - j;
            raised[i] = (float) (x[j] * (1 - f) + (j + 1 < x.length ? x[j + 1] : 0) * f);
        }
        Chromagram chromagram = Chromagram.of(TestSignals.mono(raised));
        assertEquals(40, chromagram.tuningCents(), 5);
        assertEquals(Key.of(4, Mode.MINOR), new KeyDetector().detect(chromagram).key());
    }

    @Test
    void noiseIsAtonal() {
        KeyEstimate noise = new KeyDetector().detect(TestSignals.mono(TestSignals.whiteNoise(5, 0.3, 1)));
        assertEquals(Key.ATONAL, noise.key());
        assertTrue(noise.confidence() < 0.5);
        KeyEstimate silence = new KeyDetector().detect(TestSignals.mono(new float[TestSignals.RATE]));
        assertEquals(Key.ATONAL, silence.key());
        assertEquals(0.0, silence.confidence());
    }

    @Test
    void chromaOfAnANoteLandsOnA() {
        float[] x = new float[TestSignals.RATE * 2];
        TestSignals.addNote(x, 0, 2, 69, 0.3);
        double[] chroma = Chromagram.of(TestSignals.mono(x)).mean();
        // Partials 1, 2, 4 are A; 3 and 6 are E; 5 is C#.
        assertTrue(chroma[9] > 0.5, "A share " + chroma[9]);
        assertTrue(chroma[9] > chroma[4] && chroma[4] > chroma[1], "A > E > C#");
        assertTrue(chroma[0] + chroma[2] + chroma[5] + chroma[7] < 0.01);
    }

    @Test
    void rejectsMalformedChroma() {
        KeyDetector detector = new KeyDetector();
        assertThrows(IllegalArgumentException.class, () -> detector.fromChroma(new double[11]));
        assertThrows(IllegalArgumentException.class, () -> new KeyDetector(KeyProfile.TEMPERLEY, 1.0));
    }
}
