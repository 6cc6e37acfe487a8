package io.djia.generate.procedural;

import io.djia.generate.procedural.music.MelodyNote;
import io.djia.generate.procedural.music.MelodyWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Melodic leads: a motif written by {@link MelodyWriter} and played on a style's instrument: synth pluck, lo-fi
 * Rhodes with dyads and tape wow, glassy FM bells, a breathy melodica, a dub horn section in thirds answering
 * phrase by phrase, or an atonal noise synth.
 */
final class MelodyInstrument implements Instrument {
    enum Kind { PLUCK, RHODES, BELLS, MELODICA, HORNS, NOISE }

    static final SubtractiveVoice.Patch BRASS = new SubtractiveVoice.Patch(2, 8, 0.3, 1.0, 0.5,
            0.03, 0.6, 0.75, 0.15, 5.5, 10, 0.25, 650, 2.2, 0.35, 0.8, -35, 0.035, 0.03, 1.3);

    private final Kind kind;

    MelodyInstrument(Kind kind) {
        this.kind = kind;
    }

    /** Lowest absolute degree of octave {@code octave} (MIDI octave numbering, 4 holds middle C). */
    private static int octave(int octave) {
        return 7 * octave;
    }

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        double e = ctx.energy();
        SplittableRandom rng = ctx.random("melody");
        MelodyWriter.Style style = switch (kind) {
            case PLUCK -> new MelodyWriter.Style(0.5 + 0.35 * e, true, octave(4) + 2, octave(5) + 4, 2, 0.3, 1);
            case RHODES -> new MelodyWriter.Style(0.4 + 0.3 * e, e > 0.5, octave(4), octave(5) + 2, 4, 0.8, 2);
            case BELLS -> new MelodyWriter.Style(0.25 + 0.3 * e, false, octave(5), octave(6) + 2, 8, 1.0, 2);
            case MELODICA -> new MelodyWriter.Style(0.4 + 0.3 * e, false, octave(4), octave(5) + 3, 6, 0.85, 2);
            case HORNS -> new MelodyWriter.Style(0.45 + 0.3 * e, true, octave(4) + 2, octave(5) + 2, 3, 0.7, 1);
            case NOISE -> new MelodyWriter.Style(0.35 + 0.45 * e, true, octave(3) + 3, octave(5) + 3, 3, 0.5, 1);
        };
        List<MelodyNote> line = MelodyWriter.write(ctx.plan(), ctx.bars(), ctx.stepsPerBar(), style, rng);
        List<Note> notes = new ArrayList<>();
        for (MelodyNote m : line) {
            int bar = m.step() / ctx.stepsPerBar();
            if (kind == Kind.HORNS && ctx.intensity() < 7 && bar % 2 == 0 && ctx.bars() > 1) {
                continue;
            }
            long at = ctx.frameAt(m.step());
            int gate = ctx.framesBetween(m.step(), m.lengthSteps());
            double pan = switch (kind) {
                case BELLS, NOISE -> rng.nextDouble() - 0.5;
                case PLUCK -> (m.step() % 2 == 0 ? -0.25 : 0.25);
                default -> 0.0;
            };
            notes.add(new Note(at, gate, ctx.scale().midi(m.degree()), m.velocity(), pan));
            if (kind == Kind.HORNS) {
                // A horn section: trumpet on the line, alto a diatonic third below, trombone an octave below.
                notes.add(new Note(at, gate, ctx.scale().midi(m.degree() - 2), 0.75 * m.velocity(), -0.3));
                notes.add(new Note(at, gate, ctx.scale().midi(m.degree() - 7), 0.6 * m.velocity(), 0.3));
            } else if (kind == Kind.RHODES && m.lengthSteps() >= 2 && rng.nextDouble() < 0.5) {
                notes.add(new Note(at, gate, ctx.scale().midi(m.degree() - 2), 0.7 * m.velocity(), 0));
            }
        }
        int sr = ctx.sampleRate();
        switch (kind) {
            case PLUCK -> {
                NotePlayer.play(notes, new PluckVoice(0.7 + 0.2 * ctx.brightness(), 1.2, false, sr, ctx.noiseSeed("pluck")), canvas, 1.0);
                SubtractiveVoice.Patch synth = new SubtractiveVoice.Patch(2, 14, 0.5, 1.0, 0.5, 0.002, 0.3, 0.0, 0.1,
                        0, 0, 0, 500, 3.2 + e, 0.22, 1.4, 0, 0, 0.0, 1.0);
                NotePlayer.play(notes, new SubtractiveVoice(synth, sr, ctx.noiseSeed("pluck-synth")), canvas, 0.55);
                LoopEffects.room(canvas, sr, 0.3);
            }
            case RHODES -> {
                NotePlayer.play(notes, new FmVoice(KeysInstrument.RHODES, sr), canvas, 1.0);
                LoopEffects.wow(canvas, sr, 0.9, 0.55);
                LoopEffects.lowpass(canvas.left(), 4200, 0.7, sr);
                LoopEffects.lowpass(canvas.right(), 4200, 0.7, sr);
                LoopEffects.chorus(canvas, sr, 8.0, 1.5, 0.4, 0.35);
            }
            case BELLS -> {
                FmVoice.Patch bell = new FmVoice.Patch(3.5, 1.6, 1.6, 0.08, 0, 0, 0, 3.8, 2.5, 0.15);
                NotePlayer.play(notes, new FmVoice(bell, sr), canvas, 1.0);
                LoopEffects.room(canvas, sr, 0.45);
            }
            case MELODICA -> {
                SubtractiveVoice.Patch reed = new SubtractiveVoice.Patch(2, 6, 0.2, 0.35, 0.4, 0.04, 0.5, 0.85, 0.12,
                        5.0, 8, 0.3, 1400, 0.8, 0.4, 0.7, -20, 0.03, 0.08, 1.2);
                NotePlayer.play(notes, new SubtractiveVoice(reed, sr, ctx.noiseSeed("melodica")), canvas, 1.0);
                LoopEffects.room(canvas, sr, 0.3);
            }
            case HORNS -> {
                NotePlayer.play(notes, new SubtractiveVoice(BRASS, sr, ctx.noiseSeed("horns")), canvas, 1.0);
                LoopEffects.room(canvas, sr, 0.4);
            }
            case NOISE -> {
                SubtractiveVoice.Patch noisy = new SubtractiveVoice.Patch(3, 60, 0.8, 0.3, 0.2, 0.004, 0.2, 0.5, 0.08,
                        11, 60, 0.0, 1800, 2.5, 0.15, 3.0, 300, 0.01, 0.5, 4.0);
                NotePlayer.play(notes, new SubtractiveVoice(noisy, sr, ctx.noiseSeed("noise-synth")), canvas, 1.0);
                LoopEffects.ringModulate(canvas, LoopEffects.cyclesPerLoop(311, ctx.loopSeconds()), 0.35);
                LoopEffects.crush(canvas, 7, 2);
            }
        }
    }
}
