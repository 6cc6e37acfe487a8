package io.djia.stretch.tools;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavReader;
import io.djia.core.wav.WavWriter;
import io.djia.stretch.Quality;
import io.djia.stretch.Stretch;
import io.djia.stretch.StretchOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Java half of {@code scripts/compare-rubberband.sh}: renders the demo loops, stretches a file with this
 * library and measures the log-spectral distance of any result to a reference. Prints {@code key=value} lines.
 *
 * <pre>
 *   loops DIR SOURCE_BPM TARGET_BPM BARS   write DIR/KIND-source.wav and DIR/KIND-target.wav for each loop
 *   stretch IN.wav OUT.wav RATIO [fine]    stretch, print cpu_ms (thread CPU time of the stretch alone)
 *   distance TEST.wav REFERENCE.wav        print lsd_db
 * </pre>
 */
public final class ComparisonTool {
    private ComparisonTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage();
            return;
        }
        try {
            switch (args[0]) {
                case "loops" -> loops(args);
                case "stretch" -> stretch(args);
                case "distance" -> distance(args);
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("comparison: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void usage() {
        System.err.println("usage: ComparisonTool loops DIR SOURCE_BPM TARGET_BPM BARS");
        System.err.println("       ComparisonTool stretch IN.wav OUT.wav RATIO [fine]");
        System.err.println("       ComparisonTool distance TEST.wav REFERENCE.wav");
    }

    private static void loops(String[] args) throws IOException {
        need(args, 5);
        Path dir = Path.of(args[1]);
        double source = Double.parseDouble(args[2]);
        double target = Double.parseDouble(args[3]);
        int bars = Integer.parseInt(args[4]);
        Files.createDirectories(dir);
        for (DemoLoops.Kind kind : DemoLoops.Kind.values()) {
            WavWriter.write(dir.resolve(kind.fileStem() + "-source.wav"), DemoLoops.render(kind, source, bars, 44_100),
                    WavEncoding.FLOAT32, null);
            WavWriter.write(dir.resolve(kind.fileStem() + "-target.wav"), DemoLoops.render(kind, target, bars, 44_100),
                    WavEncoding.FLOAT32, null);
        }
        System.out.println("ratio=" + format(source / target));
    }

    private static void stretch(String[] args) throws IOException {
        need(args, 4);
        AudioBuffer in = WavReader.read(Path.of(args[1])).audio();
        double ratio = Double.parseDouble(args[3]);
        boolean fine = args.length > 4 && args[4].equals("fine");
        StretchOptions options = StretchOptions.defaults().withRatio(ratio)
                .withQuality(fine ? Quality.FINE : Quality.STANDARD);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        AudioBuffer out = Stretch.offline(in, options);
        long cpu = threads.getCurrentThreadCpuTime() - start;
        WavWriter.write(Path.of(args[2]), out, WavEncoding.FLOAT32, null);
        System.out.println("cpu_ms=" + format(cpu / 1e6));
    }

    private static void distance(String[] args) throws IOException {
        need(args, 3);
        AudioBuffer test = WavReader.read(Path.of(args[1])).audio();
        AudioBuffer reference = WavReader.read(Path.of(args[2])).audio();
        if (test.channels() != reference.channels()) {
            test = reference.channels() == 1 ? test.toMono() : test.toStereo();
        }
        System.out.println("lsd_db=" + format(LogSpectralDistance.between(test, reference)));
    }

    private static void need(String[] args, int count) {
        if (args.length < count) {
            throw new IllegalArgumentException("'" + args[0] + "' needs " + (count - 1) + " arguments, got "
                    + (args.length - 1));
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
