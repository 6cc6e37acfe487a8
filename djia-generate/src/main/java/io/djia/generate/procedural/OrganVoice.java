package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;

/**
 * A tonewheel organ: additive sines at the drawbar footages 16', 8', 5 1/3', 4', 2 2/3', 2' (ratios 0.5, 1, 1.5,
 * 2, 3, 4 of the played pitch) with the key click of the contacts. Mono; the rotary speaker is applied to the
 * whole part afterwards.
 */
final class OrganVoice implements NoteVoice {
    private static final double[] RATIOS = {0.5, 1.0, 1.5, 2.0, 3.0, 4.0};

    private final double[] drawbars;
    private final double click;
    private final int sr;
    private final Noise noise;

    /** @param drawbars six levels 0..8 for 16', 8', 5 1/3', 4', 2 2/3', 2' */
    OrganVoice(double[] drawbars, double click, int sampleRate, long noiseSeed) {
        this.drawbars = new double[RATIOS.length];
        double sum = 0;
        for (int i = 0; i < RATIOS.length; i++) {
            this.drawbars[i] = drawbars[i] / 8.0;
            sum += this.drawbars[i];
        }
        for (int i = 0; i < RATIOS.length; i++) {
            this.drawbars[i] /= Math.max(1.0, sum);
        }
        this.click = click;
        this.sr = sampleRate;
        this.noise = new Noise(noiseSeed);
    }

    @Override
    public int length(Note note) {
        return note.gate() + (int) (0.04 * sr);
    }

    @Override
    public boolean render(Note note, float[] out, float[] unused, int length) {
        double hz = Key.midiToHz(note.midi());
        double[] phase = new double[RATIOS.length];
        double[] inc = new double[RATIOS.length];
        for (int i = 0; i < RATIOS.length; i++) {
            inc[i] = hz * RATIOS[i] / sr;
            // Tonewheels spin freely: a key connects a wheel at whatever phase it has.
            phase[i] = noise.uniform();
        }
        Svf clickBand = new Svf(sr).set(2500, 0.8);
        int attack = (int) (0.004 * sr);
        int clickLen = (int) (0.006 * sr);
        double releaseCoeff = Math.exp(Math.log(1e-3) / (0.035 * sr));
        double amp = 0;
        for (int t = 0; t < length; t++) {
            double y = 0;
            for (int i = 0; i < RATIOS.length; i++) {
                if (drawbars[i] > 0) {
                    phase[i] += inc[i];
                    if (phase[i] >= 1.0) {
                        phase[i] -= 1.0;
                    }
                    y += drawbars[i] * SineTable.sin(phase[i]);
                }
            }
            if (t < note.gate()) {
                amp = Math.min(1.0, amp + 1.0 / attack);
            } else {
                amp *= releaseCoeff;
            }
            if (t < clickLen) {
                y += click * clickBand.bandpass(noise.white()) * (1.0 - (double) t / clickLen);
            }
            out[t] = (float) (y * amp * note.velocity());
        }
        return false;
    }
}
