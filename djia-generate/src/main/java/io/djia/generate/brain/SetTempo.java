package io.djia.generate.brain;

/** Change the set's tempo (40..240 BPM). */
public record SetTempo(double bpm, String reasoning) implements Decision {
    public SetTempo {
        if (!(bpm >= 40 && bpm <= 240)) {
            throw new IllegalArgumentException("set_tempo bpm must be 40..240, got " + bpm);
        }
        reasoning = reasoning == null ? "" : reasoning;
    }
}
