package io.djia.generate;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a {@link Generator} on one worker thread of its own, so neural generation (seconds to minutes) never
 * runs on the audio or control thread. Jobs run one at a time in submission order; each can report progress
 * and be cancelled. Closing stops the worker and cancels queued jobs; the generator itself stays open (its
 * owner closes it).
 */
public final class BackgroundGenerator implements AutoCloseable {
    private final Generator generator;
    private final ExecutorService worker;

    public BackgroundGenerator(Generator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "djia-generate-" + generator.name());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** Queues a generation; returns at once. */
    public GenerationJob submit(GenerationRequest request) {
        GenerationJob job = new GenerationJob(Objects.requireNonNull(request, "request"));
        try {
            worker.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            job.fail(new IllegalStateException("background generator is closed", e));
        }
        return job;
    }

    private void run(GenerationJob job) {
        if (job.isDone()) {
            return;
        }
        if (job.isCancelled()) {
            job.fail(new GenerationCancelledException("generation cancelled before it started"));
            return;
        }
        job.start();
        try {
            job.complete(generator.generate(job.request(), job));
        } catch (RuntimeException | Error e) {
            job.fail(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
