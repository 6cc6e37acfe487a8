package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;

/**
 * A string section: sustained, voice-led chords for the upper strings over cellos and basses on the root, with
 * delayed vibrato and ensemble chorus. At high intensity the upper strings play a driving eighth-note ostinato
 * (a classical and cinematic staple) while the low strings hold.
 */
final class StringsInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        double e = ctx.energy();
        boolean ostinato = ctx.intensity() >= 7;
        SubtractiveVoice.Patch legato = new SubtractiveVoice.Patch(3, 12, 0.6, 1.0, 0.5,
                0.45 - 0.25 * e, 1.5, 0.9, 0.7, 5.6, 11, 0.25, 1800, 0.8, 1.2, 0.6, 0, 0, 0.0, 1.0);
        SubtractiveVoice.Patch marcato = new SubtractiveVoice.Patch(3, 12, 0.6, 1.0, 0.5,
                0.03, 0.25, 0.5, 0.12, 0.0, 0.0, 0.0, 1500, 1.6, 0.2, 0.6, 0, 0, 0.0, 1.0);
        SubtractiveVoice upperVoice = new SubtractiveVoice(ostinato ? marcato : legato, ctx.sampleRate(), ctx.noiseSeed("violins"));
        SubtractiveVoice lowVoice = new SubtractiveVoice(legato, ctx.sampleRate(), ctx.noiseSeed("cellos"));
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> voicings = Harmony.voicings(ctx, spans, 57, 81);
        List<Note> upper = new ArrayList<>();
        List<Note> low = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            long start = Harmony.barFrame(ctx, span.startBar());
            int gate = Harmony.barFrames(ctx, span.startBar(), span.bars());
            int[] voicing = voicings.get(s);
            if (ostinato) {
                int steps = span.bars() * ctx.stepsPerBar();
                double firstStep = (double) span.startBar() * ctx.stepsPerBar();
                for (int k = 0; k < steps; k += 2) {
                    long at = ctx.frameAt(firstStep + k);
                    int len = ctx.framesBetween(firstStep + k, 1.5);
                    double accent = k % 4 == 0 ? 0.85 : 0.65;
                    for (int degree : voicing) {
                        upper.add(new Note(at, len, ctx.scale().midi(degree), accent, 0));
                    }
                }
            } else {
                for (int degree : voicing) {
                    upper.add(new Note(start, gate, ctx.scale().midi(degree), 0.75, 0));
                }
            }
            int root = ctx.scale().degreeNear(span.chord().root(), 45);
            low.add(new Note(start, gate, ctx.scale().midi(root), 0.7, 0));
            low.add(new Note(start, gate, ctx.scale().midi(root + 7), 0.45, 0));
        }
        NotePlayer.play(upper, upperVoice, canvas, 1.0);
        NotePlayer.play(low, lowVoice, canvas, 0.9);
        double cutoff = 3800 * Math.pow(2.0, 0.5 * ctx.brightness());
        LoopEffects.lowpass(canvas.left(), cutoff, 0.7, ctx.sampleRate());
        LoopEffects.lowpass(canvas.right(), cutoff, 0.7, ctx.sampleRate());
        LoopEffects.chorus(canvas, ctx.sampleRate(), 14.0, 2.5, 0.5, 0.45);
        LoopEffects.room(canvas, ctx.sampleRate(), 0.35);
    }
}
