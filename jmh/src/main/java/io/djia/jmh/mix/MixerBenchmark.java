package io.djia.jmh.mix;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.fx.EffectSpec;
import io.djia.core.mix.LayerSettings;
import io.djia.core.mix.Mixer;
import io.djia.core.mix.MixerConfig;
import io.djia.core.theory.Tempo;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live load of a typical set on one core: three stereo 4-bar loops at 44.1 kHz, each through high-pass,
 * reverb and tempo-synced delay, summed into the master bus (glue compressor and true-peak limiter), rendered
 * in 512-frame blocks. The score is output frames per second; divide by 44 100 for the real-time factor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MixerBenchmark {
    private static final int SAMPLE_RATE = 44_100;
    private static final int BLOCK_FRAMES = 512;

    private Mixer mixer;
    private float[][] out;

    @Setup
    public void setUp() {
        Tempo tempo = Tempo.of(124);
        int loopFrames = tempo.framesOfBars(4, SAMPLE_RATE);
        mixer = new Mixer(MixerConfig.defaults(SAMPLE_RATE, tempo));
        SplittableRandom random = new SplittableRandom(42);
        String[] ids = {"drums", "bass", "pad"};
        for (int layer = 0; layer < ids.length; layer++) {
            float[][] planar = new float[2][loopFrames];
            for (float[] channel : planar) {
                for (int i = 0; i < loopFrames; i++) {
                    channel[i] = (float) (0.3 * (random.nextDouble() - 0.5));
                }
            }
            List<EffectSpec> effects = List.of(EffectSpec.highPass(80 + 40 * layer),
                    EffectSpec.reverb(0.3 + 0.2 * layer, 1.5 + layer, 0.25), EffectSpec.delay("1/8d", 0.4, 0.2));
            mixer.startLayer(ids[layer], new AudioBuffer(planar, SAMPLE_RATE), 0, loopFrames,
                    new LayerSettings(0.8, layer - 1.0, effects), 441);
        }
        out = new float[2][BLOCK_FRAMES];
    }

    /** One 512-frame block; counted as 512 operations, so the score reads in frames per second. */
    @Benchmark
    @OperationsPerInvocation(BLOCK_FRAMES)
    public float[][] renderBlock() {
        mixer.render(out, BLOCK_FRAMES);
        return out;
    }
}
