package io.djia.app.live;

import io.djia.midi.ClockFollower;
import io.djia.midi.ClockState;

/**
 * Beats predicted from a followed MIDI clock: the follower's latest {@link ClockState} says when a song tick
 * happens in clock time, and a {@link TimelineClock} says which timeline frame is heard then.
 *
 * <p>After a Start or Continue the phase is re-measured from the first ticks, so playback waits for
 * {@value #RESUME_TICKS} of them; after a tempo relock the estimate is called settled once
 * {@value #SETTLE_TICKS} more ticks went by without another relock.
 */
final class FollowedGrid implements BeatGrid {
    /** Half a beat of ticks after Start/Continue: the phase then rests on a dozen points, not one. */
    static final int RESUME_TICKS = 12;
    /** Two beats of ticks after a relock before clips are made for the new tempo. */
    static final int SETTLE_TICKS = 48;

    private final ClockFollower follower;
    private final TimelineClock frameClock;
    private final int sampleRate;
    private ClockState state;
    private long resumeTick = Long.MIN_VALUE;
    private long relocks = -1;
    private long relockTick;

    FollowedGrid(ClockFollower follower, TimelineClock frameClock, int sampleRate) {
        this.follower = follower;
        this.frameClock = frameClock;
        this.sampleRate = sampleRate;
        this.state = follower.snapshot();
    }

    ClockState state() {
        return state;
    }

    @Override
    public void update(long now) {
        follower.checkClockLost(now);
        state = follower.snapshot();
        if (!running()) {
            resumeTick = Long.MIN_VALUE;
        } else if (resumeTick == Long.MIN_VALUE && state.tick() >= 0) {
            resumeTick = state.tick();
        }
        if (state.relocks() != relocks) {
            relocks = state.relocks();
            relockTick = Math.max(0, state.tick());
        }
    }

    @Override
    public boolean hasTempo() {
        return !Double.isNaN(state.nanosPerTick());
    }

    @Override
    public boolean running() {
        return state.running() && !state.clockLost() && hasTempo();
    }

    @Override
    public boolean locked() {
        return state.locked();
    }

    @Override
    public boolean readyToPlay() {
        return running() && locked() && resumeTick != Long.MIN_VALUE && state.tick() >= resumeTick + RESUME_TICKS;
    }

    /** No tick for longer than the follower allows (cable pulled, DAW gone). */
    boolean clockLost() {
        return state.clockLost();
    }

    @Override
    public int beatsPerBar() {
        return state.beatsPerBar();
    }

    @Override
    public double bpm() {
        return state.bpm();
    }

    @Override
    public double framesPerBeat(long beat) {
        return state.nanosPerTick() * ClockState.TICKS_PER_BEAT * sampleRate / 1e9;
    }

    @Override
    public long frameOfBeat(long beat) {
        return Math.round(frameClock.frameAt(state.predictBeatNanos(beat)));
    }

    @Override
    public double beatAt(long frame) {
        return state.tickAt(frameClock.nanosAt(frame)) / ClockState.TICKS_PER_BEAT;
    }

    @Override
    public boolean tempoSettled() {
        return state.locked() && state.tick() - relockTick >= SETTLE_TICKS;
    }

    @Override
    public boolean external() {
        return true;
    }
}
