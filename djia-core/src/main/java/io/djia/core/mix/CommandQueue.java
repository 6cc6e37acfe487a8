package io.djia.core.mix;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded single-producer/single-consumer ring of immutable commands, from the control thread to the audio
 * thread. Lock-free and allocation-free: the producer publishes a slot with a release store of the tail, the
 * consumer reads it after an acquire load, so everything the command references is visible to it.
 */
final class CommandQueue {
    private final Command[] ring;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    CommandQueue(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("queue capacity must be a power of two, got " + capacityPowerOfTwo);
        }
        ring = new Command[capacityPowerOfTwo];
        mask = capacityPowerOfTwo - 1;
    }

    /** Producer side. False when full. */
    boolean offer(Command command) {
        long t = tail.getPlain();
        if (t - head.getAcquire() == ring.length) {
            return false;
        }
        ring[(int) (t & mask)] = command;
        tail.setRelease(t + 1);
        return true;
    }

    /** Consumer side: the oldest command without removing it, or null when empty. */
    Command peek() {
        long h = head.getPlain();
        if (h == tail.getAcquire()) {
            return null;
        }
        return ring[(int) (h & mask)];
    }

    /** Consumer side: removes the command returned by the last {@link #peek}. */
    void remove() {
        long h = head.getPlain();
        ring[(int) (h & mask)] = null;
        head.setRelease(h + 1);
    }

    int capacity() {
        return ring.length;
    }
}
