package io.djia.separate;

/** Receives how much of a separation is done, from the thread that separates. */
@FunctionalInterface
public interface SeparationProgress {
    /** Ignores progress. */
    SeparationProgress NONE = fraction -> { };

    /** @param fraction done so far, 0..1, never decreasing within one separation */
    void update(double fraction);
}
