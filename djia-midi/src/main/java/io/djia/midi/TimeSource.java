package io.djia.midi;

import java.util.concurrent.locks.LockSupport;

/**
 * A monotonic clock in nanoseconds and a way to wait for it. Production code uses {@link #system()}; tests
 * pass a simulated source so that scheduling is deterministic.
 */
public interface TimeSource {
    /** The current time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /**
     * Waits until {@link #nanoTime()} reaches {@code deadlineNanos}. It may return early (a wake-up from
     * {@link LockSupport#unpark}), so callers re-check the time and call again.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void parkUntil(long deadlineNanos) throws InterruptedException;

    /** {@link System#nanoTime()}: parks until shortly before the deadline, then spins for precision. */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}

/** Parking alone wakes 50-100 us late on a desktop kernel; the last stretch is spun to land within a few us. */
final class SystemTimeSource implements TimeSource {
    static final SystemTimeSource INSTANCE = new SystemTimeSource();
    private static final long SPIN_NANOS = 200_000L;

    private SystemTimeSource() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void parkUntil(long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
        } else {
            while (System.nanoTime() - deadlineNanos < 0 && !Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for a MIDI clock deadline");
        }
    }
}
