package io.djia.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaskingAnalyzerTest {
    private static final double SECONDS = 4;
    private final MaskingAnalyzer analyzer = new MaskingAnalyzer();

    /** A bass line of held harmonic notes around 55..110 Hz. */
    private static float[] bassLine() {
        float[] x = new float[(int) (SECONDS * TestSignals.RATE)];
        double[] notes = {33, 36, 31, 38};
        for (int i = 0; i < 4; i++) {
            TestSignals.addNote(x, i * 1.0, 1.0, notes[i], 0.3);
        }
        return x;
    }

    /** Hi-hats: high-passed noise bursts on every eighth at 120 BPM, filtered further to keep them above 5 kHz. */
    private static float[] hats() {
        float[] x = new float[(int) (SECONDS * TestSignals.RATE)];
        SplittableRandom random = new SplittableRandom(5);
        for (double t = 0; t < SECONDS; t += 0.25) {
            TestSignals.addHat(x, t, 0.4, random);
        }
        // Three more first differences: +18 dB/octave tilt, leaving almost nothing under 2 kHz.
        for (int pass = 0; pass < 3; pass++) {
            float previous = 0;
            for (int i = 0; i < x.length; i++) {
                float v = x[i];
                x[i] = 0.5f * (v - previous);
                previous = v;
            }
        }
        return x;
    }

    /** Chords in the mid register, 250 Hz .. 2 kHz. */
    private static float[] pad() {
        float[] x = new float[(int) (SECONDS * TestSignals.RATE)];
        for (int note : new int[] {64, 67, 71, 74}) {
            TestSignals.addNote(x, 0, SECONDS, note, 0.1);
        }
        return x;
    }

    @Test
    void identicalSignalsOverlapCompletely() {
        AudioBuffer loop = TestSignals.mono(TestSignals.drumLoop(120, SECONDS, 0.1, 3));
        MaskingReport r = analyzer.score(loop, loop);
        assertEquals(1.0, r.overall(), 0.01);
        assertTrue(r.suggestedGainDb() <= -1.5, "gain " + r.suggestedGainDb());
        assertTrue(r.suggestions().stream().anyMatch(s -> s.startsWith("pick another stem")));
    }

    @Test
    void separateBandsDoNotFight() {
        MaskingReport r = analyzer.score(TestSignals.mono(hats()), TestSignals.mono(bassLine()));
        assertTrue(r.overall() < 0.05, "overall " + r.overall());
        assertTrue(r.suggestions().isEmpty(), r.suggestions().toString());
        assertEquals(0.0, r.suggestedHighPassHz());
        assertEquals(0.0, r.suggestedGainDb());
    }

    @Test
    void lowRumbleUnderAPadSuggestsAHighPass() {
        // The clip is a mid-range pad with a rumble that doubles the mix's bass line; the mix is that bass line.
        float[] bass = bassLine();
        float[] clip = pad();
        for (int i = 0; i < clip.length; i++) {
            clip[i] += 0.25f * bass[i];
        }
        MaskingReport r = analyzer.score(TestSignals.mono(clip), TestSignals.mono(bass));
        assertTrue(r.suggestedHighPassHz() > 60 && r.suggestedHighPassHz() <= 400,
                "high-pass " + r.suggestedHighPassHz());
        assertTrue(r.suggestions().get(0).startsWith("high-pass the clip at"));
        int band = r.mostContestedBand();
        assertTrue(MaskingAnalyzer.bandEdgesHz()[band + 1] <= 300, "contested band " + MaskingAnalyzer.bandLabel(band));
        assertEquals(0.0, r.bandOverlap()[20], 1e-9);
    }

    @Test
    void alternatingHitsFightLessThanSimultaneousOnes() {
        float[] kicks = new float[(int) (SECONDS * TestSignals.RATE)];
        float[] offbeat = new float[kicks.length];
        for (double t = 0; t < SECONDS; t += 0.5) {
            TestSignals.addKick(kicks, t, 0.8);
            TestSignals.addKick(offbeat, t + 0.25, 0.8);
        }
        double together = analyzer.score(TestSignals.mono(kicks), TestSignals.mono(kicks)).overall();
        double apart = analyzer.score(TestSignals.mono(kicks), TestSignals.mono(offbeat)).overall();
        assertTrue(apart < 0.6 * together, "alternating " + apart + " vs together " + together);
    }

    @Test
    void silenceAndMismatchedRatesAreHandled() {
        MaskingReport silent = analyzer.score(TestSignals.mono(new float[8192]), TestSignals.mono(pad()));
        assertEquals(0.0, silent.overall());
        AudioBuffer other = new AudioBuffer(new float[][] {new float[1000]}, 48_000);
        assertThrows(IllegalArgumentException.class, () -> analyzer.score(other, TestSignals.mono(pad())));
        assertEquals(24, MaskingAnalyzer.bands());
    }
}
