package io.djia.generate.brain;

/** Move the set to another of the profile's phases. */
public record SetPhase(String newPhase, String reasoning) implements Decision {
    public SetPhase {
        if (newPhase == null || newPhase.isBlank()) {
            throw new IllegalArgumentException("set_phase needs new_phase");
        }
        reasoning = reasoning == null ? "" : reasoning;
    }
}
