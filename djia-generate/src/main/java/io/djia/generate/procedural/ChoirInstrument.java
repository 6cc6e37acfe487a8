package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;

/**
 * An "aah" choir: saw-like glottal sources with vibrato, voice-led in four parts, shaped by the formants of the
 * vowel /a/ and spread by chorus.
 */
final class ChoirInstrument implements Instrument {
    private static final double[] FORMANT_HZ = {730, 1090, 2440};
    private static final double[] FORMANT_GAIN = {1.0, 0.55, 0.28};
    private static final double[] FORMANT_Q = {5, 7, 9};

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        SubtractiveVoice.Patch patch = new SubtractiveVoice.Patch(2, 18, 0.5, 1.0, 0.5,
                0.45, 2.0, 0.9, 0.8, 5.2, 18, 0.15, 0, 0, 0, 0.7, -15, 0.06, 0.04, 1.0);
        SubtractiveVoice voice = new SubtractiveVoice(patch, ctx.sampleRate(), ctx.noiseSeed("choir"));
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> voicings = Harmony.voicings(ctx, spans, 52, 74);
        List<Note> notes = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            long start = Harmony.barFrame(ctx, span.startBar());
            int gate = Harmony.barFrames(ctx, span.startBar(), span.bars());
            for (int degree : voicings.get(s)) {
                notes.add(new Note(start, gate, ctx.scale().midi(degree), 0.8, 0));
            }
            int bassVoice = ctx.scale().degreeNear(span.chord().root(), 45);
            notes.add(new Note(start, gate, ctx.scale().midi(bassVoice), 0.6, 0));
        }
        NotePlayer.play(notes, voice, canvas, 1.0);
        LoopEffects.formants(canvas.left(), ctx.sampleRate(), FORMANT_HZ, FORMANT_GAIN, FORMANT_Q);
        LoopEffects.formants(canvas.right(), ctx.sampleRate(), FORMANT_HZ, FORMANT_GAIN, FORMANT_Q);
        LoopEffects.chorus(canvas, ctx.sampleRate(), 16.0, 4.0, 0.4, 0.5);
        LoopEffects.room(canvas, ctx.sampleRate(), 0.4);
    }
}
