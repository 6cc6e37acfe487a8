package io.djia.app.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own tempo map (the {@code --clock internal} case): beat 0 at a chosen frame, and tempo changes that
 * take effect on a bar. Within a segment a beat's frame is one multiplication from the segment's start, never a
 * running sum, so there is no drift however long the set runs.
 */
final class InternalGrid implements BeatGrid {
    /** A stretch of constant tempo from {@code startBeat} (at fractional frame {@code startFrame}) on. */
    private record Segment(long startBeat, double startFrame, double framesPerBeat) {
    }

    private final int sampleRate;
    private final int beatsPerBar;
    private final List<Segment> segments = new ArrayList<>();
    private double bpmNow;
    private long nowFrameHint;

    InternalGrid(int sampleRate, int beatsPerBar, double bpm, long firstBeatFrame) {
        this.sampleRate = sampleRate;
        this.beatsPerBar = beatsPerBar;
        this.segments.add(new Segment(0, firstBeatFrame, framesPerBeatOf(bpm)));
        this.bpmNow = bpm;
    }

    private double framesPerBeatOf(double bpm) {
        return sampleRate * 60.0 / bpm;
    }

    /** From bar {@code bar} on, the tempo is {@code bpm}; later changes already planned are dropped. */
    void setTempoFromBar(long bar, double bpm) {
        long beat = bar * beatsPerBar;
        double frame = exactFrameOfBeat(beat);
        segments.removeIf(s -> s.startBeat() >= beat);
        segments.add(new Segment(beat, frame, framesPerBeatOf(bpm)));
    }

    /** Tells the grid where the timeline is, so that {@link #bpm()} reports the tempo playing now. */
    void setNowFrame(long frame) {
        nowFrameHint = frame;
        Segment s = segmentAtFrame(frame);
        bpmNow = sampleRate * 60.0 / s.framesPerBeat();
        // Segments wholly in the past are no longer needed.
        while (segments.size() > 1 && segments.get(1).startFrame() <= frame - 10.0 * sampleRate) {
            segments.remove(0);
        }
    }

    @Override
    public void update(long nowNanos) {
        // Nothing to read: the map changes only through setTempoFromBar.
    }

    @Override
    public boolean hasTempo() {
        return true;
    }

    @Override
    public boolean running() {
        return true;
    }

    @Override
    public boolean locked() {
        return true;
    }

    @Override
    public boolean readyToPlay() {
        return true;
    }

    @Override
    public int beatsPerBar() {
        return beatsPerBar;
    }

    @Override
    public double bpm() {
        return bpmNow;
    }

    @Override
    public double framesPerBeat(long beat) {
        return segmentAtBeat(beat).framesPerBeat();
    }

    @Override
    public long frameOfBeat(long beat) {
        return Math.round(exactFrameOfBeat(beat));
    }

    private double exactFrameOfBeat(long beat) {
        Segment s = segmentAtBeat(beat);
        return s.startFrame() + (beat - s.startBeat()) * s.framesPerBeat();
    }

    @Override
    public double beatAt(long frame) {
        Segment s = segmentAtFrame(frame);
        return s.startBeat() + (frame - s.startFrame()) / s.framesPerBeat();
    }

    @Override
    public boolean tempoSettled() {
        return true;
    }

    @Override
    public boolean external() {
        return false;
    }

    long nowFrameHint() {
        return nowFrameHint;
    }

    private Segment segmentAtBeat(long beat) {
        Segment found = segments.get(0);
        for (Segment s : segments) {
            if (s.startBeat() <= beat) {
                found = s;
            }
        }
        return found;
    }

    private Segment segmentAtFrame(long frame) {
        Segment found = segments.get(0);
        for (Segment s : segments) {
            if (s.startFrame() <= frame) {
                found = s;
            }
        }
        return found;
    }
}
