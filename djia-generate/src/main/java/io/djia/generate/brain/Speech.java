package io.djia.generate.brain;

/** A short spoken line mixed into the set, with the music ducked under it. Energy 1..10. */
public record Speech(String text, int energy, String reasoning) implements Decision {
    public Speech {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("speech needs text");
        }
        if (energy < 1 || energy > 10) {
            throw new IllegalArgumentException("speech energy must be 1..10, got " + energy);
        }
        reasoning = reasoning == null ? "" : reasoning;
    }
}
