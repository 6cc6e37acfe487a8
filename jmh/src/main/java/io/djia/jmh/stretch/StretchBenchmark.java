package io.djia.jmh.stretch;

import io.djia.core.audio.AudioBuffer;
import io.djia.stretch.Quality;
import io.djia.stretch.Stretch;
import io.djia.stretch.StretchOptions;
import io.djia.stretch.Stretcher;
import io.djia.stretch.tools.DemoLoops;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stretching 10 s of stereo 44.1 kHz music (the demo mix: drums, bass and pad) by 1.05 on one thread: time per
 * 10 s of audio, so {@code 10000 / score} is the real-time factor (target: at least 60 in the standard mode).
 * {@code streaming} is the live path, 512-frame blocks through one {@link Stretcher} with its buffers made in
 * setup, including the flush; {@code offline} is {@link Stretch#offline}, allocation included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class StretchBenchmark {
    private static final int RATE = 44_100;
    private static final int BLOCK = 512;
    private static final double RATIO = 1.05;

    @Param({"STANDARD", "FINE"})
    public Quality quality;

    private AudioBuffer input;
    private Stretcher stretcher;
    private float[][] in;
    private float[][] out;
    private float[][] tail;

    @Setup
    public void setUp() {
        // 5 bars at 120 BPM: 10 s.
        input = DemoLoops.render(DemoLoops.Kind.MIX, 120, 5, RATE);
        StretchOptions options = StretchOptions.defaults().withRatio(RATIO).withQuality(quality);
        stretcher = Stretcher.create(2, RATE, options);
        in = new float[2][BLOCK];
        out = new float[2][(int) Math.ceil(BLOCK * RATIO) + 2];
        tail = new float[2][stretcher.latencyFrames()];
    }

    @Benchmark
    public double streaming() {
        stretcher.reset();
        double checksum = 0;
        int frames = input.frames();
        for (int offset = 0; offset < frames; offset += BLOCK) {
            int n = Math.min(BLOCK, frames - offset);
            System.arraycopy(input.channel(0), offset, in[0], 0, n);
            System.arraycopy(input.channel(1), offset, in[1], 0, n);
            int produced = stretcher.process(in, n, out);
            if (produced > 0) {
                checksum += out[0][produced - 1];
            }
        }
        int flushed = stretcher.flush(tail);
        return checksum + tail[1][flushed - 1];
    }

    @Benchmark
    public AudioBuffer offline() {
        return Stretch.offline(input, StretchOptions.defaults().withRatio(RATIO).withQuality(quality));
    }
}
