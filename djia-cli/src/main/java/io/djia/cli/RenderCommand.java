package io.djia.cli;

import io.djia.app.render.RenderOptions;
import io.djia.app.render.SetRender;
import io.djia.app.render.SetReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code djia render}: a whole set, offline, to a WAV file with a JSON report beside it. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Render a whole DJ set offline to a WAV file, and write its decisions, layers, seed and versions to a",
            "JSON file beside it (set.wav -> set.json). The same seed and options give a byte-identical WAV.",
            "",
            "Example: djia render --profile techno_minimal --minutes 10 --seed 42 -o set.wav"
        })
public final class RenderCommand implements Callable<Integer> {
    @Option(names = {"-p", "--profile"}, defaultValue = "techno_minimal", paramLabel = "NAME|FILE",
            description = "Style profile: a built-in name (see `djia profiles`) or a profile .json file. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = {"-m", "--minutes"}, defaultValue = "10", paramLabel = "MIN",
            description = "Length of the set in minutes (may be fractional). Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = {"-s", "--seed"}, defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--output"}, defaultValue = "set.wav", paramLabel = "FILE",
            description = "Output WAV file (24-bit PCM). Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--bpm", paramLabel = "BPM", description = "Tempo override (the profile's tempo otherwise).")
    Double bpm;

    @Option(names = "--key", paramLabel = "KEY", description = "Key override, e.g. \"F minor\", \"Ebm\", \"atonal\".")
    String key;

    @Option(names = "--sample-rate", defaultValue = "44100", paramLabel = "HZ", description = "Output sample rate. Default: ${DEFAULT-VALUE}.")
    int sampleRate;

    @Option(names = "--audio-model", defaultValue = "procedural", paramLabel = "ENGINE",
            description = "Loop generator: procedural (embedded synthesiser, no model files) or a neural engine. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Folder of the neural generator's model files.")
    Path modelDir;

    @Option(names = "--brain", defaultValue = "rules", paramLabel = "rules|llm",
            description = "Who plans the set: rules (embedded planner) or llm (a GGUF model via llama.cpp). Default: ${DEFAULT-VALUE}.")
    String brain;

    @Option(names = "--model-path", paramLabel = "FILE.gguf", description = "GGUF model for --brain llm.")
    Path brainModel;

    @Option(names = "--loudness", defaultValue = "-14", paramLabel = "LUFS",
            description = "Integrated loudness to master the set to (sets up to 45 min). Default: ${DEFAULT-VALUE}.")
    double targetLufs;

    @Option(names = "--separate", defaultValue = "auto", paramLabel = "auto|always|never",
            description = {"Split clips into stems and keep the ones the brain asked for: auto = clips from neural",
                "engines only (procedural clips are already one instrument), always, or never. Default: ${DEFAULT-VALUE}."})
    String separate;

    @Option(names = "--stem-model", paramLabel = "FILE.onnx", description = "Demucs ONNX model for separation (default: the DSP separator).")
    Path stemModel;

    @Option(names = "--no-voice", description = "Leave out the spoken voice drops.")
    boolean noVoice;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Worker threads (0 = all cores).")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar or summary.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        RenderOptions options = new RenderOptions(profile, minutes, seed, bpm, key, sampleRate, output, engine,
                modelDir, brain, brainModel, threads, targetLufs, !noVoice,
                separate, stemModel);
        ProgressBar bar = ProgressBar.forStderr(quiet);
        SetReport report = SetRender.run(options, bar);
        bar.finish();
        if (!quiet) {
            System.err.printf("wrote %s (%.1f min, %s, %.1f BPM, %s) and %s in %.1f s (%.0fx real time)%n",
                    output, report.durationSeconds() / 60.0, report.profile(), report.bpm(), report.key(),
                    options.reportPath(), report.renderSeconds(), report.durationSeconds() / report.renderSeconds());
        }
        return 0;
    }
}
