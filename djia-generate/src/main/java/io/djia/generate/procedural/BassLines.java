package io.djia.generate.procedural;

import io.djia.generate.procedural.music.Chord;
import io.djia.generate.procedural.music.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bass line writers, one per style. Lines follow the chord roots of the style's progression, with fifths,
 * octaves, thirds and passing tones on the 16th grid; templates and details vary with the seed and the
 * intensity. Pitches are absolute scale degrees around a style's register, so every note is in the key.
 */
final class BassLines {
    /** One note of a template bar: onset step, length in steps, degree offset from the chord root. */
    private record Cell(int step, double length, int offset) {
    }

    private final ClipContext ctx;
    private final SplittableRandom rng;
    private final double energy;
    private final double centreMidi;
    private final List<LineNote> notes = new ArrayList<>();

    BassLines(ClipContext ctx, double centreMidi) {
        this.ctx = ctx;
        this.rng = ctx.random("bass-line");
        this.energy = ctx.energy();
        this.centreMidi = centreMidi;
    }

    /** The chord root of a bar as an absolute degree within a fifth of the register centre. */
    int root(int bar) {
        return ctx.scale().degreeNear(ctx.plan().chordAtBar(bar).root(), centreMidi);
    }

    private Chord chord(int bar) {
        return ctx.plan().chordAtBar(bar);
    }

    private void add(int bar, double stepInBar, double lengthSteps, int degree, double velocity, boolean accent,
                     boolean slide) {
        if (stepInBar >= ctx.stepsPerBar()) {
            return;
        }
        double step = bar * ctx.stepsPerBar() + stepInBar;
        double length = Math.min(lengthSteps, ctx.steps() - step);
        Scale scale = ctx.scale();
        notes.add(new LineNote(ctx.frameAt(step), ctx.framesBetween(step, length), scale.midi(degree), velocity, accent,
                slide));
    }

    /** The last note of the loop never slides: the loop start must retrigger cleanly. */
    private List<LineNote> finish() {
        if (!notes.isEmpty()) {
            int last = notes.size() - 1;
            LineNote n = notes.get(last);
            if (n.slide()) {
                notes.set(last, new LineNote(n.start(), n.gate(), n.midi(), n.velocity(), n.accent(), false));
            }
        }
        return notes;
    }

    private static final int[] ACID_OFFSETS = {0, 0, 0, 0, 7, 7, 2, 4, 6, 3, -3, 7, 0, 5};

    /** A TB-303 style 16-step pattern restated on each chord root, varied in the last bar. */
    List<LineNote> acid() {
        double density = 0.45 + 0.35 * energy;
        int[] offsets = new int[16];
        boolean[] on = new boolean[16];
        boolean[] accent = new boolean[16];
        boolean[] slide = new boolean[16];
        for (int s = 0; s < 16; s++) {
            on[s] = s == 0 || rng.nextDouble() < (s % 4 == 0 ? 0.85 : density);
            offsets[s] = s == 0 ? 0 : ACID_OFFSETS[rng.nextInt(ACID_OFFSETS.length)];
            accent[s] = rng.nextDouble() < 0.22 + 0.15 * energy;
            slide[s] = rng.nextDouble() < 0.2;
        }
        for (int bar = 0; bar < ctx.bars(); bar++) {
            boolean vary = ctx.bars() >= 2 && bar == ctx.bars() - 1;
            int root = root(bar);
            for (int s = 0; s < 16; s++) {
                boolean play = on[s];
                int offset = offsets[s];
                if (vary && s >= 8 && rng.nextDouble() < 0.35) {
                    play = rng.nextDouble() < density;
                    offset = ACID_OFFSETS[rng.nextInt(ACID_OFFSETS.length)];
                }
                if (!play) {
                    continue;
                }
                int next = s + 1;
                boolean slides = slide[s] && next < 16 && on[next];
                add(bar, s, slides ? 1.0 : 0.55, root + offset, accent[s] ? 1.0 : 0.75, accent[s], slides);
            }
        }
        return finish();
    }

    /** Long roots under the chords; a second note on beat 3 at higher intensity. */
    List<LineNote> sub() {
        int barsPerChord = ctx.plan().barsPerChord();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            int root = root(bar);
            boolean chordStart = bar % barsPerChord == 0;
            if (energy >= 0.45) {
                add(bar, 0, 9.5, root, 0.9, false, false);
                add(bar, 10, 5.5, rng.nextBoolean() ? root : root + 4 - 7, 0.75, false, false);
            } else if (chordStart) {
                double length = Math.min(barsPerChord, ctx.bars() - bar) * ctx.stepsPerBar() - 1.0;
                add(bar, 0, length, root, 0.9, false, false);
            }
        }
        return finish();
    }

    /** Long, gliding reese notes: held roots with a move late in the bar. */
    List<LineNote> reese() {
        int variant = rng.nextInt(3);
        for (int bar = 0; bar < ctx.bars(); bar++) {
            int root = root(bar);
            int nextRoot = root(bar + 1);
            switch (energy >= 0.75 ? 3 : variant) {
                case 0 -> add(bar, 0, 15.5, root, 0.9, false, false);
                case 1 -> {
                    add(bar, 0, 10, root, 0.9, false, true);
                    add(bar, 10, 5.5, rng.nextBoolean() ? root + 7 : root + 4, 0.85, false, false);
                }
                case 2 -> {
                    add(bar, 0, 6, root, 0.9, false, false);
                    add(bar, 8, 6, root, 0.85, false, true);
                    add(bar, 14, 1.8, nextRoot - 1, 0.8, false, false);
                }
                default -> {
                    // Rolling: syncopated restatements of the root with an octave jump.
                    add(bar, 0, 2.5, root, 1.0, true, false);
                    add(bar, 3, 2.5, root, 0.85, false, false);
                    add(bar, 6, 3.5, root + 7, 0.9, false, true);
                    add(bar, 10, 3.5, root, 0.9, false, false);
                    add(bar, 14, 1.8, nextRoot, 0.8, false, false);
                }
            }
        }
        return finish();
    }

    private static final Cell[][] DUB = {
        {new Cell(2, 2, 0), new Cell(4, 1, 0), new Cell(6, 3, -3), new Cell(10, 2, 0), new Cell(12, 1, 2), new Cell(14, 2, 4)},
        {new Cell(0, 3, 0), new Cell(3, 1, 0), new Cell(4, 2, -3), new Cell(8, 3, 0), new Cell(11, 1, 2), new Cell(12, 3.5, 4)},
        {new Cell(2, 1, 0), new Cell(3, 3, 0), new Cell(6, 2, 2), new Cell(8, 2, 4), new Cell(10, 1, 2), new Cell(11, 3, 0), new Cell(14, 2, -1)},
    };

    /** Roots dub lines: syncopated, often leaving beat one empty, walking between chord tones. */
    List<LineNote> dub() {
        Cell[] main = DUB[rng.nextInt(DUB.length)];
        Cell[] answer = DUB[rng.nextInt(DUB.length)];
        return cells(main, answer, 0.95, true);
    }

    private static final Cell[][] EIGHT_O_EIGHT = {
        {new Cell(0, 7, 0), new Cell(10, 4, 0), new Cell(14, 2, 7)},
        {new Cell(0, 5, 0), new Cell(6, 2, 0), new Cell(8, 6, 0), new Cell(14, 2, -1)},
        {new Cell(0, 10, 0), new Cell(11, 3, 4), new Cell(14, 2, 7)},
        {new Cell(0, 3, 0), new Cell(3, 4, 0), new Cell(10, 6, -3)},
    };

    /** 808 lines locked to a boom-bap kick, with glides between notes at higher intensity. */
    List<LineNote> eightOhEight() {
        Cell[] a = EIGHT_O_EIGHT[rng.nextInt(EIGHT_O_EIGHT.length)];
        Cell[] b = EIGHT_O_EIGHT[rng.nextInt(EIGHT_O_EIGHT.length)];
        boolean glides = energy >= 0.45;
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Cell[] cells = bar % 2 == 0 ? a : b;
            int root = root(bar);
            for (int i = 0; i < cells.length; i++) {
                Cell c = cells[i];
                boolean slide = glides && i == cells.length - 1 && rng.nextDouble() < 0.6;
                double length = slide ? 16 - c.step() : c.length();
                add(bar, c.step(), length, root + c.offset(), i == 0 ? 1.0 : 0.85, false, slide);
            }
        }
        return finish();
    }

    /** Driving picked eighths on the root, octave pops and a walk into the next chord. */
    List<LineNote> rock() {
        boolean octaves = energy >= 0.7 || rng.nextDouble() < 0.3;
        for (int bar = 0; bar < ctx.bars(); bar++) {
            int root = root(bar);
            int nextRoot = root(bar + 1);
            boolean walk = energy >= 0.5 && (bar % 2 == 1 || bar == ctx.bars() - 1) && nextRoot != root;
            for (int s = 0; s < 16; s += 2) {
                int degree = root;
                if (octaves && (s == 6 || s == 14)) {
                    degree = root + 7;
                }
                if (walk && s >= 12) {
                    degree = nextRoot + (nextRoot > root ? (s == 12 ? -2 : -1) : (s == 12 ? 2 : 1));
                }
                add(bar, s, 1.6, degree, s % 4 == 0 ? 1.0 : 0.8, s % 8 == 0, false);
            }
        }
        return finish();
    }

    private static final Cell[][] DEEP = {
        {new Cell(0, 2, 0), new Cell(3, 1, 0), new Cell(6, 2, 7), new Cell(10, 2, 0), new Cell(13, 1, 4), new Cell(14, 2, 6)},
        {new Cell(2, 2, 0), new Cell(6, 2, 0), new Cell(10, 2, 0), new Cell(14, 1.5, 7)},
        {new Cell(0, 3, 0), new Cell(4, 1, 7), new Cell(7, 2, 0), new Cell(10, 3, 4), new Cell(14, 1, 2)},
    };

    /** Deep-house bass: short syncopated notes off the kick. */
    List<LineNote> deep() {
        Cell[] main = DEEP[rng.nextInt(DEEP.length)];
        return cells(main, DEEP[rng.nextInt(DEEP.length)], 0.9, false);
    }

    private static final int[] VARIATIONS = {0, 7, 4, 2, -3};

    private List<LineNote> cells(Cell[] main, Cell[] answer, double velocity, boolean thinAtLowEnergy) {
        for (int bar = 0; bar < ctx.bars(); bar++) {
            Cell[] cells = (bar % 4 == 3 && ctx.bars() >= 4) ? answer : main;
            int root = root(bar);
            for (Cell c : cells) {
                if (thinAtLowEnergy && energy < 0.3 && c.length() < 1.5) {
                    continue;
                }
                // A player never repeats a line exactly: now and then another chord tone or the octave.
                int offset = c.offset();
                if (c.step() != 0 && rng.nextDouble() < 0.18) {
                    offset = VARIATIONS[rng.nextInt(VARIATIONS.length)];
                }
                double accent = c.step() % 4 == 0 ? 1.0 : 0.88;
                add(bar, c.step(), c.length() * 0.92, root + offset, velocity * accent * (0.92 + 0.08 * rng.nextDouble()),
                        false, false);
            }
        }
        return finish();
    }

    /** Atonal 16ths from the clip's pitch set, in the bass register. */
    List<LineNote> abstractLine() {
        double density = 0.3 + 0.4 * energy;
        int[] degrees = new int[16];
        boolean[] on = new boolean[16];
        double[] lengths = new double[16];
        for (int s = 0; s < 16; s++) {
            on[s] = s == 0 || rng.nextDouble() < density;
            degrees[s] = ctx.scale().degreeNear(rng.nextInt(7), centreMidi) + (rng.nextInt(4) == 0 ? 7 : 0);
            lengths[s] = 0.5 + rng.nextInt(3);
        }
        for (int bar = 0; bar < ctx.bars(); bar++) {
            for (int s = 0; s < 16; s++) {
                if (on[s]) {
                    add(bar, s, lengths[s], degrees[s], 0.7 + 0.3 * rng.nextDouble(), rng.nextInt(4) == 0, false);
                }
            }
        }
        return finish();
    }

    /** Pizzicato walking line: chord tones on the beats, eighths at higher intensity. */
    List<LineNote> pizzicato() {
        int[] pattern = {0, 4, 7, 4};
        for (int bar = 0; bar < ctx.bars(); bar++) {
            int root = root(bar);
            Chord chord = chord(bar);
            int step = energy >= 0.6 ? 2 : 4;
            for (int s = 0; s < 16; s += step) {
                int offset = pattern[(s / 4) % 4];
                if (step == 2 && s % 4 == 2) {
                    offset = chord.contains(root + 2) && rng.nextBoolean() ? 2 : offset + 1;
                }
                add(bar, s, step * 0.9, root + offset, s % 8 == 0 ? 1.0 : 0.8, false, false);
            }
        }
        return finish();
    }
}
