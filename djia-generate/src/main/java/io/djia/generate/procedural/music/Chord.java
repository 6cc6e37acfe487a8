package io.djia.generate.procedural.music;

/**
 * A diatonic chord stacked in thirds on a scale degree.
 *
 * @param root       root scale degree 0..6
 * @param extensions 0 = triad, 1 = seventh, 2 = seventh and ninth
 */
public record Chord(int root, int extensions) {
    public Chord {
        if (root < 0 || root > 6) {
            throw new IllegalArgumentException("chord root must be a scale degree 0..6, got " + root);
        }
        if (extensions < 0 || extensions > 2) {
            throw new IllegalArgumentException("extensions must be 0 (triad), 1 (7th) or 2 (7th and 9th), got " + extensions);
        }
    }

    /** Chord tones as scale degrees from the root upward: root, third, fifth[, seventh[, ninth]]. */
    public int[] degrees() {
        int[] out = new int[3 + extensions];
        for (int i = 0; i < out.length; i++) {
            out[i] = root + 2 * i;
        }
        return out;
    }

    /** Whether a scale degree (any octave) is a chord tone. */
    public boolean contains(int degree) {
        int d = Math.floorMod(degree - root, 7);
        return d == 0 || d == 2 || d == 4 || (extensions >= 1 && d == 6) || (extensions >= 2 && d == 1);
    }

    /** The fifth as a degree above the root (diatonic). */
    public int fifth() {
        return root + 4;
    }
}
