package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A drawbar organ through a rotary speaker: held chords when calm, rhythmic comping when driving. The rotary
 * speaker is a pair of delay modulations and an auto-pan at the horn's speed (chorale about 0.8 Hz, tremolo
 * about 6.7 Hz), periodic in the loop.
 */
final class OrganInstrument implements Instrument {
    private static final double[][] COMPING = {
        {0, 5.5, 6, 1.5, 8, 3.5, 12, 3.5},
        {0, 3, 3, 2.5, 8, 3, 11, 1, 12, 3.5},
        {0, 7.5, 8, 1.5, 10, 5.5},
    };

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        SplittableRandom rng = ctx.random("organ");
        OrganVoice voice = new OrganVoice(new double[] {8, 8, 8, 3, 0, 2}, 0.12, ctx.sampleRate(), ctx.noiseSeed("organ"));
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> voicings = Harmony.voicings(ctx, spans, 55, 76);
        boolean comp = ctx.intensity() >= 5;
        double[] pattern = COMPING[rng.nextInt(COMPING.length)];
        List<Note> notes = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            for (int bar = span.startBar(); bar < span.startBar() + span.bars(); bar++) {
                double barStep = (double) bar * ctx.stepsPerBar();
                if (comp) {
                    for (int k = 0; k < pattern.length; k += 2) {
                        long at = ctx.frameAt(barStep + pattern[k]);
                        int gate = ctx.framesBetween(barStep + pattern[k], pattern[k + 1]);
                        for (int degree : voicings.get(s)) {
                            notes.add(new Note(at, gate, ctx.scale().midi(degree), k == 0 ? 0.9 : 0.75, 0));
                        }
                    }
                } else if (bar == span.startBar()) {
                    long at = Harmony.barFrame(ctx, bar);
                    int gate = Harmony.barFrames(ctx, bar, span.bars()) - (int) (0.02 * ctx.sampleRate());
                    for (int degree : voicings.get(s)) {
                        notes.add(new Note(at, gate, ctx.scale().midi(degree), 0.85, 0));
                    }
                }
            }
        }
        NotePlayer.play(notes, voice, canvas, 1.0);
        double rotor = ctx.intensity() >= 7 ? 6.7 : 0.8;
        LoopEffects.chorus(canvas, ctx.sampleRate(), 3.0, 1.2, rotor, 0.5);
        LoopEffects.autoPan(canvas, ctx.sampleRate(), rotor, 0.22);
        LoopEffects.lowpass(canvas.left(), 6000, 0.7, ctx.sampleRate());
        LoopEffects.lowpass(canvas.right(), 6000, 0.7, ctx.sampleRate());
    }
}
