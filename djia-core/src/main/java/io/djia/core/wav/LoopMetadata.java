package io.djia.core.wav;

import io.djia.core.theory.Tempo;
import java.util.Objects;

/**
 * How a WAV file loops: the loop region, its tempo and length in beats, its root note and meter.
 *
 * <p>Written as a 'smpl' chunk (one forward loop, MIDI unity note) and an 'acid' chunk (tempo, beats,
 * meter), which samplers and DAWs use to loop the file in time. {@code loopEndFrame} is exclusive here;
 * the 'smpl' chunk stores the inclusive last frame, {@code loopEndFrame - 1}.
 *
 * @param loopStartFrame first frame of the loop, 0 or more
 * @param loopEndFrame   frame after the last frame of the loop, greater than the start
 * @param bpm            tempo in beats per minute, or {@link #UNKNOWN_BPM} when the file carries none
 * @param beats          length of the file in beats as the 'acid' chunk counts it, 0 when unknown
 * @param rootNote       MIDI note number (0..127) of the pitch the loop plays at unchanged; 60 is middle C
 * @param beatsPerBar    meter numerator, 1..32
 */
public record LoopMetadata(long loopStartFrame, long loopEndFrame, double bpm, int beats, int rootNote, int beatsPerBar) {
    /** Tempo value meaning the file says nothing about tempo (a 'smpl' chunk without an 'acid' chunk). */
    public static final double UNKNOWN_BPM = 0.0;
    /** MIDI note 60, middle C: the root note used when a file names none. */
    public static final int DEFAULT_ROOT_NOTE = 60;
    /** Highest frame index the 32-bit 'smpl' fields can hold, plus one. */
    public static final long MAX_END_FRAME = 0xFFFF_FFFFL + 1;
    /** Tempo limit; above it a value is treated as corrupt. */
    public static final double MAX_BPM = 1000.0;

    public LoopMetadata {
        if (loopStartFrame < 0) {
            throw new IllegalArgumentException("loop start must be a frame >= 0, got " + loopStartFrame);
        }
        if (loopEndFrame <= loopStartFrame || loopEndFrame > MAX_END_FRAME) {
            throw new IllegalArgumentException("loop end must be after the start (" + loopStartFrame + ") and at most "
                    + MAX_END_FRAME + ", got " + loopEndFrame);
        }
        if (!(bpm == UNKNOWN_BPM || (bpm > 0 && bpm <= MAX_BPM))) {
            throw new IllegalArgumentException("bpm must be in (0, " + MAX_BPM + "] or UNKNOWN_BPM (0), got " + bpm);
        }
        if (beats < 0) {
            throw new IllegalArgumentException("beats must be >= 0 (0 = unknown), got " + beats);
        }
        if (rootNote < 0 || rootNote > 127) {
            throw new IllegalArgumentException("root note must be a MIDI note 0..127, got " + rootNote);
        }
        if (beatsPerBar < 1 || beatsPerBar > 32) {
            throw new IllegalArgumentException("beats per bar must be 1..32, got " + beatsPerBar);
        }
    }

    /**
     * A loop of {@code bars} whole bars from frame 0 at {@code tempo}, using the same frame arithmetic as
     * {@link Tempo#framesOfBars}, so a loop rendered to that length is described exactly.
     */
    public static LoopMetadata ofBars(Tempo tempo, int bars, int sampleRate, int rootNote) {
        Objects.requireNonNull(tempo, "tempo");
        if (bars < 1) {
            throw new IllegalArgumentException("a loop needs at least one bar, got " + bars);
        }
        return new LoopMetadata(0, tempo.framesOfBars(bars, sampleRate), tempo.bpm(), bars * tempo.beatsPerBar(),
                rootNote, tempo.beatsPerBar());
    }

    public boolean hasTempo() {
        return bpm != UNKNOWN_BPM;
    }

    public long lengthFrames() {
        return loopEndFrame - loopStartFrame;
    }
}
