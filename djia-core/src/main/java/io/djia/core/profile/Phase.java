package io.djia.core.profile;

/**
 * One section of a set ("intro", "drop").
 *
 * @param name         the phase name
 * @param intensity    energy 1..10
 * @param weight       relative share of the set's length
 * @param targetLayers how many layers should play in this phase (1..max layers)
 */
public record Phase(String name, int intensity, double weight, int targetLayers) {
    public Phase {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("phase needs a name");
        }
        if (intensity < 1 || intensity > 10) {
            throw new IllegalArgumentException("phase \"" + name + "\" intensity must be 1..10, got " + intensity);
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("phase \"" + name + "\" weight must be positive, got " + weight);
        }
        if (targetLayers < 1) {
            throw new IllegalArgumentException("phase \"" + name + "\" needs at least one target layer");
        }
    }
}
