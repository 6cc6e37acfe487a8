package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.Resonator;
import io.djia.generate.procedural.dsp.Svf;

/**
 * A modal piano: each note is a sum of decaying partials with the stretched tuning of stiff strings,
 * f_n = n f0 sqrt(1 + B n^2) (H. Fletcher, "Normal vibration frequencies of a stiff piano string", JASA 1964),
 * higher partials decaying faster, the lowest two doubled by a slightly detuned second string so the tone beats
 * and decays in two stages as real unison strings do (G. Weinreich, "Coupled piano strings", JASA 1977), plus a
 * felt-hammer thump. Velocity sets brightness as well as level. Releasing the key brings down the damper.
 */
final class PianoVoice implements NoteVoice {
    private static final double INHARMONICITY = 0.0004;
    private final int sr;
    private final Noise noise;
    private final double sustainSeconds;

    PianoVoice(int sampleRate, long noiseSeed, double sustainSeconds) {
        this.sr = sampleRate;
        this.noise = new Noise(noiseSeed);
        this.sustainSeconds = sustainSeconds;
    }

    private double decay(Note note) {
        // Bass strings ring for many seconds, treble ones briefly.
        return sustainSeconds * Math.pow(2.0, -(note.midi() - 60) / 24.0);
    }

    @Override
    public int length(Note note) {
        return (int) Math.min(decay(note) * sr, note.gate() + 0.25 * sr);
    }

    @Override
    public boolean render(Note note, float[] out, float[] unused, int length) {
        double hz = Key.midiToHz(note.midi());
        double vel = note.velocity();
        double t60 = decay(note);
        int partials = (int) Math.max(3, Math.min(8, 5000.0 / hz));
        Resonator[] modes = new Resonator[partials + 2];
        int m = 0;
        for (int k = 1; k <= partials; k++) {
            double f = k * hz * Math.sqrt(1.0 + INHARMONICITY * k * k);
            // Brightness grows with velocity: soft notes are nearly sine-like, loud ones ring with overtones.
            double amp = Math.pow(k, -(1.6 - 0.7 * vel)) * (k == 1 ? 1.0 : 0.8);
            double decay = t60 / (1.0 + 0.45 * (k - 1));
            modes[m++] = new Resonator(f, decay, amp * 0.6, 0, sr);
            if (k <= 2) {
                modes[m++] = new Resonator(f * 1.0012, decay * 0.35, amp * 0.4, 0, sr);
            }
        }
        Svf hammer = new Svf(sr).set(Math.min(4 * hz, 3000) * (0.5 + vel), 0.7);
        double thump = 0.35 * vel;
        double thumpCoeff = Math.exp(Math.log(1e-3) / (0.012 * sr));
        double damperCoeff = Math.exp(Math.log(1e-3) / (0.18 * sr));
        double damper = 1.0;
        int attack = Math.max(1, (int) (0.0015 * sr));
        for (int t = 0; t < length; t++) {
            double y = 0;
            for (int i = 0; i < m; i++) {
                y += modes[i].next();
            }
            if (thump > 1e-4) {
                y += hammer.lowpass(noise.white()) * thump;
                thump *= thumpCoeff;
            }
            if (t >= note.gate()) {
                damper *= damperCoeff;
            }
            double a = t < attack ? (double) t / attack : 1.0;
            out[t] = (float) (y * vel * damper * a);
        }
        return false;
    }
}
