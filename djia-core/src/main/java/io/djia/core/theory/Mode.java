package io.djia.core.theory;

/** Scale modes used by keys. Intervals are semitones above the tonic. */
public enum Mode {
    MAJOR(new int[] {0, 2, 4, 5, 7, 9, 11}),
    /** Natural minor (aeolian). */
    MINOR(new int[] {0, 2, 3, 5, 7, 8, 10});

    private final int[] intervals;

    Mode(int[] intervals) {
        this.intervals = intervals;
    }

    /** Semitone offsets of the seven scale degrees above the tonic. */
    public int[] intervals() {
        return intervals.clone();
    }

    /** Semitone offset of a scale degree (0-based, may exceed 6 or be negative: octaves wrap). */
    public int semitonesOfDegree(int degree) {
        int octave = Math.floorDiv(degree, 7);
        return octave * 12 + intervals[Math.floorMod(degree, 7)];
    }
}
