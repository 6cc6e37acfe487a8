package io.djia.generate.procedural;

import io.djia.generate.procedural.music.MelodyNote;
import io.djia.generate.procedural.music.MelodyWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-handed piano on the modal piano voice. Classical: a broken-chord left hand (Alberti figures or rolling
 * arpeggios) under a right-hand melody. Elsewhere (trip hop): soft held chords and a sparse, melancholic line.
 */
final class PianoInstrument implements Instrument {
    private static final int[][] FIGURES = {{0, 2, 1, 2}, {0, 1, 2, 1}, {0, 1, 2, 3}};

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        double e = ctx.energy();
        SplittableRandom rng = ctx.random("piano");
        boolean classical = ctx.style().equals("classical");
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> left = Harmony.voicings(ctx, spans, 45, 62);
        List<Note> notes = new ArrayList<>();
        int[] figure = FIGURES[rng.nextInt(FIGURES.length)];
        double figureStep = e >= 0.75 ? 1 : 2;
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            int[] chord = left.get(s);
            for (int bar = span.startBar(); bar < span.startBar() + span.bars(); bar++) {
                double barStep = (double) bar * ctx.stepsPerBar();
                if (classical) {
                    int k = 0;
                    for (double st = 0; st < ctx.stepsPerBar(); st += figureStep, k++) {
                        int idx = figure[k % figure.length] % chord.length;
                        long at = ctx.frameAt(barStep + st);
                        notes.add(new Note(at, ctx.framesBetween(barStep + st, 3 * figureStep),
                                ctx.scale().midi(chord[idx]), k % 4 == 0 ? 0.62 : 0.48, -0.2));
                    }
                } else {
                    long at = ctx.frameAt(barStep);
                    int gate = ctx.framesBetween(barStep, ctx.stepsPerBar() - 0.5);
                    for (int degree : chord) {
                        notes.add(new Note(at, gate, ctx.scale().midi(degree), 0.45, -0.2));
                    }
                    int bassNote = ctx.scale().degreeNear(span.chord().root(), 40);
                    notes.add(new Note(at, gate, ctx.scale().midi(bassNote), 0.5, -0.3));
                }
            }
        }
        MelodyWriter.Style style = classical
                ? new MelodyWriter.Style(0.45 + 0.35 * e, e > 0.6, 30, 42, 4, 0.9, 1)
                : new MelodyWriter.Style(0.3 + 0.25 * e, false, 30, 40, 6, 1.0, 2);
        boolean melody = !classical || ctx.intensity() >= 4;
        if (melody) {
            for (MelodyNote m : MelodyWriter.write(ctx.plan(), ctx.bars(), ctx.stepsPerBar(), style, rng)) {
                notes.add(new Note(ctx.frameAt(m.step()), ctx.framesBetween(m.step(), m.lengthSteps() + 1),
                        ctx.scale().midi(m.degree()), 0.55 + 0.35 * m.velocity(), 0.2));
            }
        }
        NotePlayer.play(notes, new PianoVoice(ctx.sampleRate(), ctx.noiseSeed("piano"), 6.0), canvas, 1.0);
        LoopEffects.room(canvas, ctx.sampleRate(), 0.35);
    }
}
