package io.djia.generate.procedural;

/**
 * A monophonic synth voice rendered in blocks between note events (the JSyn unit-generator model): the line
 * player calls {@link #noteOn}, {@link #noteOff} and {@link #render} in time order. One instance per clip.
 */
interface MonoVoice {
    /** A new note; {@code legato} when the previous note slides into it (no envelope retrigger). */
    void noteOn(LineNote note, boolean legato);

    void noteOff();

    /** Adds samples for absolute frames {@code [from, to)} into {@code out[from..to)}. */
    void render(float[] out, int from, int to);
}
