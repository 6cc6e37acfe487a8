package io.djia.jmh.render;

import io.djia.app.render.ProgressListener;
import io.djia.app.render.RenderOptions;
import io.djia.app.render.SetRender;
import io.djia.app.render.SetReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole 10-minute set rendered to a WAV file on the embedded defaults, end to end as {@code djia render}
 * does it (planning, clip synthesis on all cores, mixing, loudness pass, analysis, writing). Real-time factor =
 * 600 s divided by the score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SetRenderBenchmark {
    @Param({"techno_minimal"})
    public String profile;

    @Param({"10"})
    public double minutes;

    private Path dir;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("djia-bench");
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public SetReport renderSet() throws IOException {
        return SetRender.run(RenderOptions.defaults(profile, minutes, 42, dir.resolve("set.wav")), ProgressListener.NONE);
    }
}
