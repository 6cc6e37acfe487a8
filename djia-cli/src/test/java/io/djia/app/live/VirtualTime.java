package io.djia.app.live;

import io.djia.midi.TimeSource;

/** Time that passes only when waited for: a headless engine on it runs as fast as it can, deterministically. */
final class VirtualTime implements TimeSource {
    private volatile long now;

    VirtualTime(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        now = Math.max(now, deadlineNanos);
    }
}
