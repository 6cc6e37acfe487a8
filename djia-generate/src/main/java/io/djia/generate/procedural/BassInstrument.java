package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.KarplusStrong;
import io.djia.generate.procedural.dsp.Noise;
import java.util.Arrays;
import java.util.List;

/** Bass recipes: a line writer and a voice per style. Basses are mono (identical channels) so the low end sums safely. */
final class BassInstrument implements Instrument {
    enum Style { ACID, SUB, REESE, DUB, EIGHT_O_EIGHT, ROCK, DEEP, ABSTRACT, CELLO }

    private final Style style;

    BassInstrument(Style style) {
        this.style = style;
    }

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        switch (style) {
            case ACID -> {
                boolean square = ctx.random("acid-wave").nextInt(3) == 0;
                MonoLine.play(new BassLines(ctx, 38).acid(), new AcidVoice(ctx, square), ctx, canvas, 0.3, 1, 1);
            }
            case SUB -> MonoLine.play(new BassLines(ctx, 33).sub(), new BassVoice(ctx, BassVoice.Kind.SUB), ctx, canvas, 0.4, 1, 1);
            case REESE -> MonoLine.play(new BassLines(ctx, 33).reese(), new BassVoice(ctx, BassVoice.Kind.REESE), ctx, canvas, 0.4, 1, 1);
            case DUB -> MonoLine.play(new BassLines(ctx, 35).dub(), new BassVoice(ctx, BassVoice.Kind.DUB), ctx, canvas, 0.3, 1, 1);
            case EIGHT_O_EIGHT -> MonoLine.play(new BassLines(ctx, 34).eightOhEight(), new BassVoice(ctx, BassVoice.Kind.EIGHT_O_EIGHT),
                    ctx, canvas, 0.4, 1, 1);
            case ROCK -> MonoLine.play(new BassLines(ctx, 36).rock(), new BassVoice(ctx, BassVoice.Kind.PICKED), ctx, canvas, 0.2, 1, 1);
            case DEEP -> MonoLine.play(new BassLines(ctx, 37).deep(), new BassVoice(ctx, BassVoice.Kind.DEEP), ctx, canvas, 0.2, 1, 1);
            case ABSTRACT -> MonoLine.play(new BassLines(ctx, 36).abstractLine(), new BassVoice(ctx, BassVoice.Kind.FM), ctx, canvas, 0.2, 1, 1);
            case CELLO -> pizzicato(ctx, canvas);
        }
    }

    /** Pizzicato cello: each note a dark, short Karplus-Strong pluck that rings under the next one. */
    private static void pizzicato(ClipContext ctx, LoopCanvas canvas) {
        List<LineNote> notes = new BassLines(ctx, 45).pizzicato();
        Noise noise = new Noise(ctx.noiseSeed("pizzicato"));
        int length = (int) (1.2 * ctx.sampleRate());
        float[] buf = new float[length];
        for (LineNote note : notes) {
            double hz = Key.midiToHz(note.midi());
            int n = KarplusStrong.pluck(buf, length, hz, 0.25 + 0.2 * note.velocity(), 0.9, note.velocity(), noise,
                    ctx.sampleRate());
            canvas.add(buf, n, note.start(), 1, 1);
            Arrays.fill(buf, 0, n, 0f);
        }
    }
}
