package io.djia.generate.procedural;

import java.util.List;

/** Plays notes on a {@link NoteVoice} into a loop canvas; tails that cross the loop end wrap into the start. */
final class NotePlayer {
    private NotePlayer() {
    }

    static void play(List<Note> notes, NoteVoice voice, LoopCanvas canvas, double gain) {
        for (Note note : notes) {
            int length = voice.length(note);
            float[] left = canvas.scratch(length);
            float[] right = canvas.scratch2(length);
            if (voice.render(note, left, right, length)) {
                canvas.addStereo(left, right, length, note.start(), gain);
            } else {
                canvas.addPanned(left, length, note.start(), gain, note.pan());
            }
        }
    }
}
