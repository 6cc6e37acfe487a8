package io.djia.generate.procedural.music;

/**
 * Voice leading: places a chord's tones so each voice moves as little as possible from the previous chord,
 * the rule of common-practice part writing and of any good pad or comping part.
 */
public final class Voicing {
    private Voicing() {
    }

    /**
     * Chooses absolute degrees for {@code chord} within MIDI {@code [lowMidi, highMidi]}.
     *
     * @param previous the previous voicing (absolute degrees, ascending) or null for the first chord, which is
     *                 then centred in the range
     * @return ascending absolute degrees, one per chord tone
     */
    public static int[] lead(int[] previous, Chord chord, Scale scale, double lowMidi, double highMidi) {
        int[] tones = chord.degrees();
        int n = tones.length;
        int[] best = null;
        double bestCost = Double.MAX_VALUE;
        double centre = 0.5 * (lowMidi + highMidi);
        for (int inversion = 0; inversion < n; inversion++) {
            for (int octave = -1; octave <= 10; octave++) {
                int[] candidate = new int[n];
                for (int i = 0; i < n; i++) {
                    int tone = tones[(i + inversion) % n] + (i + inversion >= n ? 7 : 0);
                    candidate[i] = tone + 7 * octave;
                }
                double lo = scale.midi(candidate[0]);
                double hi = scale.midi(candidate[n - 1]);
                if (lo < lowMidi || hi > highMidi) {
                    continue;
                }
                double cost;
                if (previous == null || previous.length != n) {
                    double mean = 0;
                    for (int d : candidate) {
                        mean += scale.midi(d);
                    }
                    cost = Math.abs(mean / n - centre);
                } else {
                    cost = 0;
                    for (int i = 0; i < n; i++) {
                        cost += Math.abs(scale.midi(candidate[i]) - scale.midi(previous[i]));
                    }
                }
                if (cost < bestCost - 1e-9) {
                    bestCost = cost;
                    best = candidate;
                }
            }
        }
        if (best == null) {
            // Range narrower than the chord: stack it in root position from the bottom of the range.
            best = new int[n];
            int base = scale.degreeNear(chord.root(), lowMidi + 6);
            for (int i = 0; i < n; i++) {
                best[i] = base + 2 * i;
            }
        }
        return best;
    }
}
