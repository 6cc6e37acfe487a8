/**
 * The live set ({@code djia live}): {@link io.djia.app.live.LiveEngine} schedules the shared mixer on a beat grid
 * (its own tempo map, or predicted from a followed MIDI clock), drivers pull fixed blocks from it (sound card or
 * headless), {@link io.djia.app.live.LivePrompt} turns typed commands into requests, and
 * {@link io.djia.app.live.LiveRecorder} keeps a crash-safe WAV. Frames are {@code long} timeline frames; clock time is
 * {@code long} nanoseconds of a {@link io.djia.midi.TimeSource}. The audio thread only renders; one control thread
 * owns scheduling; requests and status cross threads through a lock-free queue and an immutable snapshot.
 */
package io.djia.app.live;
