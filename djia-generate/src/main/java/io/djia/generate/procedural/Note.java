package io.djia.generate.procedural;

/**
 * A note of a polyphonic part.
 *
 * @param start    first frame (any; wraps around the loop)
 * @param gate     frames the key is held
 * @param midi     pitch as a MIDI note number (fractional for microtonal material)
 * @param velocity 0..1
 * @param pan      stereo position -1..1 (mono voices only)
 */
record Note(long start, int gate, double midi, double velocity, double pan) {
}
