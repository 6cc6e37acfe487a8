package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;

/**
 * Reggae off-beat chords: a muted guitar chop on beats two and four, strummed down across three strings and
 * damped at once, and at higher intensity the organ "bubble" on the off-beat sixteenths between them.
 */
final class SkankInstrument implements Instrument {
    private static final double[] BUBBLE_STEPS = {2, 3, 6, 10, 11, 14};
    private static final double[] BUBBLE_VELOCITY = {0.55, 0.35, 0.5, 0.55, 0.35, 0.5};

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        PluckVoice guitar = new PluckVoice(0.85, 0.8, true, ctx.sampleRate(), ctx.noiseSeed("skank"));
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> high = Harmony.voicings(ctx, spans, 62, 79);
        List<int[]> mid = Harmony.voicings(ctx, spans, 52, 70);
        int strum = (int) (0.0015 * ctx.sampleRate());
        List<Note> chops = new ArrayList<>();
        List<Note> bubble = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            for (int bar = span.startBar(); bar < span.startBar() + span.bars(); bar++) {
                double barStep = (double) bar * ctx.stepsPerBar();
                for (double step : new double[] {4, 12}) {
                    long at = ctx.frameAt(barStep + step);
                    int gate = ctx.framesBetween(barStep + step, 1.2);
                    int[] v = high.get(s);
                    for (int i = 0; i < v.length && i < 3; i++) {
                        chops.add(new Note(at + (long) i * strum, gate, ctx.scale().midi(v[i]), 0.85, 0.3));
                    }
                }
                if (ctx.intensity() >= 5) {
                    for (int k = 0; k < BUBBLE_STEPS.length; k++) {
                        long at = ctx.frameAt(barStep + BUBBLE_STEPS[k]);
                        int gate = ctx.framesBetween(barStep + BUBBLE_STEPS[k], 0.7);
                        for (int degree : mid.get(s)) {
                            bubble.add(new Note(at, gate, ctx.scale().midi(degree), BUBBLE_VELOCITY[k], -0.3));
                        }
                    }
                }
            }
        }
        NotePlayer.play(chops, guitar, canvas, 1.0);
        if (!bubble.isEmpty()) {
            OrganVoice organ = new OrganVoice(new double[] {0, 8, 4, 6, 0, 2}, 0.15, ctx.sampleRate(), ctx.noiseSeed("bubble"));
            NotePlayer.play(bubble, organ, canvas, 0.6);
        }
        LoopEffects.highpass(canvas.left(), 160, ctx.sampleRate());
        LoopEffects.highpass(canvas.right(), 160, ctx.sampleRate());
        LoopEffects.room(canvas, ctx.sampleRate(), 0.3);
    }
}
