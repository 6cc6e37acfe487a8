package io.djia.jmh.midi;

import io.djia.midi.ClockEvent;
import io.djia.midi.ClockFollower;
import io.djia.midi.ClockState;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of following MIDI clock: one tick through the follower (MIDI input thread, full 192-tick window,
 * 1 ms of jitter) and the audio thread's reads (a snapshot and a bar prediction). Average time per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ClockFollowerBenchmark {
    private static final double PERIOD_NANOS = 60e9 / (24 * 126);
    private static final int JITTER_SLOTS = 4096;

    private ClockFollower follower;
    private long[] jitterNanos;
    private long tick;
    private long bar;

    @Setup
    public void setUp() {
        follower = new ClockFollower();
        SplittableRandom random = new SplittableRandom(42);
        jitterNanos = new long[JITTER_SLOTS];
        for (int i = 0; i < JITTER_SLOTS; i++) {
            jitterNanos[i] = Math.round(1e6 * random.nextGaussian());
        }
        follower.accept(ClockEvent.of(ClockEvent.Type.START, 0));
        for (int i = 0; i < 1000; i++) {
            nextTick();
        }
    }

    private void nextTick() {
        long t = 1_000_000_000L + Math.round(tick * PERIOD_NANOS) + jitterNanos[(int) (tick % JITTER_SLOTS)];
        follower.accept(ClockEvent.clock(t));
        tick++;
    }

    /** One clock tick: index, gate, window update, least-squares solve, snapshot publication. */
    @Benchmark
    public ClockState updatePerTick() {
        nextTick();
        return follower.snapshot();
    }

    /** What the audio thread does per block: read the snapshot and predict the start of a bar. */
    @Benchmark
    public long predictBarStart() {
        ClockState state = follower.snapshot();
        return state.predictBarStartNanos(++bar & 1023);
    }
}
