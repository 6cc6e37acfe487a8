package io.djia.generate;

/**
 * Watches a generation from another thread: receives progress and may ask it to stop. Engines call
 * {@link #progress} on the generating thread and poll {@link #isCancelled} between steps, so implementations
 * must be cheap and thread-safe (volatile fields, no locks held for long).
 */
public interface GenerationMonitor {
    /** No progress wanted, never cancelled. */
    GenerationMonitor NONE = new GenerationMonitor() {
    };

    /** {@code done} of {@code total} units of {@code stage} ("encode", "decode", "audio") are finished. */
    default void progress(String stage, long done, long total) {
    }

    /** Whether the caller wants the generation to stop; engines then throw {@link GenerationCancelledException}. */
    default boolean isCancelled() {
        return false;
    }
}
