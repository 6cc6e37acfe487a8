package io.djia.jmh.generate;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.generate.GenerationRequest;
import io.djia.generate.procedural.ProceduralGenerator;
import java.util.List;
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
 * One 4-bar clip at 44.1 kHz from the procedural generator, per layer type of techno_minimal (126 BPM, 7.6 s)
 * and jungle_dnb (174 BPM, 5.5 s), on one thread. The score is milliseconds per clip; the real-time factor is
 * the clip length divided by it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ProceduralGeneratorBenchmark {
    @Param({"techno_minimal/kick", "techno_minimal/bass", "techno_minimal/synth", "techno_minimal/percussion",
            "techno_minimal/pad", "techno_minimal/fx", "jungle_dnb/break", "jungle_dnb/bass", "jungle_dnb/pad",
            "jungle_dnb/fx", "jungle_dnb/percussion", "jungle_dnb/synth"})
    public String layer;

    private ProceduralGenerator generator;
    private GenerationRequest request;

    @Setup
    public void setUp() {
        String[] parts = layer.split("/");
        StyleProfile profile = ProfileLibrary.load(parts[0]);
        generator = new ProceduralGenerator();
        request = new GenerationRequest(profile, parts[1], List.of(), "", profile.parsedKey(), profile.tempo(), 4, 7,
                1234L, 44_100);
    }

    @Benchmark
    public AudioBuffer generateFourBars() {
        return generator.generate(request);
    }
}
