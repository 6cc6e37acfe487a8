package io.djia.jmh.resample;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.resample.Resampler;
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
 * Offline conversion of 60 s of stereo from 32 kHz (a typical generator's rate) to 44.1 kHz: time per minute
 * of audio. The coefficient table is built once in setup, as a caller keeps its Resampler; the
 * {@code createAndConvert} variant includes building it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ResamplerBenchmark {
    private static final int INPUT_RATE = 32000;
    private static final int OUTPUT_RATE = 44100;
    private static final int SECONDS = 60;

    private AudioBuffer input;
    private Resampler resampler;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        int frames = INPUT_RATE * SECONDS;
        float[][] planar = new float[2][frames];
        for (float[] channel : planar) {
            for (int i = 0; i < frames; i++) {
                channel[i] = (float) (random.nextDouble() - 0.5);
            }
        }
        input = new AudioBuffer(planar, INPUT_RATE);
        resampler = Resampler.create(INPUT_RATE, OUTPUT_RATE);
    }

    @Benchmark
    public AudioBuffer convert60sStereo() {
        return resampler.apply(input);
    }

    @Benchmark
    public AudioBuffer createAndConvert60sStereo() {
        return Resampler.resample(input, OUTPUT_RATE);
    }
}
