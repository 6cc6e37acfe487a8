package io.djia.stretch;

import static io.djia.stretch.Signals.RATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Lengths, pitch accuracy and levels of whole-buffer stretching. */
class OfflineStretchTest {
    private static final double A4 = 440.0;

    @ParameterizedTest
    @CsvSource({"0.5,STANDARD", "0.75,STANDARD", "1.0,STANDARD", "1.25,STANDARD", "1.5,STANDARD", "2.0,STANDARD",
            "0.5,FINE", "1.3,FINE", "2.0,FINE"})
    void sineKeepsItsPitchAndLevel(double ratio, Quality quality) {
        int frames = RATE * 3 / 2;
        AudioBuffer out = Stretch.offline(Signals.mono(Signals.sine(A4, 0.5, frames, RATE)),
                StretchOptions.defaults().withRatio(ratio).withQuality(quality));
        float[] y = out.channel(0);
        assertEquals(Math.round(frames * ratio), y.length);
        int from = y.length / 4;
        int to = 3 * y.length / 4;
        double cents = Signals.cents(Signals.frequencyHz(y, from, to, RATE), A4);
        assertTrue(Math.abs(cents) < 1.0, "pitch moved by " + cents + " cents at ratio " + ratio);
        double levelDb = Signals.db(Signals.rms(y, from, to) / (0.5 / Math.sqrt(2)));
        assertTrue(Math.abs(levelDb) < 0.5, "level changed by " + levelDb + " dB at ratio " + ratio);
    }

    @Test
    void sevenSemitonesUpIsAFifth() {
        AudioBuffer out = Stretch.offline(Signals.mono(Signals.sine(A4, 0.5, RATE, RATE)),
                StretchOptions.defaults().withPitchSemitones(7));
        float[] y = out.channel(0);
        assertEquals(RATE, y.length);
        double cents = Signals.cents(Signals.frequencyHz(y, y.length / 4, 3 * y.length / 4, RATE), 659.2551138);
        assertTrue(Math.abs(cents) < 1.0, "+7 semitones is off by " + cents + " cents");
    }

    @ParameterizedTest
    @CsvSource({"-5,30,1.0", "3,0,1.3", "-12,0,0.8", "0,-40,1.1"})
    void pitchShiftInSemitonesAndCentsWithStretch(int semitones, double cents, double ratio) {
        int frames = RATE * 3 / 2;
        StretchOptions options = StretchOptions.defaults().withPitch(semitones, cents).withRatio(ratio);
        float[] y = Stretch.offline(Signals.mono(Signals.sine(A4, 0.5, frames, RATE)), options).channel(0);
        assertEquals(Math.round(frames * ratio), y.length);
        double expected = A4 * Math.pow(2, (semitones + cents / 100) / 12);
        double error = Signals.cents(Signals.frequencyHz(y, y.length / 4, 3 * y.length / 4, RATE), expected);
        assertTrue(Math.abs(error) < 1.0, "shift " + semitones + " st " + cents + " c is off by " + error + " cents");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lengthIsExactForOddSizesAndChannels(int channels) {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 4; trial++) {
            int frames = 3000 + random.nextInt(20_000);
            float[][] x = new float[channels][frames];
            for (float[] ch : x) {
                for (int i = 0; i < frames; i++) {
                    ch[i] = (float) (0.1 * (random.nextDouble() * 2 - 1));
                }
            }
            int target = (int) (frames * (0.6 + random.nextDouble() * 1.2));
            AudioBuffer out = Stretch.toFrames(new AudioBuffer(x, RATE), target, StretchOptions.defaults());
            assertEquals(target, out.frames());
            assertEquals(channels, out.channels());
        }
    }

    @Test
    void sameInputGivesIdenticalOutput() {
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[RATE / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() - 0.5);
        }
        StretchOptions options = StretchOptions.defaults().withRatio(1.17).withPitchSemitones(2.5);
        float[] a = Stretch.offline(Signals.mono(x), options).channel(0);
        float[] b = Stretch.offline(Signals.mono(x.clone()), options).channel(0);
        assertArrayEquals(a, b);
    }

    @Test
    void rejectsImpossibleLengths() {
        AudioBuffer x = Signals.mono(new float[1000]);
        assertThrows(IllegalArgumentException.class, () -> Stretch.toFrames(x, 5000, StretchOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Stretch.toFrames(x, -1, StretchOptions.defaults()));
        assertEquals(0, Stretch.toFrames(x, 0, StretchOptions.defaults()).frames());
    }
}
