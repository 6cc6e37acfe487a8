/**
 * MIDI ports through {@code javax.sound.midi}: listing, choosing by name substring, and adapters that feed
 * received clock to a {@link io.djia.midi.ClockSink} or send {@link io.djia.midi.ClockEvent}s out. The only
 * package that touches {@code javax.sound.midi} types. Adapters are {@code AutoCloseable}; the input adapter
 * calls its sink on the MIDI system's receiving thread.
 */
package io.djia.midi.port;
