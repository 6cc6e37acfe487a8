package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Distorted rock guitar: root-fifth-octave power chords on the progression's roots, palm-muted eighth (or, at
 * the top, sixteenth) chugs between open accents, through a saturating pedal and a band-limited cabinet. The
 * two rhythm guitars are double-tracked left and right.
 */
final class PowerChordInstrument implements Instrument {
    /** {step, length, open(1)/muted(0)} triples per bar. */
    private static final double[][] RIFFS = {
        {0, 3, 1, 4, 1, 0, 6, 1, 0, 8, 3, 1, 12, 1, 0, 14, 1, 0},
        {0, 1, 0, 2, 1, 0, 4, 1, 0, 6, 2, 1, 8, 1, 0, 10, 1, 0, 12, 4, 1},
        {0, 6, 1, 6, 1, 0, 8, 1, 0, 10, 6, 1},
    };

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        double e = ctx.energy();
        SplittableRandom rng = ctx.random("guitar");
        double[] riff = RIFFS[rng.nextInt(RIFFS.length)];
        boolean sixteenths = ctx.intensity() >= 8;
        List<Note> leftTrack = new ArrayList<>();
        List<Note> rightTrack = new ArrayList<>();
        for (int bar = 0; bar < ctx.bars(); bar++) {
            int root = ctx.scale().degreeNear(ctx.plan().chordAtBar(bar).root(), 42);
            int[] chord = {root, root + 4, root + 7};
            double barStep = (double) bar * ctx.stepsPerBar();
            for (int k = 0; k < riff.length; k += 3) {
                boolean open = riff[k + 2] > 0;
                double len = riff[k + 1];
                if (!open && sixteenths) {
                    for (double sub = 0; sub < len; sub += 1) {
                        addChord(ctx, leftTrack, rightTrack, chord, barStep + riff[k] + sub, 0.7, false);
                    }
                } else {
                    addChord(ctx, leftTrack, rightTrack, chord, barStep + riff[k], open ? len * 0.95 : 0.7, open);
                }
            }
        }
        // One saw per string: detuned stacks into a distortion pedal turn to mush.
        SubtractiveVoice.Patch patch = new SubtractiveVoice.Patch(1, 0, 0.0, 1.0, 0.5, 0.003, 0.9, 0.7, 0.05,
                0, 0, 0, 1800, 0.8, 0.3, 0.7, 0, 0, 0.0, 1.0);
        NotePlayer.play(leftTrack, new SubtractiveVoice(patch, ctx.sampleRate(), ctx.noiseSeed("gtr-l")), canvas, 1.0);
        NotePlayer.play(rightTrack, new SubtractiveVoice(patch, ctx.sampleRate(), ctx.noiseSeed("gtr-r")), canvas, 1.0);
        LoopEffects.distort(canvas, ctx.sampleRate(), 4.0 + 5.0 * e);
    }

    private static void addChord(ClipContext ctx, List<Note> left, List<Note> right, int[] chord, double step,
                                 double lengthSteps, boolean open) {
        long at = ctx.frameAt(step);
        int gate = ctx.framesBetween(step, lengthSteps);
        // Palm-muted notes are quieter, so they drive the pedal less and sound tighter and darker.
        double vel = open ? 0.9 : 0.5;
        for (int degree : chord) {
            left.add(new Note(at, gate, ctx.scale().midi(degree), vel, -0.85));
            right.add(new Note(at + (long) (0.004 * ctx.sampleRate()), gate, ctx.scale().midi(degree) + 0.06, vel, 0.85));
        }
    }
}
