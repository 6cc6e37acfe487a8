package io.djia.generate.procedural;

/**
 * A note of a monophonic line.
 *
 * @param start    first frame (0 .. loop length)
 * @param gate     frames the key is held
 * @param midi     pitch as a MIDI note number (fractional for microtonal material)
 * @param velocity 0..1
 * @param accent   an accented note (TB-303 style: louder, brighter, snappier)
 * @param slide    glide from this note into the next, which is then not retriggered
 */
record LineNote(long start, int gate, double midi, double velocity, boolean accent, boolean slide) {
}
