package io.djia.midi;

/** Receives clock and transport events: a {@link ClockFollower}, a MIDI output, or a test recorder. */
@FunctionalInterface
public interface ClockSink {
    void accept(ClockEvent event);
}
