package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.List;

/**
 * Sustained chord pads: a detuned saw stack per voice (the "supersaw" idea, scaled down to three oscillators and
 * widened by chorus), voice-led through the progression, under a slowly sweeping low-pass. Techno pads are dark
 * and pump with the kick, deep-house pads warm, ambient and jungle pads airy with long swells.
 */
final class PadInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        String style = ctx.style();
        double e = ctx.energy();
        boolean ambient = style.equals("downtempo_ambient");
        boolean dark = style.equals("techno_minimal");
        double attack = ambient ? 1.4 : (dark ? 0.5 : 0.7);
        double release = ambient ? 1.6 : 0.9;
        SubtractiveVoice.Patch patch = new SubtractiveVoice.Patch(3, 16 + 10 * e, 0.8, 1.0, 0.5,
                attack, 2.0, 0.85, release, 0.0, 0.0, 0.0, 0, 0, 0, 0.7, 0, 0, 0.0, 1.0);
        SubtractiveVoice voice = new SubtractiveVoice(patch, ctx.sampleRate(), ctx.noiseSeed("pad"));
        List<Harmony.Span> spans = Harmony.spans(ctx);
        List<int[]> voicings = Harmony.voicings(ctx, spans, 53, 76);
        List<Note> notes = new ArrayList<>();
        double velocity = 0.8;
        for (int s = 0; s < spans.size(); s++) {
            Harmony.Span span = spans.get(s);
            long start = Harmony.barFrame(ctx, span.startBar());
            int gate = Harmony.barFrames(ctx, span.startBar(), span.bars());
            for (int degree : voicings.get(s)) {
                notes.add(new Note(start, gate, ctx.scale().midi(degree), velocity, 0));
            }
            // The root an octave below the voicing gives the pad body without entering the bass register.
            int root = ctx.scale().degreeNear(span.chord().root(), 48);
            notes.add(new Note(start, gate, ctx.scale().midi(root), 0.55 * velocity, 0));
        }
        NotePlayer.play(notes, voice, canvas, 1.0);
        double cutoff = (dark ? 700 : (ambient ? 1500 : 1100)) * Math.pow(2.0, 1.3 * e + 0.6 * ctx.brightness());
        int cycles = Math.max(1, ctx.bars() / 2);
        LoopEffects.sweptLowpass(canvas.left(), cutoff, 0.7, cycles, 0.0, 0.9, ctx.sampleRate());
        LoopEffects.sweptLowpass(canvas.right(), cutoff, 0.7, cycles, 0.1, 0.9, ctx.sampleRate());
        LoopEffects.chorus(canvas, ctx.sampleRate(), 11.0, 3.5, 0.35, 0.55);
        if ((dark || style.equals("deep_house")) && ctx.intensity() >= 6) {
            LoopEffects.pump(canvas, ctx, 0.25 + 0.3 * e, 0.12);
        }
    }
}
