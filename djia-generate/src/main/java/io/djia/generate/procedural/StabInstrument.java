package io.djia.generate.procedural;

import io.djia.generate.procedural.music.Euclid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Minimal-techno chord stabs: short minor-seventh chords through a resonant, quickly closing filter, placed on a
 * Euclidean off-beat rhythm that repeats hypnotically; more hits and a brighter filter with intensity.
 */
final class StabInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        double e = ctx.energy();
        SplittableRandom rng = ctx.random("stab");
        boolean[] rhythm = Euclid.rhythm(3 + (int) Math.round(3 * e), 16, 1 + rng.nextInt(3));
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> voicings = Harmony.voicings(ctx, spans, 55, 74);
        List<Note> notes = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            for (int bar = span.startBar(); bar < span.startBar() + span.bars(); bar++) {
                double barStep = (double) bar * ctx.stepsPerBar();
                for (int st = 0; st < 16 && st < ctx.stepsPerBar(); st++) {
                    if (!rhythm[st]) {
                        continue;
                    }
                    long at = ctx.frameAt(barStep + st);
                    int gate = ctx.framesBetween(barStep + st, 0.8);
                    for (int degree : voicings.get(s)) {
                        notes.add(new Note(at, gate, ctx.scale().midi(degree), st % 4 == 0 ? 0.95 : 0.8, 0));
                    }
                }
            }
        }
        SubtractiveVoice.Patch patch = new SubtractiveVoice.Patch(2, 12, 0.5, 1.0, 0.5, 0.002, 0.22, 0.0, 0.1,
                0, 0, 0, 380 * Math.pow(2.0, 0.6 * ctx.brightness()), 2.6 + 1.5 * e, 0.2, 2.2, 0, 0, 0.0, 1.2);
        NotePlayer.play(notes, new SubtractiveVoice(patch, ctx.sampleRate(), ctx.noiseSeed("stab")), canvas, 1.0);
        LoopEffects.room(canvas, ctx.sampleRate(), 0.4);
    }
}
