package io.djia.generate.procedural;

/** Renders single notes of a polyphonic instrument into scratch buffers. Stateless between notes. */
interface NoteVoice {
    /** Frames the note needs: its gate plus its release or natural decay. */
    int length(Note note);

    /**
     * Renders the note into {@code left[0..length)} (and {@code right} for a stereo voice); both arrive zeroed.
     *
     * @return true when the voice wrote both channels itself, false when it wrote a mono {@code left} that the
     *     player pans
     */
    boolean render(Note note, float[] left, float[] right, int length);
}
