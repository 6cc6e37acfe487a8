package io.djia.generate.procedural;

import io.djia.core.profile.LayerType;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.generate.GenerationRequest;
import java.util.Arrays;
import java.util.List;

/**
 * Quick warm timing of every layer (4 bars, 44.1 kHz) for development: {@code RenderTiming [repeats]}. The
 * benchmark of record is the JMH {@code ProceduralGeneratorBenchmark}.
 */
public final class RenderTiming {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private RenderTiming() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ProceduralGenerator generator = new ProceduralGenerator();
        double totalMs = 0;
        double totalSeconds = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (StyleProfile profile : ProfileLibrary.builtIns()) {
                for (LayerType layer : profile.layerTypes()) {
                    GenerationRequest request = new GenerationRequest(profile, layer.name(), List.of(), "",
                            profile.parsedKey(), profile.tempo(), 4, 6, 7L, 44100);
                    double[] ms = new double[pass == 0 ? 1 : repeats];
                    double seconds = 0;
                    for (int r = 0; r < ms.length; r++) {
                        // CPU time of this thread: meaningful even when other processes share the cores.
                        long t0 = THREADS.getCurrentThreadCpuTime();
                        seconds = generator.generate(request).durationSeconds();
                        ms[r] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
                    }
                    if (pass == 1) {
                        Arrays.sort(ms);
                        double median = ms[ms.length / 2];
                        totalMs += median;
                        totalSeconds += seconds;
                        System.out.printf("%-18s %-16s %-18s %7.1f ms cpu  (%5.1f s audio, %5.0fx real time)%n", profile.name(),
                                layer.name(), layer.instrument(), median, seconds, seconds * 1000 / median);
                    }
                }
            }
        }
        System.out.printf("all layers: %.0f ms for %.0f s of audio: %.0fx real time%n", totalMs, totalSeconds,
                totalSeconds * 1000 / totalMs);
    }
}
