package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.SineTable;

/**
 * Two-operator FM (J. Chowning, "The synthesis of complex audio spectra by means of frequency modulation",
 * JAES 1973) with a second, fast-decaying high-ratio pair for the strike: at ratio 1 with a decaying index it is
 * the electric piano of the DX7 era (the high pair is the tine's ping); at an inharmonic ratio such as 3.5 it is
 * a bell. Mono; the player pans.
 */
final class FmVoice implements NoteVoice {
    /**
     * @param modRatio    modulator frequency / carrier frequency
     * @param index       peak modulation index (radians / 2 pi)
     * @param indexDecay  seconds for the index to fall by 60 dB towards {@code indexFloor}
     * @param indexFloor  index that remains while the note sounds
     * @param tineRatio   ratio of the strike pair's modulator (0 = none)
     * @param tineLevel   level of the strike pair
     * @param tineDecay   seconds to -60 dB of the strike pair
     * @param decay       seconds to -60 dB of the note while held
     * @param release     seconds to -60 dB after the key is released
     * @param keyScaling  how much faster high notes decay (0 = not at all)
     */
    record Patch(double modRatio, double index, double indexDecay, double indexFloor, double tineRatio,
                 double tineLevel, double tineDecay, double decay, double release, double keyScaling) {
    }

    private final Patch patch;
    private final int sr;

    FmVoice(Patch patch, int sampleRate) {
        this.patch = patch;
        this.sr = sampleRate;
    }

    @Override
    public int length(Note note) {
        int natural = (int) (decayFor(note) * sr);
        return Math.min(natural, note.gate() + (int) (patch.release() * sr));
    }

    private double decayFor(Note note) {
        // Higher notes die away sooner, as on a real piano or tine.
        return patch.decay() / (1.0 + patch.keyScaling() * Math.max(0, (note.midi() - 48) / 12.0));
    }

    @Override
    public boolean render(Note note, float[] out, float[] unused, int length) {
        double hz = Key.midiToHz(note.midi());
        double vel = note.velocity();
        double c = hz / sr;
        double m = c * patch.modRatio();
        double tm = c * patch.tineRatio();
        double ampCoeff = coefficient(decayFor(note));
        double releaseCoeff = coefficient(patch.release());
        double indexCoeff = coefficient(patch.indexDecay());
        double tineCoeff = coefficient(patch.tineDecay());
        double index = patch.index() * (0.4 + 0.6 * vel);
        double tine = patch.tineLevel() * vel;
        double amp = vel;
        double cp = 0;
        double mp = 0;
        double tp = 0;
        int attack = Math.max(1, (int) (0.001 * sr));
        for (int t = 0; t < length; t++) {
            cp += c;
            if (cp >= 1.0) {
                cp -= 1.0;
            }
            mp += m;
            if (mp >= 1.0) {
                mp -= 1.0;
            }
            double idx = patch.indexFloor() + index;
            double y = SineTable.sin(cp + idx * SineTable.sin(mp));
            if (tine > 1e-5) {
                tp += tm;
                if (tp >= 1.0) {
                    tp -= 1.0;
                }
                y += tine * SineTable.sin(cp + 0.6 * SineTable.sin(tp));
                tine *= tineCoeff;
            }
            index *= indexCoeff;
            amp *= t < note.gate() ? ampCoeff : releaseCoeff;
            double a = t < attack ? amp * t / attack : amp;
            out[t] = (float) (y * a);
        }
        return false;
    }

    private double coefficient(double seconds) {
        return seconds <= 0 ? 0.0 : Math.exp(Math.log(1e-3) / (seconds * sr));
    }
}
