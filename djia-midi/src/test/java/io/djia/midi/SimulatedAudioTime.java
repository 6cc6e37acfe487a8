package io.djia.midi;

import java.util.SplittableRandom;

/**
 * Simulated time with a sound card in it. The card renders {@code trueRate} frames per second (its crystal
 * is off the nominal rate); the callback for the block starting at frame {@code f} runs at
 * {@code f / trueRate} seconds plus Gaussian jitter and tells the {@link AudioFrameClock}. A waiting thread
 * wakes up to {@code wakeLatencyNanos} late. Single-threaded and seeded.
 */
final class SimulatedAudioTime implements TimeSource {
    private final AudioFrameClock frameClock;
    private final double trueRate;
    private final int blockFrames;
    private final double callbackJitterNanos;
    private final long wakeLatencyNanos;
    private final SplittableRandom random;
    private long now;
    private long nextBlockFrame;

    SimulatedAudioTime(AudioFrameClock frameClock, double trueRate, int blockFrames, double callbackJitterNanos,
            long wakeLatencyNanos, long seed) {
        this.frameClock = frameClock;
        this.trueRate = trueRate;
        this.blockFrames = blockFrames;
        this.callbackJitterNanos = callbackJitterNanos;
        this.wakeLatencyNanos = wakeLatencyNanos;
        this.random = new SplittableRandom(seed);
    }

    /** True time at which frame {@code frame} is rendered. */
    double trueNanosOfFrame(double frame) {
        return frame * 1e9 / trueRate;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        long wake = Math.max(now, deadlineNanos);
        if (wakeLatencyNanos > 0) {
            wake += random.nextLong(wakeLatencyNanos);
        }
        advanceTo(wake);
    }

    /** Runs every audio callback due up to {@code target}, then sets the time to it. */
    void advanceTo(long target) {
        while (frameClock != null && trueNanosOfFrame(nextBlockFrame) <= target) {
            long callback = Math.round(trueNanosOfFrame(nextBlockFrame) + callbackJitterNanos * random.nextGaussian());
            now = Math.max(now, Math.min(callback, target));
            frameClock.blockStarted(nextBlockFrame, callback);
            nextBlockFrame += blockFrames;
        }
        now = Math.max(now, target);
    }
}
