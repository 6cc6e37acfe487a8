package io.djia.generate.procedural;

/**
 * One drum stroke.
 *
 * @param step     position in 16th-note steps (fractional for 32nd-note ratchets)
 * @param drum     the voice
 * @param velocity 0..1
 * @param tuneHz   pitch for tuned voices (kick, toms, congas, timpani, blips); 0 for the kit's default
 * @param pan      stereo position -1..1, or NaN for the voice's default
 */
record DrumHit(double step, Drum drum, double velocity, double tuneHz, double pan) {
    DrumHit(double step, Drum drum, double velocity) {
        this(step, drum, velocity, 0.0, Double.NaN);
    }
}
