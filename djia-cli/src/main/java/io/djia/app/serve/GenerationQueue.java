package io.djia.app.serve;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A fixed set of generation workers behind a bounded waiting line. Admission is a semaphore of
 * {@code workers + capacity} permits, so a request either gets a place at once or is refused at once (the server
 * answers 429): nothing piles up in memory. A job keeps its permit until it finishes, is cancelled before it
 * starts, or, when cancelled while running, until the engine stops; so the counts are what the workers really do.
 *
 * <p>Running jobs are not interrupted (native engines must not be): they see cancellation through the flag they
 * are given and stop at their next check. Thread-safe.
 */
final class GenerationQueue {
    /** Thrown by {@link #submit} when every place is taken. */
    static final class FullException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FullException(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown by {@link #submit} once shutdown has begun. */
    static final class ClosedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClosedException(String message) {
            super(message, null, false, false);
        }
    }

    /** A job's life: waiting, running, finished (or cancelled before it ran). */
    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;

    /** One admitted request. Its result completes exactly once: with the value, the failure, or the cancellation. */
    final class Job<T> implements Runnable {
        private final Function<BooleanSupplier, T> task;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile boolean cancelled;

        private Job(Function<BooleanSupplier, T> task) {
            this.task = task;
        }

        CompletableFuture<T> result() {
            return result;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(WAITING, RUNNING)) {
                return;
            }
            waiting.decrementAndGet();
            running.incrementAndGet();
            long start = System.nanoTime();
            try {
                result.complete(task.apply(() -> cancelled));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                recordSeconds((System.nanoTime() - start) / 1e9);
                running.decrementAndGet();
                state.set(DONE);
                live.remove(this);
                permits.release();
            }
        }

        /**
         * Cancels the job: one still waiting never runs; one running is asked to stop. Its result completes now
         * with a {@link CancellationException} carrying {@code reason}, so whoever waits on it can answer at once.
         */
        void cancel(String reason) {
            cancelled = true;
            if (state.compareAndSet(WAITING, DONE)) {
                waiting.decrementAndGet();
                live.remove(this);
                permits.release();
            }
            result.completeExceptionally(new CancellationException(reason));
        }
    }

    private final int workers;
    private final int capacity;
    private final Semaphore permits;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final Set<Job<?>> live = ConcurrentHashMap.newKeySet();
    /** Mean generation time in microseconds, an exponential average, for Retry-After estimates. */
    private final AtomicLong meanMicros = new AtomicLong(1_000_000);
    private volatile boolean closed;

    GenerationQueue(int workers, int capacity) {
        if (workers < 1 || capacity < 0) {
            throw new IllegalArgumentException("need at least one worker and a capacity >= 0, got " + workers
                    + " and " + capacity);
        }
        this.workers = workers;
        this.capacity = capacity;
        this.permits = new Semaphore(workers + capacity);
        AtomicInteger count = new AtomicInteger();
        // The executor's own queue is unbounded, but the semaphore admits at most workers + capacity jobs.
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "djia-generate-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Admits a job or refuses it at once.
     *
     * @param task receives a flag that turns true when the job is cancelled
     * @throws FullException   when {@code workers + capacity} jobs are already admitted
     * @throws ClosedException after {@link #shutdown} began
     */
    <T> Job<T> submit(Function<BooleanSupplier, T> task) {
        if (closed) {
            throw new ClosedException("the server is shutting down");
        }
        if (!permits.tryAcquire()) {
            throw new FullException("all " + workers + " workers are busy and " + capacity + " requests are waiting");
        }
        Job<T> job = new Job<>(task);
        waiting.incrementAndGet();
        live.add(job);
        if (closed) {
            // Shutdown began between the check and now: do not leave a job it will not see.
            job.cancel("the server is shutting down");
            throw new ClosedException("the server is shutting down");
        }
        pool.execute(job);
        return job;
    }

    /** Requests waiting for a worker. */
    int waiting() {
        return waiting.get();
    }

    /** Generations in progress. */
    int running() {
        return running.get();
    }

    int workers() {
        return workers;
    }

    int capacity() {
        return capacity;
    }

    boolean isClosed() {
        return closed;
    }

    /** Seconds a new request would wait for a place, from the mean generation time; 1..120. */
    long retryAfterSeconds() {
        double mean = meanMicros.get() / 1e6;
        double rounds = Math.ceil((waiting.get() + 1.0) / workers);
        return Math.max(1, Math.min(120, (long) Math.ceil(mean * rounds)));
    }

    private void recordSeconds(double seconds) {
        long micros = (long) (seconds * 1e6);
        meanMicros.accumulateAndGet(micros, (mean, x) -> mean + (x - mean) / 4);
    }

    /**
     * Stops admitting jobs, lets admitted ones finish for up to {@code grace}, then cancels what is left (waiting
     * jobs never run; running ones are asked to stop) and waits up to {@code stopWait} more for workers to end.
     *
     * @return the number of jobs cancelled
     */
    int shutdown(Duration grace, Duration stopWait) throws InterruptedException {
        closed = true;
        pool.shutdown();
        if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int cancelled = 0;
        for (Job<?> job : live) {
            job.cancel("the server is shutting down; the request was not finished in time");
            cancelled++;
        }
        pool.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS);
        return cancelled;
    }
}
