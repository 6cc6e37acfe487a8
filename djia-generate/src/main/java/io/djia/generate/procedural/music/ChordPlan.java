package io.djia.generate.procedural.music;

import io.djia.core.theory.Key;
import io.djia.core.theory.Mode;
import java.util.List;
import java.util.Locale;

/**
 * The chord progression of a style in a key: four diatonic chords, one per {@link #barsPerChord()} bars,
 * repeating. The progression depends only on the style and the key, never on a clip's seed, so every layer a
 * set generates in that key (bass, pads, leads) follows the same changes and the layers agree harmonically.
 *
 * <p>Progressions avoid chords on the diminished degree (ii in minor, vii in major) so that roots and their
 * perfect fifths, which basses and power chords double, stay in the scale.
 */
public final class ChordPlan {
    private final Chord[] chords;
    private final int barsPerChord;

    private ChordPlan(Chord[] chords, int barsPerChord) {
        this.chords = chords;
        this.barsPerChord = barsPerChord;
    }

    /** A plan from explicit root degrees (0..6). */
    public static ChordPlan of(int[] roots, int extensions, int barsPerChord) {
        if (roots.length == 0) {
            throw new IllegalArgumentException("a progression needs at least one chord");
        }
        if (barsPerChord < 1) {
            throw new IllegalArgumentException("bars per chord must be at least 1, got " + barsPerChord);
        }
        Chord[] chords = new Chord[roots.length];
        for (int i = 0; i < roots.length; i++) {
            chords[i] = new Chord(roots[i], extensions);
        }
        return new ChordPlan(chords, barsPerChord);
    }

    /** The progression a style uses in a key; unknown styles get a general pop/minor progression. */
    public static ChordPlan forStyle(String style, Key key) {
        String s = style == null ? "" : style.toLowerCase(Locale.ROOT);
        boolean minor = key.atonal() || key.mode() == Mode.MINOR;
        int[][] options;
        int extensions;
        int barsPerChord = 1;
        switch (s) {
            case "techno_minimal" -> {
                options = minor ? new int[][] {{0, 0, 5, 6}, {0, 5, 0, 6}, {0, 3, 0, 6}, {0, 0, 3, 5}}
                        : new int[][] {{0, 0, 3, 4}, {0, 5, 0, 3}, {0, 3, 0, 4}};
                extensions = 1;
            }
            case "deep_house" -> {
                // "ii-V-I" of the relative major in minor keys (iv7-VII7-IIImaj7-VImaj7), ii-V-I-vi in major.
                options = minor ? new int[][] {{3, 6, 2, 5}, {0, 3, 6, 2}, {0, 5, 3, 6}}
                        : new int[][] {{1, 4, 0, 5}, {1, 4, 0, 0}, {0, 5, 1, 4}, {3, 2, 1, 0}};
                extensions = 2;
            }
            case "dub" -> {
                options = minor ? new int[][] {{0, 6, 0, 6}, {0, 3, 0, 6}, {0, 6, 5, 6}, {0, 3, 6, 6}}
                        : new int[][] {{0, 3, 0, 4}, {0, 3, 4, 3}};
                extensions = 0;
            }
            case "rock" -> {
                options = minor ? new int[][] {{0, 5, 6, 0}, {0, 2, 6, 3}, {0, 6, 5, 6}, {0, 3, 5, 6}}
                        : new int[][] {{0, 4, 5, 3}, {0, 3, 4, 3}, {0, 5, 3, 4}};
                extensions = 0;
            }
            case "hip_hop", "trip_hop" -> {
                options = minor ? new int[][] {{0, 5, 3, 4}, {0, 6, 5, 4}, {0, 3, 0, 5}, {0, 2, 3, 6}}
                        : new int[][] {{0, 5, 1, 4}, {3, 4, 2, 5}, {0, 2, 3, 4}};
                extensions = 1;
            }
            case "jungle_dnb" -> {
                options = minor ? new int[][] {{0, 5, 2, 6}, {0, 0, 5, 6}, {0, 3, 5, 4}, {5, 6, 0, 0}}
                        : new int[][] {{0, 5, 3, 4}, {5, 3, 0, 4}};
                extensions = 1;
            }
            case "downtempo_ambient" -> {
                options = minor ? new int[][] {{0, 5, 2, 6}, {0, 3, 5, 2}, {5, 2, 6, 0}}
                        : new int[][] {{0, 3, 5, 4}, {0, 4, 5, 3}, {3, 0, 4, 5}};
                extensions = 2;
                barsPerChord = 2;
            }
            case "classical" -> {
                options = minor ? new int[][] {{0, 3, 6, 2}, {0, 5, 3, 4}, {0, 2, 3, 4}, {0, 3, 4, 0}}
                        : new int[][] {{0, 3, 4, 0}, {0, 5, 1, 4}, {0, 4, 5, 2}};
                extensions = 0;
            }
            default -> {
                options = minor ? new int[][] {{0, 5, 2, 6}, {0, 3, 4, 0}, {0, 6, 5, 6}}
                        : new int[][] {{0, 4, 5, 3}, {0, 5, 3, 4}, {1, 4, 0, 0}};
                extensions = key.atonal() ? 1 : 0;
            }
        }
        int index = Math.floorMod(s.hashCode() * 31 + key.tonic() * 7 + key.mode().ordinal(), options.length);
        return of(options[index], extensions, barsPerChord);
    }

    public Chord chordAtBar(int bar) {
        return chords[Math.floorMod(Math.floorDiv(bar, barsPerChord), chords.length)];
    }

    public int barsPerChord() {
        return barsPerChord;
    }

    public List<Chord> chords() {
        return List.of(chords);
    }
}
