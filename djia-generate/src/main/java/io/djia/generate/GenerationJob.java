package io.djia.generate;

import io.djia.core.audio.AudioBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A generation running on a {@link BackgroundGenerator}'s worker thread. Every method is non-blocking except
 * {@link #await()}, so a control or audio thread may poll {@link #poll()} and {@link #progress()} freely.
 */
public final class GenerationJob implements GenerationMonitor {
    private final GenerationRequest request;
    private final CompletableFuture<AudioBuffer> result = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile String stage = "queued";
    private volatile double fraction;

    GenerationJob(GenerationRequest request) {
        this.request = request;
    }

    public GenerationRequest request() {
        return request;
    }

    @Override
    public void progress(String newStage, long done, long total) {
        stage = newStage;
        fraction = total <= 0 ? 0 : Math.min(1.0, Math.max(0.0, done / (double) total));
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Asks the generation to stop at its next step; the result then completes with a cancellation. */
    public void cancel() {
        cancelled = true;
        if (stage.equals("queued")) {
            result.completeExceptionally(new GenerationCancelledException("generation cancelled before it started"));
        }
    }

    /** The stage last reported: "queued", then the engine's stages, then "done" or "failed". */
    public String stage() {
        return stage;
    }

    /** Progress of the current stage, 0..1. */
    public double progress() {
        return fraction;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** The audio when finished successfully, else empty (still running, failed or cancelled). */
    public Optional<AudioBuffer> poll() {
        return result.isDone() && !result.isCompletedExceptionally() ? Optional.of(result.join()) : Optional.empty();
    }

    /**
     * Waits for the result.
     *
     * @throws GenerationCancelledException when the job was cancelled
     * @throws java.util.concurrent.CompletionException wrapping the engine's error when it failed
     */
    public AudioBuffer await() {
        return result.join();
    }

    /** The result as a future, for callers that compose. */
    public CompletableFuture<AudioBuffer> future() {
        return result;
    }

    void start() {
        stage = "started";
    }

    void complete(AudioBuffer audio) {
        stage = "done";
        fraction = 1.0;
        result.complete(audio);
    }

    void fail(Throwable error) {
        stage = "failed";
        result.completeExceptionally(error);
    }
}
