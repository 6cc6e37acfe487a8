package io.djia.generate.procedural.music;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes melodies as a composer writes a riff: a one- or two-bar motif (rhythm plus a contour of scale steps)
 * stated, restated on the next chord, and varied at the end of the phrase (the "A A A' B" sentence). Notes on
 * beats are pulled onto chord tones; the rest move mostly by step. Everything is drawn from the caller's seeded
 * random source, so the same seed writes the same tune.
 */
public final class MelodyWriter {
    /**
     * @param density      chance of a note on a strong position, 0..1 (weaker positions scale it down)
     * @param sixteenths   whether notes may start on off-8th 16ths
     * @param lowDegree    lowest absolute degree
     * @param highDegree   highest absolute degree
     * @param maxLength    longest note in steps
     * @param legato       0 = staccato (one step), 1 = notes last until the next onset
     * @param motifBars    1 or 2
     */
    public record Style(double density, boolean sixteenths, int lowDegree, int highDegree, double maxLength,
                        double legato, int motifBars) {
        public Style {
            if (lowDegree >= highDegree) {
                throw new IllegalArgumentException("melody range must span at least a step, got " + lowDegree + ".." + highDegree);
            }
        }
    }

    private static final int[] CONTOUR_STEPS = {-2, -1, -1, -1, 0, 1, 1, 1, 2, 2, -2, 3, -3, 4};

    /** One beat of rhythm as four 16ths, from sparse to dense; the second list avoids off-8th 16ths. */
    private static final String[] CELLS = {"x...", "x.x.", "..x.", "x..x", "x.xx", ".xx.", "xx.x", "x.x.", "xxxx"};
    private static final String[] EIGHTH_CELLS = {"x...", "x.x.", "..x.", "x...", "x.x.", "..x.", "x.x.", "x.x.", "x.x."};

    private MelodyWriter() {
    }

    public static List<MelodyNote> write(ChordPlan plan, int bars, int stepsPerBar, Style style, SplittableRandom rng) {
        int motifBars = Math.min(style.motifBars(), bars);
        int motifSteps = motifBars * stepsPerBar;
        int[] onsets = rhythm(motifSteps, stepsPerBar, style, rng);
        int[] contour = contour(onsets.length, rng);
        // The closing statement of a phrase gets its own tail: new rhythm and contour for its second half.
        int[] altOnsets = rhythm(motifSteps, stepsPerBar, style, rng);
        int[] altContour = contour(altOnsets.length, rng);
        int statements = Math.max(1, bars / motifBars);
        List<MelodyNote> out = new ArrayList<>();
        int centre = (style.lowDegree() + style.highDegree()) / 2;
        int previous = centre;
        for (int r = 0; r < statements; r++) {
            boolean closing = statements >= 2 && r == statements - 1;
            int[] on = onsets;
            int[] con = contour;
            if (closing) {
                on = splice(onsets, altOnsets, motifSteps / 2);
                con = new int[on.length];
                for (int i = 1; i < on.length; i++) {
                    con[i] = i < contour.length && on[i] < motifSteps / 2 ? contour[i] : altContour[i % altContour.length];
                }
            }
            int baseStep = r * motifSteps;
            int degree = nearestChordTone(plan.chordAtBar(baseStep / stepsPerBar), previous, 1, style);
            for (int i = 0; i < on.length; i++) {
                int step = baseStep + on[i];
                Chord chord = plan.chordAtBar(step / stepsPerBar);
                if (i > 0) {
                    degree = reflect(degree + con[i], style);
                }
                boolean onBeat = on[i] % 4 == 0;
                if (onBeat && !chord.contains(degree)) {
                    // Resolve onto a chord tone in the direction the line is already moving.
                    degree = nearestChordTone(chord, degree, con[i] < 0 ? -1 : 1, style);
                }
                boolean last = closing && i == on.length - 1;
                if (last) {
                    degree = nearestRoot(chord, degree, style);
                }
                int next = i + 1 < on.length ? on[i + 1] : motifSteps;
                double gap = next - on[i];
                double length = Math.max(1.0, Math.min(style.maxLength(), 1.0 + style.legato() * (gap - 1.0)));
                if (last) {
                    // The phrase-final note is held: the cadence.
                    length = Math.max(length, Math.min(gap, 2.0 * style.maxLength()));
                }
                double velocity = 0.62 + (onBeat ? 0.25 : 0.0) + 0.13 * rng.nextDouble();
                out.add(new MelodyNote(step, length, degree, Math.min(1.0, velocity)));
            }
            previous = degree;
        }
        return out;
    }

    /**
     * Onsets of a motif, one beat at a time from idiomatic cells (a held beat, two eighths, a syncopated "and",
     * a dotted figure, four sixteenths...), denser cells more likely at higher density. The motif starts on its
     * downbeat most of the time.
     */
    static int[] rhythm(int motifSteps, int stepsPerBar, Style style, SplittableRandom rng) {
        String[] cells = style.sixteenths() ? CELLS : EIGHTH_CELLS;
        List<Integer> steps = new ArrayList<>();
        for (int beat = 0; beat * 4 < motifSteps; beat++) {
            // A window of three neighbouring cells slides from sparse to dense with the density.
            int centre = (int) Math.round(style.density() * (cells.length - 1));
            int pick = Math.max(0, Math.min(cells.length - 1, centre - 1 + rng.nextInt(3)));
            String cell = cells[pick];
            if (beat % 4 == 3 && rng.nextDouble() < 0.35) {
                cell = "x...";
            }
            for (int k = 0; k < 4 && beat * 4 + k < motifSteps; k++) {
                if (cell.charAt(k) == 'x') {
                    steps.add(beat * 4 + k);
                }
            }
        }
        if (steps.isEmpty() || (steps.get(0) != 0 && rng.nextDouble() < 0.8)) {
            steps.add(0, 0);
        }
        if (steps.size() < 2) {
            steps.add(Math.min(motifSteps - 2, 6 + 2 * rng.nextInt(3)));
        }
        return steps.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Scale steps between successive notes: mostly steps, some skips, and after a leap a step back the other way,
     * the "gap-fill" listeners expect (L. Meyer, "Emotion and Meaning in Music", 1956).
     */
    private static int[] contour(int length, SplittableRandom rng) {
        int[] out = new int[length];
        for (int i = 1; i < length; i++) {
            int previous = out[i - 1];
            if (Math.abs(previous) >= 3) {
                out[i] = previous > 0 ? -1 - rng.nextInt(2) : 1 + rng.nextInt(2);
            } else {
                out[i] = CONTOUR_STEPS[rng.nextInt(CONTOUR_STEPS.length)];
            }
        }
        return out;
    }

    private static int[] splice(int[] head, int[] tail, int split) {
        List<Integer> out = new ArrayList<>();
        for (int s : head) {
            if (s < split) {
                out.add(s);
            }
        }
        for (int s : tail) {
            if (s >= split) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            out.add(0);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int reflect(int degree, Style style) {
        int d = degree;
        if (d > style.highDegree()) {
            d = 2 * style.highDegree() - d;
        }
        if (d < style.lowDegree()) {
            d = 2 * style.lowDegree() - d;
        }
        return Math.max(style.lowDegree(), Math.min(style.highDegree(), d));
    }

    private static int nearestChordTone(Chord chord, int near, int preferredDirection, Style style) {
        for (int delta = 0; delta < 7; delta++) {
            for (int sign : new int[] {preferredDirection, -preferredDirection}) {
                int d = near + sign * delta;
                if (d >= style.lowDegree() && d <= style.highDegree() && chord.contains(d)) {
                    return d;
                }
            }
        }
        return near;
    }

    private static int nearestRoot(Chord chord, int near, Style style) {
        for (int delta = 0; delta < 7; delta++) {
            for (int sign : new int[] {-1, 1}) {
                int d = near + sign * delta;
                if (d >= style.lowDegree() && d <= style.highDegree() && Math.floorMod(d - chord.root(), 7) == 0) {
                    return d;
                }
            }
        }
        return nearestChordTone(chord, near, 1, style);
    }
}
