package io.djia.midi;

/**
 * An immutable snapshot of a {@link ClockFollower}: transport, tempo, position and the fitted tick line, from
 * which the time of any future tick, beat or bar is predicted.
 *
 * <p>Positions are song positions in MIDI clock ticks (24 per quarter-note beat), 0-based: tick 0 is the
 * first clock after Start (beat 1 of bar 1), tick {@code 6 * spp} the first clock after SPP + Continue.
 * Bars and beats are 0-based too; {@link #barBeat()} shows them 1-based as a DAW does. Predictions
 * include the latency offset and are meaningful while {@link #locked()}; while stopped they assume play
 * resumes at the next tick.
 *
 * @param running             between Start/Continue and Stop
 * @param locked              tempo and phase are measured well enough to schedule against
 * @param clockLost           no clock tick for {@code clockLostAfterNanos}
 * @param bpm                 tempo in quarter-note beats per minute; NaN until measured
 * @param tick                song position of the latest clock tick; -1 before the first tick after Start
 * @param beatsPerBar         meter used for bars
 * @param referenceTick       a song tick on the fitted line (the latest accepted one)
 * @param referenceNanos      fitted time of {@code referenceTick}, without the latency offset
 * @param nanosPerTick        fitted tick period; NaN until measured
 * @param lastTickNanos       arrival time of the latest clock tick; {@code Long.MIN_VALUE} before any
 * @param latencyOffsetNanos  added to every prediction (negative: predictions earlier than arrival)
 * @param clockLostAfterNanos silence after which the clock counts as lost
 * @param droppedTicks        ticks inferred missing since the follower was made
 * @param outlierTicks        ticks left out of the fit for arriving too far from the prediction
 * @param relocks             times the fit restarted after a tempo change
 */
public record ClockState(
        boolean running,
        boolean locked,
        boolean clockLost,
        double bpm,
        long tick,
        int beatsPerBar,
        long referenceTick,
        long referenceNanos,
        double nanosPerTick,
        long lastTickNanos,
        long latencyOffsetNanos,
        long clockLostAfterNanos,
        long droppedTicks,
        long outlierTicks,
        long relocks) {

    /** MIDI clock resolution: 24 pulses per quarter note. */
    public static final int TICKS_PER_BEAT = 24;

    public ClockState {
        if (beatsPerBar < 1 || beatsPerBar > 32) {
            throw new IllegalArgumentException("beats per bar must be 1..32, got " + beatsPerBar);
        }
        if (tick < -1) {
            throw new IllegalArgumentException("tick must be >= -1, got " + tick);
        }
        if (nanosPerTick <= 0) {
            throw new IllegalArgumentException("tick period must be positive or NaN, got " + nanosPerTick);
        }
    }

    /** The state before any message: stopped, unlocked, position -1. */
    public static ClockState initial(int beatsPerBar, long latencyOffsetNanos, long clockLostAfterNanos) {
        return new ClockState(false, false, false, Double.NaN, -1, beatsPerBar, -1, 0, Double.NaN,
                Long.MIN_VALUE, latencyOffsetNanos, clockLostAfterNanos, 0, 0, 0);
    }

    public int ticksPerBar() {
        return TICKS_PER_BEAT * beatsPerBar;
    }

    /** Song position of the latest tick in beats (tick / 24). */
    public double beatPosition() {
        return tick / (double) TICKS_PER_BEAT;
    }

    /** 0-based bar of the latest tick (bar 0 holds ticks 0..ticksPerBar-1); -1 before the first tick. */
    public long bar() {
        return Math.floorDiv(tick, ticksPerBar());
    }

    /** 0-based beat within {@link #bar()}. */
    public int beatInBar() {
        return (int) Math.floorMod(Math.floorDiv(tick, TICKS_PER_BEAT), beatsPerBar);
    }

    /** "bar:beat", 1-based as a DAW shows it ("1:1" on the first tick after Start); "-:-" before it. */
    public String barBeat() {
        return tick < 0 ? "-:-" : (bar() + 1) + ":" + (beatInBar() + 1);
    }

    /** Predicted time of song tick {@code songTick}, latency offset included. */
    public long predictTickNanos(long songTick) {
        requireTempo();
        return referenceNanos + latencyOffsetNanos + Math.round((songTick - referenceTick) * nanosPerTick);
    }

    /** Predicted time of the start of 0-based beat {@code beat}. */
    public long predictBeatNanos(long beat) {
        return predictTickNanos(beat * TICKS_PER_BEAT);
    }

    /** Predicted time of the first tick of 0-based bar {@code bar}. */
    public long predictBarStartNanos(long bar) {
        return predictTickNanos(bar * ticksPerBar());
    }

    /** Fractional song position in ticks at time {@code timeNanos} (the inverse of {@link #predictTickNanos}). */
    public double tickAt(long timeNanos) {
        requireTempo();
        return referenceTick + (timeNanos - referenceNanos - latencyOffsetNanos) / nanosPerTick;
    }

    /** The first 0-based bar that starts strictly after {@code timeNanos}. */
    public long nextBarAfter(long timeNanos) {
        return Math.floorDiv((long) Math.floor(tickAt(timeNanos)), ticksPerBar()) + 1;
    }

    /** Locked and a tick seen within {@code clockLostAfterNanos} of {@code nowNanos}: safe for the audio thread. */
    public boolean isLockedAt(long nowNanos) {
        return locked && !clockLost && nowNanos - lastTickNanos <= clockLostAfterNanos;
    }

    private void requireTempo() {
        if (Double.isNaN(nanosPerTick)) {
            throw new IllegalStateException("no tempo measured yet: wait until the state is locked");
        }
    }
}
