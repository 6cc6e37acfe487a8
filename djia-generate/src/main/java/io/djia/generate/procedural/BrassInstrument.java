package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An orchestral brass section: voice-led triads in fanfare rhythms (dotted figures, repeated staccato notes)
 * when driving, swelling held chords when calm.
 */
final class BrassInstrument implements Instrument {
    private static final double[][] FANFARES = {
        {0, 3, 3, 1, 4, 4, 8, 2, 10, 2, 12, 4},
        {0, 1.5, 2, 1.5, 4, 4, 8, 1.5, 10, 1.5, 12, 3.5},
        {0, 6, 6, 2, 8, 8},
    };

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        SplittableRandom rng = ctx.random("brass");
        boolean fanfare = ctx.intensity() >= 5;
        double[] rhythm = fanfare ? FANFARES[rng.nextInt(FANFARES.length)] : new double[] {0, 15};
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> voicings = Harmony.voicings(ctx, spans, 50, 72);
        List<Note> notes = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            for (int bar = span.startBar(); bar < span.startBar() + span.bars(); bar++) {
                double barStep = (double) bar * ctx.stepsPerBar();
                for (int k = 0; k < rhythm.length; k += 2) {
                    long at = ctx.frameAt(barStep + rhythm[k]);
                    int gate = ctx.framesBetween(barStep + rhythm[k], rhythm[k + 1] * 0.85);
                    double vel = rhythm[k] % 4 == 0 ? 0.9 : 0.72;
                    int[] v = voicings.get(s);
                    for (int i = 0; i < v.length; i++) {
                        notes.add(new Note(at, gate, ctx.scale().midi(v[i]), vel, -0.3 + 0.3 * i));
                    }
                }
            }
        }
        SubtractiveVoice.Patch patch = fanfare ? MelodyInstrument.BRASS
                : new SubtractiveVoice.Patch(2, 8, 0.3, 1.0, 0.5, 0.6, 1.5, 0.9, 0.5, 5.0, 8, 0.5, 500, 1.5, 2.0, 0.8,
                        -20, 0.05, 0.03, 1.3);
        NotePlayer.play(notes, new SubtractiveVoice(patch, ctx.sampleRate(), ctx.noiseSeed("brass")), canvas, 1.0);
        LoopEffects.room(canvas, ctx.sampleRate(), 0.45);
    }
}
