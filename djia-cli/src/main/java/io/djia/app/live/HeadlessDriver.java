package io.djia.app.live;

import io.djia.app.render.AudioSink;
import io.djia.midi.TimeSource;
import java.io.IOException;

/**
 * Drives a {@link LiveEngine} without a sound card: a null audio sink whose frame clock is a {@link TimeSource}
 * (output frame {@code o} is "heard" at exactly {@code origin + o / sampleRate}). One thread does everything, block
 * by block: wait until the block is due, step the engine, render, hand the block to the recorder and the tap.
 *
 * <p>With {@link TimeSource#system()} it runs in real time beside a MIDI input (servers). With a simulated time
 * source whose {@code parkUntil} also feeds a simulated MIDI clock, and {@code deterministic} set, the brain and
 * every clip are awaited where needed, so the same seed, clock and requests give byte-identical output (tests).
 */
public final class HeadlessDriver {
    private final LiveEngine engine;
    private final TimeSource time;
    private final LiveRecorder recorder;
    private final AudioSink tap;
    private final boolean deterministic;
    private final long originNanos;
    private final float[][] out;
    private volatile boolean stopRequested;

    /**
     * Attaches the engine to a virtual output whose frame 0 is heard at {@code time.nanoTime()} now.
     *
     * @param recorder      where every block goes (null: nowhere)
     * @param tap           another sink for every block, e.g. memory in tests (null: none)
     * @param deterministic await decisions and clips instead of playing on without them
     */
    public HeadlessDriver(LiveEngine engine, TimeSource time, LiveRecorder recorder, AudioSink tap,
                          boolean deterministic) {
        if (engine == null || time == null) {
            throw new IllegalArgumentException("an engine and a time source are required");
        }
        this.engine = engine;
        this.time = time;
        this.recorder = recorder;
        this.tap = tap;
        this.deterministic = deterministic;
        this.originNanos = time.nanoTime();
        this.out = new float[2][engine.blockFrames()];
        int block = engine.blockFrames();
        // Commands are made right before the block they may land in, so nothing needs to be ahead but the block.
        engine.attach(TimelineClock.exact(originNanos, engine.sampleRate(), engine.latencyFrames()), time,
                2L * block, 0, deterministic);
    }

    /** Clock time at which output frame 0 is heard. */
    public long originNanos() {
        return originNanos;
    }

    /**
     * Runs until {@code frames} more frames have been rendered, {@link #stop()} is called, or the thread is
     * interrupted.
     */
    public void run(long frames) throws IOException, InterruptedException {
        long end = engine.framePosition() + frames;
        int block = engine.blockFrames();
        double nanosPerFrame = 1e9 / engine.sampleRate();
        while (engine.framePosition() < end && !stopRequested) {
            long due = originNanos + Math.round(engine.framePosition() * nanosPerFrame);
            while (time.nanoTime() < due) {
                time.parkUntil(due);
            }
            engine.step();
            engine.render(out);
            if (recorder != null) {
                if (deterministic) {
                    recorder.put(out, block);
                } else {
                    recorder.offer(out, block);
                }
            }
            if (tap != null) {
                tap.write(out, block);
            }
        }
    }

    /** Runs until {@link #stop()} or interruption. */
    public void runUntilStopped() throws IOException, InterruptedException {
        run(Long.MAX_VALUE / 2);
    }

    /** Makes {@link #run} return after the block in progress; any thread. */
    public void stop() {
        stopRequested = true;
    }
}
