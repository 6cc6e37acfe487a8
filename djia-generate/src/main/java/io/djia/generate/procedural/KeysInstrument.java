package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Electric-piano chords (FM tine) in deep-house rhythms: syncopated ninth-chord stabs that breathe through a
 * stereo tremolo, or whole-bar chords when calm.
 */
final class KeysInstrument implements Instrument {
    static final FmVoice.Patch RHODES = new FmVoice.Patch(1.0, 1.1, 0.9, 0.12, 14.0, 0.22, 0.05, 3.2, 0.25, 0.35);

    private static final double[][] RHYTHMS = {
        {0, 3, 3, 1.5, 6, 2.5, 10, 1.5, 12, 3},
        {2, 2, 6, 2, 10, 2, 14, 1.5},
        {0, 6, 7, 1, 8, 4, 14, 1.5},
        {0, 2, 3, 2, 8, 2, 11, 3},
    };

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        SplittableRandom rng = ctx.random("keys");
        FmVoice voice = new FmVoice(RHODES, ctx.sampleRate());
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> voicings = Harmony.voicings(ctx, spans, 53, 75);
        double[] rhythm = ctx.intensity() <= 4 ? new double[] {0, 15} : RHYTHMS[rng.nextInt(RHYTHMS.length)];
        double[] answer = RHYTHMS[rng.nextInt(RHYTHMS.length)];
        List<Note> notes = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            for (int bar = span.startBar(); bar < span.startBar() + span.bars(); bar++) {
                double[] r = (ctx.bars() >= 4 && bar % 4 == 3 && ctx.intensity() > 4) ? answer : rhythm;
                double barStep = (double) bar * ctx.stepsPerBar();
                for (int k = 0; k < r.length; k += 2) {
                    long at = ctx.frameAt(barStep + r[k]);
                    int gate = ctx.framesBetween(barStep + r[k], r[k + 1]);
                    double vel = (r[k] % 4 == 0 ? 0.8 : 0.68) + 0.1 * rng.nextDouble();
                    int[] voicing = voicings.get(s);
                    for (int i = 0; i < voicing.length; i++) {
                        double pan = voicing.length > 1 ? -0.35 + 0.7 * i / (voicing.length - 1) : 0;
                        notes.add(new Note(at, gate, ctx.scale().midi(voicing[i]), vel, pan));
                    }
                }
            }
        }
        NotePlayer.play(notes, voice, canvas, 1.0);
        LoopEffects.autoPan(canvas, ctx.sampleRate(), ctx.tempo().bpm() / 60.0 * 2.0, 0.3);
        LoopEffects.chorus(canvas, ctx.sampleRate(), 7.0, 1.5, 0.6, 0.3);
    }
}
