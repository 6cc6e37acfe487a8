package io.djia.stretch;

import static io.djia.stretch.Signals.RATE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Formant preservation keeps the spectral envelope where it was while the harmonics move. */
class FormantTest {
    /** A 130 Hz harmonic tone shaped by one resonance at 900 Hz (bandwidth ~250 Hz): a crude vowel. */
    private static float[] vowel(int frames) {
        float[] x = new float[frames];
        for (int h = 1; 130.0 * h < 8000; h++) {
            double f = 130.0 * h;
            double gain = 1.0 / (1.0 + Math.pow((f - 900) / 125, 2)) + 0.02;
            float[] partial = Signals.sine(f, 0.2 * gain, frames, RATE);
            for (int i = 0; i < frames; i++) {
                x[i] += partial[i];
            }
        }
        return x;
    }

    /** Spectral centroid in Hz of {@code x} between 200 Hz and 4 kHz. */
    private static double centroidHz(float[] x) {
        double[] db = Signals.averageSpectrumDb(x, x.length / 4, 3 * x.length / 4);
        double binHz = RATE / 8192.0;
        double sum = 0;
        double weighted = 0;
        for (int k = (int) (200 / binHz); k < (int) (4000 / binHz); k++) {
            double power = Math.pow(10, db[k] / 10);
            sum += power;
            weighted += power * k * binHz;
        }
        return weighted / sum;
    }

    @Test
    void envelopeStaysWhenPreservedAndMovesWhenNot() {
        float[] x = vowel(RATE * 3 / 2);
        double source = centroidHz(x);
        StretchOptions up = StretchOptions.defaults().withPitchSemitones(5);
        double plain = centroidHz(Stretch.offline(Signals.mono(x), up).channel(0));
        double kept = centroidHz(Stretch.offline(Signals.mono(x), up.withFormantPreserved(true)).channel(0));
        double factor = Math.pow(2, 5 / 12.0);
        assertTrue(plain / source > 0.9 * factor, "without preservation the envelope should move up by ~"
                + factor + ", moved by " + plain / source);
        assertTrue(Math.abs(kept / source - 1) < 0.08, "with preservation the centroid moved by " + kept / source);
    }

    @Test
    void harmonicsStillMoveWhenFormantsArePreserved() {
        float[] x = Signals.sine(440, 0.5, RATE, RATE);
        float[] y = Stretch.offline(Signals.mono(x), StretchOptions.defaults().withPitchSemitones(-3)
                .withFormantPreserved(true)).channel(0);
        double cents = Signals.cents(Signals.frequencyHz(y, y.length / 4, 3 * y.length / 4, RATE),
                440 * Math.pow(2, -3 / 12.0));
        assertTrue(Math.abs(cents) < 1.0, "pitch off by " + cents + " cents");
    }
}
