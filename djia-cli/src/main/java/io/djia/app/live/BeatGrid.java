package io.djia.app.live;

/**
 * Where the song's beats fall on the mixer's timeline: from the engine's own tempo map, or predicted from a
 * followed MIDI clock. Beats and bars are 0-based song positions; frames are timeline frames.
 *
 * <p>Control thread only: {@link #update} takes a fresh reading, the other methods answer from it.
 */
interface BeatGrid {
    /** Takes a fresh reading of the clock at {@code nowNanos}. */
    void update(long nowNanos);

    /** Whether a tempo is known, so that beats can be placed at all. */
    boolean hasTempo();

    /** Whether the transport plays and a tempo is known: layers sound. */
    boolean running();

    /**
     * Whether predictions are trustworthy now: false for a moment while a followed clock re-measures a changed
     * tempo, when nothing new is scheduled.
     */
    boolean locked();

    /** Whether playback may (re)start now: running, and the phase measured well enough after a Start/Continue. */
    boolean readyToPlay();

    int beatsPerBar();

    /** The tempo now, in beats per minute. */
    double bpm();

    /** Frames per beat at song beat {@code beat} (the tempo from there on, as far as it is known). */
    double framesPerBeat(long beat);

    /** Timeline frame (rounded) at which song beat {@code beat} starts. */
    long frameOfBeat(long beat);

    /** Fractional song beat at timeline frame {@code frame}. */
    double beatAt(long frame);

    /** Whether the tempo estimate has been steady long enough to make clips for it. */
    boolean tempoSettled();

    /** Whether tempo and phase come from outside (a DAW), so the engine may not change the tempo itself. */
    boolean external();

    /** The first song beat that starts at or after {@code frame}. */
    default long firstBeatAtOrAfter(long frame) {
        long beat = (long) Math.ceil(beatAt(frame) - 1e-9);
        while (frameOfBeat(beat) < frame) {
            beat++;
        }
        while (beat > 0 && frameOfBeat(beat - 1) >= frame) {
            beat--;
        }
        return beat;
    }

    /** The first bar that starts at or after {@code frame}. */
    default long firstBarAtOrAfter(long frame) {
        long beat = firstBeatAtOrAfter(frame);
        return Math.floorDiv(beat + beatsPerBar() - 1, beatsPerBar());
    }

    default long frameOfBar(long bar) {
        return frameOfBeat(bar * beatsPerBar());
    }
}
