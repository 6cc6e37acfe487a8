package io.djia.generate.tts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

class FormantSpeechSynthesizerTest {
    private static final int RATE = 48_000;
    private final FormantSpeechSynthesizer voice = new FormantSpeechSynthesizer();

    /** Power of the band [lowHz, highHz] by a sum of single-bin DFTs (Goertzel) over a span of samples. */
    private static double bandPowerDb(float[] x, int from, int to, double lowHz, double highHz) {
        double power = 0;
        for (double f = lowHz; f <= highHz; f += 10) {
            double w = 2 * Math.PI * f / RATE;
            double re = 0;
            double im = 0;
            for (int n = from; n < to; n++) {
                double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * (n - from) / (to - from));
                re += x[n] * hann * Math.cos(w * n);
                im -= x[n] * hann * Math.sin(w * n);
            }
            power += re * re + im * im;
        }
        return 10 * Math.log10(power + 1e-30);
    }

    private static float[] middle(AudioBuffer b) {
        return b.channel(0);
    }

    @Test
    void vowelsHaveTheirSecondFormant() {
        // "ee" (F2 2290 Hz) against "oo" (F2 870 Hz): the 2.1..2.5 kHz band against the 0.7..1.0 kHz band.
        float[] ee = middle(voice.speak("ee", 5, RATE));
        float[] oo = middle(voice.speak("oo", 5, RATE));
        double eeTilt = bandPowerDb(ee, ee.length / 4, 3 * ee.length / 4, 2100, 2500)
                - bandPowerDb(ee, ee.length / 4, 3 * ee.length / 4, 700, 1000);
        double ooTilt = bandPowerDb(oo, oo.length / 4, 3 * oo.length / 4, 2100, 2500)
                - bandPowerDb(oo, oo.length / 4, 3 * oo.length / 4, 700, 1000);
        assertTrue(eeTilt - ooTilt > 15, "ee " + eeTilt + " dB, oo " + ooTilt + " dB");
    }

    @Test
    void pitchFollowsEnergy() {
        for (int energy : new int[] {2, 9}) {
            float[] a = voice.speak("aaah", energy, RATE).channel(0);
            double f0 = autocorrelationPitch(a, a.length / 8, a.length / 8 + 4800);
            double expected = FormantSpeechSynthesizer.basePitchHz(energy);
            // Declination lowers the pitch by at most 12 % over the line; this window is near the start.
            assertEquals(expected, f0, expected * 0.05, "energy " + energy);
        }
    }

    private static double autocorrelationPitch(float[] x, int from, int to) {
        int minLag = RATE / 300;
        int maxLag = RATE / 60;
        int best = minLag;
        double bestValue = -1;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double sum = 0;
            for (int n = from; n < to; n++) {
                sum += x[n] * x[n + lag];
            }
            if (sum > bestValue) {
                bestValue = sum;
                best = lag;
            }
        }
        return (double) RATE / best;
    }

    @Test
    void fricativesAreNoisyAndHigh() {
        float[] s = voice.speak("sss", 5, RATE).channel(0);
        double high = bandPowerDb(s, s.length / 4, 3 * s.length / 4, 4500, 7500);
        double low = bandPowerDb(s, s.length / 4, 3 * s.length / 4, 100, 1000);
        assertTrue(high - low > 20, "s: " + high + " vs " + low);
    }

    @Test
    void levelLengthPausesAndDeterminism() {
        AudioBuffer a = voice.speak("Let's go deeper.", 7, RATE);
        assertEquals(1, a.channels());
        assertEquals(RATE, a.sampleRate());
        assertEquals(0.5, a.peak(), 1e-3, "normalised to -6 dBFS");
        assertTrue(a.durationSeconds() > 0.6 && a.durationSeconds() < 2.0, "duration " + a.durationSeconds());
        assertArrayEquals(a.channel(0), voice.speak("Let's go deeper.", 7, RATE).channel(0));
        double withPause = voice.speak("go, go", 5, RATE).durationSeconds();
        double without = voice.speak("go go", 5, RATE).durationSeconds();
        assertEquals(0.12, withPause - without, 0.01, "a comma adds 180 ms against a 60 ms word gap");
        assertTrue(voice.speak("Let's go deeper and deeper into the night", 5, RATE).durationSeconds()
                > 1.8 * a.durationSeconds());
        assertTrue(voice.speak("Let's go", 10, RATE).durationSeconds() < voice.speak("Let's go", 1, RATE).durationSeconds(),
                "more energy, faster");
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> voice.speak(" ", 5, RATE));
        assertThrows(IllegalArgumentException.class, () -> voice.speak("hi", 0, RATE));
        assertThrows(IllegalArgumentException.class, () -> voice.speak("hi", 5, 100));
        assertThrows(IllegalArgumentException.class, () -> voice.speak("...", 5, RATE));
    }
}
