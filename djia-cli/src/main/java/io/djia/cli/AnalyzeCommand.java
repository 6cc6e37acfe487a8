package io.djia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djia.core.analysis.AnalysisOptions;
import io.djia.core.analysis.AnalysisPlot;
import io.djia.core.analysis.AnalysisReport;
import io.djia.core.analysis.Analyzer;
import io.djia.core.analysis.Band;
import io.djia.core.analysis.BandProfile;
import io.djia.core.analysis.TempoPrior;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.wav.WavReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code djia analyze}: tempo, beats, key, loudness and band profile of WAV files. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {
            "Analyse WAV files: tempo and beats, bar starts, key with its Camelot code, integrated loudness",
            "(EBU R128), loudness range, true peak and the level in each band (sub .. air).",
            "",
            "Examples:",
            "  djia analyze loop.wav",
            "  djia analyze a.wav b.wav --json > analysis.json",
            "  djia analyze track.wav --profile techno_minimal --plot track.png"
        })
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "WAV files to analyse.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "Print a JSON array, one object per file, with all beat times.")
    boolean json;

    @Option(names = "--plot", paramLabel = "PNG",
            description = "Draw the spectrogram with onsets, beats, bar starts and the band profile to this PNG."
                    + " With several files, each file's name is added: out.png becomes out-FILE.png.")
    Path plot;

    @Option(names = "--tempo-hint", paramLabel = "BPM",
            description = "Expected tempo: only tempos within a factor of 1.35 of it are considered.")
    Double tempoHint;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use a style profile's tempo as the tempo hint and its beats per bar (see 'djia profiles').")
    String profile;

    @Option(names = "--beats-per-bar", paramLabel = "N", description = "Beats per bar for the bar starts (default 4).")
    Integer beatsPerBar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AnalysisOptions options = options();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no such file: " + file + " (give the path of a .wav file)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Analyzer analyzer = new Analyzer(options);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        int failures = 0;
        for (Path file : files) {
            AudioBuffer audio;
            try {
                audio = WavReader.read(file).audio();
            } catch (IOException e) {
                err.println("djia analyze: " + e.getMessage());
                failures++;
                continue;
            }
            AnalysisReport report = analyzer.analyze(audio);
            if (json) {
                array.add(toJson(mapper, file, report));
            } else {
                printText(out, file, report);
            }
            if (plot != null) {
                Path target = plotPath(file);
                AnalysisPlot.writePng(audio, report, target, 1400, 600);
                if (!json) {
                    out.println("  plot         " + target);
                }
            }
        }
        if (json) {
            out.println(mapper.writeValueAsString(array));
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private AnalysisOptions options() {
        AnalysisOptions options = AnalysisOptions.defaults();
        if (profile != null) {
            StyleProfile style = ProfileLibrary.load(profile);
            options = options.withTempoPrior(TempoPrior.around(style.bpm())).withBeatsPerBar(style.beatsPerBar());
        }
        if (tempoHint != null) {
            if (!(tempoHint >= 30 && tempoHint <= 290)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--tempo-hint must be between 30 and 290 BPM, got " + tempoHint);
            }
            options = options.withTempoPrior(TempoPrior.around(tempoHint));
        }
        if (beatsPerBar != null) {
            if (beatsPerBar < 1 || beatsPerBar > 32) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--beats-per-bar must be 1..32, got " + beatsPerBar);
            }
            options = options.withBeatsPerBar(beatsPerBar);
        }
        return options;
    }

    private Path plotPath(Path file) {
        if (files.size() == 1) {
            return plot;
        }
        String name = plot.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        String source = file.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
        return plot.resolveSibling(base + "-" + source + ".png");
    }

    private static void printText(PrintWriter out, Path file, AnalysisReport r) {
        out.printf(Locale.ROOT, "%s  (%.2f s, %d Hz, %d ch)%n", file, r.durationSeconds(), r.sampleRate(), r.channels());
        if (r.bpm() > 0) {
            double[] bars = r.barStartTimes();
            out.printf(Locale.ROOT, "  tempo        %.2f BPM (confidence %.2f), %d beats, first bar at %.3f s%n",
                    r.bpm(), r.tempoConfidence(), r.beatTimes().length, bars.length > 0 ? bars[0] : 0.0);
        } else {
            out.println("  tempo        none found");
        }
        if (r.key().atonal()) {
            out.printf(Locale.ROOT, "  key          atonal (best fit %.2f)%n", r.keyConfidence());
        } else {
            out.printf(Locale.ROOT, "  key          %s (%s), confidence %.2f, tuning %+.0f cents%n",
                    r.key().displayName(), r.key().camelot(), r.keyConfidence(), r.tuningCents());
        }
        out.printf(Locale.ROOT, "  loudness     %s integrated, range %.1f LU, true peak %s%n",
                level(r.integratedLufs(), "LUFS"), r.loudnessRangeLu(), level(r.truePeakDbtp(), "dBTP"));
        StringBuilder bands = new StringBuilder("  bands (dB)  ");
        BandProfile profile = r.bandProfile();
        for (Band b : Band.values()) {
            bands.append(String.format(Locale.ROOT, " %s %s", b.label(), level(profile.levelDb(b), "")));
        }
        out.println(bands.toString().stripTrailing());
    }

    private static String level(double value, String unit) {
        String number = (Double.isInfinite(value) || value <= BandProfile.SILENT_DB) ? "-inf"
                : String.format(Locale.ROOT, "%.1f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    private static ObjectNode toJson(ObjectMapper mapper, Path file, AnalysisReport r) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", file.toString());
        node.put("durationSeconds", r.durationSeconds());
        node.put("sampleRate", r.sampleRate());
        node.put("channels", r.channels());
        node.put("bpm", round(r.bpm(), 3));
        node.put("tempoConfidence", round(r.tempoConfidence(), 3));
        node.put("beatsPerBar", r.beatsPerBar());
        times(node.putArray("beats"), r.beatTimes());
        times(node.putArray("barStarts"), r.barStartTimes());
        times(node.putArray("onsets"), r.onsetTimes());
        node.put("key", r.key().displayName());
        if (r.key().atonal()) {
            node.putNull("camelot");
        } else {
            node.put("camelot", r.key().camelot());
        }
        node.put("keyConfidence", round(r.keyConfidence(), 3));
        node.put("tuningCents", round(r.tuningCents(), 1));
        putLevel(node, "integratedLufs", r.integratedLufs());
        node.put("loudnessRangeLu", round(r.loudnessRangeLu(), 2));
        putLevel(node, "truePeakDbtp", r.truePeakDbtp());
        putLevel(node, "samplePeakDbfs", r.samplePeakDbfs());
        ObjectNode bands = node.putObject("bands");
        for (Band b : Band.values()) {
            ObjectNode band = bands.putObject(b.label());
            band.put("lowHz", b.lowHz());
            band.put("highHz", b.highHz());
            putLevel(band, "levelDb", r.bandProfile().levelDb(b) <= BandProfile.SILENT_DB
                    ? Double.NEGATIVE_INFINITY : r.bandProfile().levelDb(b));
            band.put("share", round(r.bandProfile().share(b), 4));
        }
        return node;
    }

    /** JSON has no infinities: silence is null. */
    private static void putLevel(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, round(value, 2));
        } else {
            node.putNull(name);
        }
    }

    private static void times(ArrayNode array, double[] seconds) {
        for (double t : seconds) {
            array.add(round(t, 4));
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
