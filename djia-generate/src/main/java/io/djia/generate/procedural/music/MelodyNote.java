package io.djia.generate.procedural.music;

/**
 * One note of a line.
 *
 * @param step        onset in 16th-note steps from the loop start
 * @param lengthSteps duration in steps (may be fractional)
 * @param degree      absolute scale degree (see {@link Scale})
 * @param velocity    0..1
 */
public record MelodyNote(int step, double lengthSteps, int degree, double velocity) {
}
