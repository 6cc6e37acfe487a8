package io.djia.generate.procedural;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Plays a monophonic line on a {@link MonoVoice} and wraps the tail of the last note into the loop start. */
final class MonoLine {
    private MonoLine() {
    }

    /**
     * @param tailSeconds how long to keep rendering after the loop end for the release of the last note
     */
    static void play(List<LineNote> notes, MonoVoice voice, ClipContext ctx, LoopCanvas canvas, double tailSeconds,
                     double gainLeft, double gainRight) {
        int n = ctx.frames();
        int total = n + (int) (tailSeconds * ctx.sampleRate());
        List<LineNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingLong(LineNote::start));
        float[] out = canvas.scratch(total);
        int pos = 0;
        for (int i = 0; i < sorted.size(); i++) {
            LineNote note = sorted.get(i);
            int start = (int) Math.min(note.start(), total);
            voice.render(out, pos, start);
            boolean legato = i > 0 && sorted.get(i - 1).slide();
            voice.noteOn(note, legato);
            long nextStart = i + 1 < sorted.size() ? sorted.get(i + 1).start() : total;
            int gateEnd = (int) Math.min(total, note.start() + note.gate());
            if (note.slide() && i + 1 < sorted.size()) {
                // Held into the next note, which glides instead of retriggering.
                voice.render(out, start, (int) Math.min(nextStart, total));
                pos = (int) Math.min(nextStart, total);
                continue;
            }
            int until = (int) Math.min(gateEnd, nextStart);
            voice.render(out, start, until);
            voice.noteOff();
            pos = until;
        }
        voice.render(out, pos, total);
        canvas.add(out, total, 0, gainLeft, gainRight);
    }
}
