package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.KarplusStrong;
import io.djia.generate.procedural.dsp.Noise;

/**
 * A plucked string (Karplus-Strong): harp, guitar skank, synth pluck. When {@code choke} is set the string is
 * damped at the end of the gate (a guitarist's muting hand); otherwise it rings out.
 */
final class PluckVoice implements NoteVoice {
    private final double brightness;
    private final double decaySeconds;
    private final boolean choke;
    private final int sr;
    private final Noise noise;

    PluckVoice(double brightness, double decaySeconds, boolean choke, int sampleRate, long noiseSeed) {
        this.brightness = brightness;
        this.decaySeconds = decaySeconds;
        this.choke = choke;
        this.sr = sampleRate;
        this.noise = new Noise(noiseSeed);
    }

    @Override
    public int length(Note note) {
        int ring = (int) (decaySeconds * 1.1 * sr);
        return choke ? Math.min(ring, note.gate() + (int) (0.02 * sr)) : ring;
    }

    @Override
    public boolean render(Note note, float[] out, float[] unused, int length) {
        double hz = Key.midiToHz(note.midi());
        int n = KarplusStrong.pluck(out, length, hz, brightness * (0.75 + 0.25 * note.velocity()), decaySeconds,
                note.velocity(), noise, sr);
        if (choke && note.gate() < length) {
            int fade = length - note.gate();
            for (int i = 0; i < fade; i++) {
                out[note.gate() + i] *= (float) (1.0 - (i + 1.0) / fade);
            }
        }
        for (int i = n; i < length; i++) {
            out[i] = 0f;
        }
        return false;
    }
}
