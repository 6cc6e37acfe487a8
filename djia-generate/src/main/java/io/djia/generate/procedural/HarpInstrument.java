package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;

/**
 * Harp arpeggios: chord tones rising through two octaves and falling back, in eighths or (more intense)
 * sixteenths, with a glissando up the scale into each new phrase at the highest intensities.
 */
final class HarpInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        double e = ctx.energy();
        double step = e >= 0.5 ? 1 : 2;
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<Note> notes = new ArrayList<>();
        for (Harmony.Span span : spans) {
            int base = ctx.scale().degreeNear(span.chord().root(), 50);
            int[] tones = new int[9];
            int[] chord = {0, 2, 4};
            for (int i = 0; i < tones.length; i++) {
                tones[i] = base + chord[i % 3] + 7 * (i / 3);
            }
            for (int bar = span.startBar(); bar < span.startBar() + span.bars(); bar++) {
                double barStep = (double) bar * ctx.stepsPerBar();
                int k = 0;
                for (double st = 0; st < ctx.stepsPerBar(); st += step, k++) {
                    int cycle = 2 * (tones.length - 1);
                    int pos = k % cycle;
                    int idx = pos < tones.length ? pos : cycle - pos;
                    boolean gliss = ctx.intensity() >= 8 && bar % 4 == 3 && st >= ctx.stepsPerBar() - 4;
                    double vel = (st % 4 == 0 ? 0.8 : 0.62);
                    long at = ctx.frameAt(barStep + st);
                    if (gliss) {
                        // Eight scale steps in the last beat: a glissando into the next bar.
                        for (int g = 0; g < 2; g++) {
                            long gAt = ctx.frameAt(barStep + st + g * step / 2);
                            int degree = base + 7 + 2 * k + g;
                            notes.add(new Note(gAt, ctx.framesBetween(barStep + st, 2), ctx.scale().midi(degree), 0.55, 0.3));
                        }
                    } else {
                        notes.add(new Note(at, ctx.framesBetween(barStep + st, 4), ctx.scale().midi(tones[idx]), vel,
                                -0.4 + 0.8 * idx / (tones.length - 1)));
                    }
                }
            }
        }
        NotePlayer.play(notes, new PluckVoice(0.72, 2.6, false, ctx.sampleRate(), ctx.noiseSeed("harp")), canvas, 1.0);
        LoopEffects.room(canvas, ctx.sampleRate(), 0.45);
    }
}
