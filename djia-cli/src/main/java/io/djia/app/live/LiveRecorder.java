package io.djia.app.live;

import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavStreamWriter;
import io.djia.core.wav.WavWriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Records what the live engine plays into a 24-bit WAV file that stays valid if the process dies.
 *
 * <p>The audio thread hands each block over with {@link #offer}: a copy into a preallocated single-producer /
 * single-consumer ring, with no allocation, lock or I/O; when the ring is full the block is dropped and counted,
 * never waited for. A recorder thread drains the ring into a {@link WavStreamWriter} opened in direct mode and
 * flushes it every {@code flushSeconds}: each flush rewrites the header sizes and forces the data to disk, so a
 * crash loses at most the last interval, and the file always reads as a complete WAV of what was flushed.
 */
public final class LiveRecorder implements AutoCloseable {
    private static final long IDLE_PARK_NANOS = 2_000_000L;

    private final WavStreamWriter writer;
    private final int channels;
    private final float[][][] slots;
    private final int[] slotFrames;
    private final int mask;
    /** Producer index: blocks offered; written by the audio thread only. */
    private final AtomicLong head = new AtomicLong();
    /** Consumer index: blocks written to the file; written by the recorder thread only. */
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final long flushIntervalNanos;
    private final Thread thread;
    private final Object flushLock = new Object();
    /** Blocks the writer has flushed to disk (read under {@link #flushLock}). */
    private long flushedBlocks;
    private long flushedFrames;
    private long flushRequest;
    private volatile boolean closing;
    private volatile IOException failure;

    private LiveRecorder(WavStreamWriter writer, int channels, int blockFrames, int capacityBlocks,
                         double flushSeconds) {
        this.writer = writer;
        this.channels = channels;
        this.slots = new float[capacityBlocks][channels][blockFrames];
        this.slotFrames = new int[capacityBlocks];
        this.mask = capacityBlocks - 1;
        this.flushIntervalNanos = Math.round(flushSeconds * 1e9);
        this.thread = new Thread(this::drainLoop, "djia-recorder");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts recording into {@code target} (replaced).
     *
     * @param bufferSeconds how much audio the ring holds while the disk is slow (2 s is plenty)
     * @param flushSeconds  how often the file is made durable (at most this much is lost in a crash)
     */
    public static LiveRecorder open(Path target, int channels, int sampleRate, int blockFrames, double bufferSeconds,
                                    double flushSeconds) throws IOException {
        if (blockFrames < 1) {
            throw new IllegalArgumentException("block must be at least one frame, got " + blockFrames);
        }
        if (!(bufferSeconds > 0 && bufferSeconds <= 60)) {
            throw new IllegalArgumentException("recorder buffer must be 0..60 s, got " + bufferSeconds);
        }
        if (!(flushSeconds > 0 && flushSeconds <= 60)) {
            throw new IllegalArgumentException("flush interval must be 0..60 s, got " + flushSeconds);
        }
        int blocks = (int) Math.ceil(bufferSeconds * sampleRate / blockFrames);
        int capacity = Integer.highestOneBit(Math.max(2, blocks - 1)) << 1;
        WavStreamWriter writer = WavStreamWriter.openDirect(target, channels, sampleRate,
                WavWriteOptions.defaults(WavEncoding.PCM24));
        return new LiveRecorder(writer, channels, blockFrames, capacity, flushSeconds);
    }

    public Path target() {
        return writer.target();
    }

    /**
     * Audio thread: queues a copy of {@code frames} frames of {@code block}. Returns false, and counts the block as
     * dropped, when the ring is full or the recorder has stopped.
     */
    public boolean offer(float[][] block, int frames) {
        long h = head.get();
        if (h - tail.getAcquire() > mask || failure != null || closing) {
            dropped.incrementAndGet();
            return false;
        }
        int slot = (int) (h & mask);
        float[][] target = slots[slot];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(block[c], 0, target[c], 0, frames);
        }
        slotFrames[slot] = frames;
        head.setRelease(h + 1);
        return true;
    }

    /**
     * Queues a block, waiting for room instead of dropping it: for a driver that is not real time (headless), where
     * every block must reach the file.
     */
    public void put(float[][] block, int frames) throws IOException {
        while (!offerWithoutCounting(block, frames)) {
            if (failure != null) {
                throw failure;
            }
            if (closing) {
                throw new IllegalStateException("the recorder is closed");
            }
            LockSupport.parkNanos(IDLE_PARK_NANOS / 4);
        }
    }

    private boolean offerWithoutCounting(float[][] block, int frames) {
        if (head.get() - tail.getAcquire() > mask) {
            return false;
        }
        boolean ok = offer(block, frames);
        if (!ok) {
            dropped.decrementAndGet();
        }
        return ok;
    }

    /**
     * Makes every block offered so far durable and waits for it (not from the audio thread): after it returns the
     * file on disk is a valid WAV holding all of them.
     */
    public void flush() throws IOException, InterruptedException {
        long target = head.get();
        synchronized (flushLock) {
            flushRequest = Math.max(flushRequest, target);
            LockSupport.unpark(thread);
            while (flushedBlocks < target) {
                if (failure != null) {
                    throw failure;
                }
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the recorder has stopped");
                }
                flushLock.wait(50);
            }
        }
    }

    /** Frames durable on disk as of the last flush. */
    public long framesFlushed() {
        synchronized (flushLock) {
            return flushedFrames;
        }
    }

    /** Blocks dropped because the disk did not keep up. */
    public long droppedBlocks() {
        return dropped.get();
    }

    /** Why recording stopped, or null while it works. */
    public IOException failure() {
        return failure;
    }

    private void drainLoop() {
        long lastFlush = System.nanoTime();
        long written = 0;
        long framesWritten = 0;
        try {
            while (true) {
                boolean stopping = closing;
                long h = head.getAcquire();
                long t = tail.get();
                while (t < h) {
                    int slot = (int) (t & mask);
                    writer.append(slots[slot], 0, slotFrames[slot]);
                    framesWritten += slotFrames[slot];
                    t++;
                    tail.setRelease(t);
                    written = t;
                }
                long now = System.nanoTime();
                long requested;
                synchronized (flushLock) {
                    requested = flushRequest;
                }
                if (stopping) {
                    break;
                }
                if (now - lastFlush >= flushIntervalNanos || requested > flushedBlocksUnsynced()) {
                    writer.flush();
                    lastFlush = now;
                    markFlushed(written, framesWritten);
                }
                if (head.getAcquire() == t) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
            writer.close();
            markFlushed(written, framesWritten);
        } catch (IOException e) {
            failure = e;
            try {
                writer.close();
            } catch (IOException | RuntimeException ignored) {
                // the first failure is the one to report
            }
            synchronized (flushLock) {
                flushLock.notifyAll();
            }
        }
    }

    private long flushedBlocksUnsynced() {
        synchronized (flushLock) {
            return flushedBlocks;
        }
    }

    private void markFlushed(long blocks, long frames) {
        synchronized (flushLock) {
            flushedBlocks = blocks;
            flushedFrames = frames;
            flushLock.notifyAll();
        }
    }

    /** Writes what is queued, finishes the header and closes the file. */
    @Override
    public void close() throws IOException {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finishing the recording " + target(), e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
