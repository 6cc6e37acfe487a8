package io.djia.stretch;

import static io.djia.stretch.Signals.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Key;
import io.djia.core.theory.Mode;
import io.djia.core.theory.Tempo;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LoopFitterTest {

    /** A stereo drum pattern: kick on every beat, hats on the off-beats, after {@code leadSeconds} of silence. */
    private static AudioBuffer drumClip(double bpm, int bars, double leadSeconds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int lead = (int) Math.round(leadSeconds * RATE);
        double beat = 60.0 / bpm * RATE;
        int frames = lead + (int) Math.round(bars * 4 * beat);
        float[] x = new float[frames];
        for (int b = 0; b < bars * 4; b++) {
            int at = lead + (int) Math.round(b * beat);
            for (int i = 0; i < RATE / 5 && at + i < frames; i++) {
                double t = i / (double) RATE;
                x[at + i] += (float) (0.8 * Math.sin(2 * Math.PI * (55 + 90 * Math.exp(-t / 0.02)) * t)
                        * Math.exp(-t / 0.08));
            }
            int hat = at + (int) Math.round(beat / 2);
            for (int i = 0; i < RATE / 30 && hat + i < frames; i++) {
                x[hat + i] += (float) (0.2 * (random.nextDouble() * 2 - 1) * Math.exp(-i / (0.01 * RATE)));
            }
        }
        return new AudioBuffer(new float[][] {x, x.clone()}, RATE);
    }

    @Test
    void drumClipLandsOnTheTargetGrid() {
        Tempo target = Tempo.of(120);
        LoopFitter.FitResult fit = new LoopFitter().fit(drumClip(100, 2, 0.3, 1), target, 2, Optional.empty());
        assertEquals(target.framesOfBars(2, RATE), fit.audio().frames());
        assertEquals(2, fit.audio().channels());
        assertEquals(100.0, fit.sourceTempo().bpm(), 1.0);
        assertEquals(0.3 * RATE, fit.startOffsetFrames(), 0.005 * RATE);
        assertEquals(100.0 / 120.0, fit.ratio(), 0.01);
        assertEquals(0.0, fit.pitchSemitones());
        assertKicksOnBeats(fit.audio().channel(0), target, 8);
    }

    @Test
    void shortClipIsTiledToTheBarCount() {
        Tempo target = Tempo.of(126);
        LoopFitter.FitResult fit = new LoopFitter().fit(drumClip(118, 1, 0.05, 2), target, 4, Optional.empty());
        assertEquals(target.framesOfBars(4, RATE), fit.audio().frames());
        assertEquals(118.0, fit.sourceTempo().bpm(), 1.0);
        assertKicksOnBeats(fit.audio().channel(0), target, 16);
    }

    /** Every beat's kick starts within 5 ms of its grid frame. */
    private static void assertKicksOnBeats(float[] y, Tempo tempo, int beats) {
        for (int b = 0; b < beats; b++) {
            int grid = (int) tempo.frameOfBeat(b, RATE);
            int from = Math.max(0, grid - RATE / 50);
            int to = Math.min(y.length, grid + RATE / 50);
            float peak = 0f;
            for (int i = from; i < to; i++) {
                peak = Math.max(peak, Math.abs(y[i]));
            }
            int onset = from;
            while (onset < to && Math.abs(y[onset]) < 0.2f * peak) {
                onset++;
            }
            assertTrue(Math.abs(onset - grid) <= 0.005 * RATE, "beat " + b + " starts at " + onset + ", grid " + grid);
        }
    }

    @Test
    void loopPointIsSeamless() {
        // A pad with a soft attack that rings on past the clip's last bar, as generated clips do.
        double bpm = 110;
        int bars = 2;
        int frames = (int) Math.round(bars * 4 * 60.0 / bpm * RATE) + RATE / 2;
        float[] x = new float[frames];
        for (double f : new double[] {220, 277.18, 329.63}) {
            for (int i = 0; i < frames; i++) {
                double attack = Math.min(1.0, i / (0.01 * RATE));
                x[i] += (float) (0.15 * attack * Math.sin(2 * Math.PI * f * i / RATE));
            }
        }
        Tempo target = Tempo.of(124);
        float[] y = new LoopFitter().fit(Signals.mono(x), target, bars, Optional.empty()).audio().channel(0);
        assertEquals(target.framesOfBars(bars, RATE), y.length);
        double inside = 0;
        for (int i = RATE / 10; i < y.length - RATE / 10; i++) {
            inside = Math.max(inside, Math.abs(y[i + 1] - y[i]));
        }
        double seam = Math.abs(y[0] - y[y.length - 1]);
        assertTrue(seam < 1.5 * inside, "jump at the loop point " + seam + " vs largest step inside " + inside);
        double endRms = Signals.rms(y, y.length - RATE / 50, y.length);
        double startRms = Signals.rms(y, 0, RATE / 50);
        assertTrue(Math.abs(Signals.db(startRms / endRms)) < 3.0, "level across the loop point changes by "
                + Signals.db(startRms / endRms) + " dB");
    }

    @Test
    void transposesToTheSessionKey() {
        AudioBuffer tone = Signals.mono(Signals.sine(220, 0.5, 2 * RATE, RATE));
        Tempo target = Tempo.of(120);
        LoopFitter fitter = new LoopFitter();
        LoopFitter.FitResult up = fitter.fit(tone, target, 1, Key.of(9, Mode.MINOR), Key.of(0, Mode.MINOR));
        assertEquals(3.0, up.pitchSemitones());
        float[] y = up.audio().channel(0);
        double cents = Signals.cents(Signals.frequencyHz(y, y.length / 4, 3 * y.length / 4, RATE), 261.6256);
        assertTrue(Math.abs(cents) < 1.0, "A to C is off by " + cents + " cents");
        assertEquals(0.0, fitter.fit(tone, target, 1, Key.of(9, Mode.MINOR), Key.of(0, Mode.MAJOR)).pitchSemitones());
    }

    @Test
    void transpositionTakesTheShorterWay() {
        assertEquals(-2, LoopFitter.transposition(Key.parse("C major"), Key.parse("Bb major")));
        assertEquals(5, LoopFitter.transposition(Key.parse("C minor"), Key.parse("F minor")));
        assertEquals(-6, LoopFitter.transposition(Key.parse("C major"), Key.parse("F# major")));
        assertEquals(2, LoopFitter.transposition(Key.parse("A minor"), Key.parse("D major")));
        assertEquals(0, LoopFitter.transposition(Key.ATONAL, Key.parse("D major")));
    }

    @Test
    void detectsTheClipKeyWhenNotGiven() {
        // An A minor triad; heard as A minor or its relative C major, B minor is two semitones up either way.
        int frames = 2 * RATE;
        float[] x = new float[frames];
        for (double f : new double[] {220, 261.63, 329.63, 110}) {
            float[] s = Signals.sine(f, 0.15, frames, RATE);
            for (int i = 0; i < frames; i++) {
                x[i] += s[i];
            }
        }
        LoopFitter.FitResult fit = new LoopFitter().fit(Signals.mono(x), Tempo.of(120), 1,
                Optional.of(Key.parse("B minor")));
        assertEquals(2.0, fit.pitchSemitones());
    }

    @Test
    void snapsNearlyWholeBarsToWholeBars() {
        double snapped = LoopFitter.snapToWholeBars(119.2, 4, RATE, 4 * RATE, 4 * RATE + 100);
        assertEquals(120.0, snapped, 1e-9);
        assertEquals(131.0, LoopFitter.snapToWholeBars(131.0, 4, RATE, 4 * RATE, 4 * RATE), 1e-9);
    }

    @Test
    void rejectsSilenceAndBadBarCounts() {
        AudioBuffer silent = Signals.mono(new float[RATE]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LoopFitter().fit(silent, Tempo.of(120), 2, Optional.empty()));
        assertTrue(e.getMessage().contains("silent"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LoopFitter().fit(Signals.mono(Signals.sine(100, 0.5, RATE, RATE)), Tempo.of(120), 0,
                        Optional.empty()));
    }
}
