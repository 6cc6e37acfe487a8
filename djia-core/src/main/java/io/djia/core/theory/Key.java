package io.djia.core.theory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A musical key: a tonic pitch class (0 = C ... 11 = B) and a mode, or atonal.
 *
 * <p>Parsed from forms such as "C minor", "Cm", "F# minor", "E flat minor", "Eb", "Bbmaj", "atonal".
 */
public record Key(int tonic, Mode mode, boolean atonal) {
    private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
    /** Conventional spellings: flats for the keys usually written with flats. */
    private static final boolean[] PREFER_FLAT = {false, true, false, true, false, false, false, false, true, false, true, false};
    private static final Pattern FORM = Pattern.compile(
            "^([a-g])\\s*(#|♯|b|♭|-?\\s*sharp|-?\\s*flat)?\\s*(major|maj|minor|min|moll|dur|m|)$");

    public static final Key ATONAL = new Key(0, Mode.MINOR, true);

    public Key {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic pitch class must be 0..11, got " + tonic);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
    }

    public static Key of(int tonic, Mode mode) {
        return new Key(Math.floorMod(tonic, 12), mode, false);
    }

    /**
     * Parses a key name.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Key parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty key name; expected e.g. \"C minor\", \"F#m\", \"E flat minor\", \"Eb\" or \"atonal\"");
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.equals("atonal") || t.equals("none")) {
            return ATONAL;
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown key \"" + text
                    + "\"; expected a note A-G, an optional # or b (or 'sharp'/'flat'), and major/minor/m, e.g. \"C minor\", \"F#m\", \"E flat minor\", \"Eb\", or \"atonal\"");
        }
        int pc = switch (m.group(1).charAt(0)) {
            case 'c' -> 0;
            case 'd' -> 2;
            case 'e' -> 4;
            case 'f' -> 5;
            case 'g' -> 7;
            case 'a' -> 9;
            default -> 11;
        };
        String accidental = m.group(2) == null ? "" : m.group(2).replaceAll("[\\s-]", "");
        if (accidental.equals("#") || accidental.equals("♯") || accidental.equals("sharp")) {
            pc += 1;
        } else if (accidental.equals("b") || accidental.equals("♭") || accidental.equals("flat")) {
            pc -= 1;
        }
        String quality = m.group(3);
        Mode mode = switch (quality) {
            case "minor", "min", "moll", "m" -> Mode.MINOR;
            default -> Mode.MAJOR;
        };
        return of(pc, mode);
    }

    /** Name of the tonic with the conventional accidental, e.g. "Eb" or "F#". */
    public String tonicName() {
        return PREFER_FLAT[tonic] ? FLAT_NAMES[tonic] : SHARP_NAMES[tonic];
    }

    /** Display name such as "C minor", "Eb major" or "atonal". */
    public String displayName() {
        if (atonal) {
            return "atonal";
        }
        return tonicName() + (mode == Mode.MINOR ? " minor" : " major");
    }

    /**
     * Camelot wheel code ("5A" = C minor, "8B" = C major). Minor keys are "A", major "B"; neighbours
     * on the wheel are a fifth apart. Empty for atonal.
     */
    public String camelot() {
        if (atonal) {
            return "";
        }
        int fifths = (tonic * 7) % 12;
        int number = mode == Mode.MINOR ? (fifths + 4) % 12 + 1 : (fifths + 7) % 12 + 1;
        return number + (mode == Mode.MINOR ? "A" : "B");
    }

    /** Relative major or minor (same notes). */
    public Key relative() {
        if (atonal) {
            return this;
        }
        return mode == Mode.MINOR ? of(tonic + 3, Mode.MAJOR) : of(tonic + 9, Mode.MINOR);
    }

    /** MIDI note number of a scale degree in the given octave (octave 4 holds middle C = 60). */
    public int midiNote(int degree, int octave) {
        return 12 * (octave + 1) + tonic + mode.semitonesOfDegree(degree);
    }

    /** Pitch classes of the scale (all twelve when atonal). */
    public int[] pitchClasses() {
        if (atonal) {
            int[] all = new int[12];
            for (int i = 0; i < 12; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = mode.intervals();
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] + tonic) % 12;
        }
        return out;
    }

    /** Whether the two keys sit on the same or adjacent Camelot positions (a smooth harmonic mix). */
    public boolean isCompatibleWith(Key other) {
        if (atonal || other.atonal) {
            return true;
        }
        String a = camelot();
        String b = other.camelot();
        int na = Integer.parseInt(a.substring(0, a.length() - 1));
        int nb = Integer.parseInt(b.substring(0, b.length() - 1));
        boolean sameLetter = a.charAt(a.length() - 1) == b.charAt(b.length() - 1);
        int distance = Math.min(Math.floorMod(na - nb, 12), Math.floorMod(nb - na, 12));
        return sameLetter ? distance <= 1 : distance == 0;
    }

    /** Frequency in Hz of a MIDI note, A4 = 440 Hz, equal temperament. */
    public static double midiToHz(double midiNote) {
        return 440.0 * Math.pow(2.0, (midiNote - 69.0) / 12.0);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
