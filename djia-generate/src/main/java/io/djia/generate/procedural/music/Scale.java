package io.djia.generate.procedural.music;

import io.djia.core.theory.Key;
import java.util.SplittableRandom;

/**
 * The pitch material of a clip: the key's seven-note scale, or for an atonal key a seeded set of seven
 * chromatic and quarter-tone pitches, so "atonal" music still has a consistent, if unfamiliar, mode.
 *
 * <p>Degrees are absolute: degree 0 is the tonic in MIDI octave 0 (note 12 + tonic), degree 7 the tonic an
 * octave up, and so on; negative degrees go down.
 */
public final class Scale {
    private final Key key;
    private final double[] offsets;

    private Scale(Key key, double[] offsets) {
        this.key = key;
        this.offsets = offsets;
    }

    /**
     * @param materialSeed seeds the atonal pitch set; layers that should sound together pass the same value
     */
    public static Scale of(Key key, long materialSeed) {
        double[] offsets = new double[7];
        if (!key.atonal()) {
            for (int d = 0; d < 7; d++) {
                offsets[d] = key.mode().semitonesOfDegree(d);
            }
            return new Scale(key, offsets);
        }
        SplittableRandom rng = new SplittableRandom(materialSeed);
        boolean[] used = new boolean[12];
        used[0] = true;
        int count = 1;
        while (count < 7) {
            int pc = 1 + rng.nextInt(11);
            if (!used[pc]) {
                used[pc] = true;
                count++;
            }
        }
        int d = 0;
        for (int pc = 0; pc < 12; pc++) {
            if (used[pc]) {
                offsets[d++] = pc;
            }
        }
        // Roughly a third of the notes move a quarter tone off the chromatic grid, where that keeps them apart.
        for (int i = 1; i < 7; i++) {
            if (rng.nextInt(3) == 0) {
                double moved = offsets[i] + (rng.nextBoolean() ? 0.5 : -0.5);
                double below = offsets[i - 1];
                double above = i < 6 ? offsets[i + 1] : 12.0;
                if (moved - below >= 0.9 && above - moved >= 0.9) {
                    offsets[i] = moved;
                }
            }
        }
        return new Scale(key, offsets);
    }

    public Key key() {
        return key;
    }

    public boolean atonal() {
        return key.atonal();
    }

    /** MIDI pitch of an absolute degree (degree 0 = tonic at MIDI 12 + tonic). */
    public double midi(int degree) {
        int octave = Math.floorDiv(degree, 7);
        return 12.0 + key.tonic() + 12.0 * octave + offsets[Math.floorMod(degree, 7)];
    }

    /** Absolute degree of the scale degree {@code degreeInOctave} (0..6) in the octave holding MIDI {@code nearMidi}. */
    public int degreeNear(int degreeInOctave, double nearMidi) {
        int best = degreeInOctave;
        double bestDistance = Double.MAX_VALUE;
        for (int octave = -1; octave <= 10; octave++) {
            int degree = degreeInOctave + 7 * octave;
            double distance = Math.abs(midi(degree) - nearMidi);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = degree;
            }
        }
        return best;
    }

    /** Frequency in Hz of an absolute degree (A4 = 440 Hz). */
    public double hz(int degree) {
        return Key.midiToHz(midi(degree));
    }
}
