package io.djia.generate;

import io.djia.core.audio.AudioBuffer;

/**
 * Makes a loop for a request. The embedded procedural synthesiser and neural backends are siblings behind
 * this interface, chosen by {@link GeneratorFactory}, so callers never branch on the engine.
 *
 * <p>Implementations return a stereo buffer at {@link GenerationRequest#sampleRate()}. Procedural
 * output is exactly {@code bars} long on the grid; neural output may not be and is fitted by the caller.
 */
public interface Generator extends AutoCloseable {
    AudioBuffer generate(GenerationRequest request);

    /**
     * As {@link #generate(GenerationRequest)}, reporting progress to {@code monitor} and stopping with a
     * {@link GenerationCancelledException} when it asks. Engines that work in steps override this; the default
     * only checks for cancellation before starting.
     */
    default AudioBuffer generate(GenerationRequest request, GenerationMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new GenerationCancelledException("generation cancelled before it started");
        }
        AudioBuffer audio = generate(request);
        monitor.progress("generate", 1, 1);
        return audio;
    }

    /** Short name for logs and set.json, e.g. "procedural" or "musicgen-small". */
    String name();

    /** Whether the engine is a neural model (false for the embedded procedural synthesiser). */
    boolean isNeural();

    /** Whether {@link #generate} returns audio that is already exactly on the bar grid. */
    default boolean outputIsOnGrid() {
        return !isNeural();
    }

    @Override
    default void close() {
    }
}
