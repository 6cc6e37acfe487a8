/**
 * MIDI clock: a parser for real-time messages, a {@link io.djia.midi.ClockFollower} that turns 24 PPQN clock
 * into tempo, phase and predicted tick times, and a {@link io.djia.midi.ClockMaster} that sends clock at
 * deadlines taken from the audio frame counter. Times are {@code long} nanoseconds of a {@link io.djia.midi.TimeSource}.
 * Records are immutable; each class states which thread may call it. Uses only {@code javax.sound.midi}.
 */
package io.djia.midi;
