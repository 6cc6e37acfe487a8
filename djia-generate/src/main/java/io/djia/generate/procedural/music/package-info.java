/**
 * Musical material for the procedural generator: scales (tonal and atonal), chord progressions, voice
 * leading, Euclidean rhythms and melodies. Pitches are MIDI note numbers (fractional for microtonal material),
 * times are 16th-note steps. All types are immutable or pure and thread-safe.
 */
package io.djia.generate.procedural.music;
