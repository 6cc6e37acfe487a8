package io.djia.cli;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavFile;
import io.djia.core.wav.WavReader;
import io.djia.core.wav.WavWriter;
import io.djia.separate.ExecutionProvider;
import io.djia.separate.Separator;
import io.djia.separate.SeparatorOptions;
import io.djia.separate.Stem;
import io.djia.separate.StemChoice;
import io.djia.separate.StemPreference;
import io.djia.separate.StemSelection;
import io.djia.separate.StemSelector;
import io.djia.separate.Stems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code djia separate}: split a WAV file into drums, bass, other and vocals. */
@Command(name = "separate", mixinStandardHelpOptions = true,
        description = {
            "Split a WAV file into stems (drums, bass, other, vocals) and write one WAV per stem, named",
            "IN-STEM.wav in the output folder. The stems add up to the input.",
            "",
            "Without --model the embedded DSP separator runs (no files needed). With --model, an exported Demucs",
            "model runs through ONNX Runtime; its description (same name, .json) must sit next to it.",
            "",
            "Examples:",
            "  djia separate loop.wav --out-dir stems",
            "  djia separate song.wav --out-dir stems --model models/htdemucs.onnx --stems drums,bass"
        })
public final class SeparateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "WAV file to separate (mono or stereo).")
    Path input;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Folder for the stem files (created if missing).")
    Path outDir;

    @Option(names = "--model", paramLabel = "MODEL.onnx",
            description = "Exported Demucs model; MODEL.json beside it names its tensors and sizes.")
    Path model;

    @Option(names = "--stems", paramLabel = "LIST", defaultValue = "all",
            description = "Stems to write: all (default), a comma list such as drums,bass, auto (the dominant stem) or random.")
    String stems;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for --stems random (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads (default: all cores).")
    Integer threads;

    @Option(names = "--provider", paramLabel = "P", defaultValue = "auto",
            description = "ONNX Runtime execution provider: cpu, cuda or auto (default ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--float", description = "Write 32-bit float WAVs instead of the input's encoding.")
    boolean writeFloat;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + input + " (give the path of a .wav file)");
        }
        if (model != null && !Files.isRegularFile(model)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such model: " + model
                    + " (give the path of an exported .onnx file; see djia-separate/README.md)");
        }
        StemPreference preference = StemPreference.parse(stems);
        SeparatorOptions options = SeparatorOptions.defaults().withModel(model)
                .withProvider(ExecutionProvider.parse(provider));
        if (threads != null) {
            options = options.withThreads(threads);
        }
        WavFile wav = WavReader.read(input);
        AudioBuffer audio = wav.audio();
        if (audio.channels() > 2) {
            audio = audio.toStereo();
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = ProgressBar.forStderr(quiet);
        Stems separated;
        String engine;
        try (Separator separator = Separator.create(options)) {
            engine = separator.description();
            separated = separator.separate(audio, fraction -> bar.progress("separate", Math.round(fraction * 1000), 1000));
        } finally {
            bar.finish();
        }
        StemSelection selection = new StemSelector().select(separated, preference, null, seed);
        Files.createDirectories(outDir);
        WavEncoding encoding = writeFloat ? WavEncoding.FLOAT32 : wav.format().encoding();
        String base = input.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
        out.printf(Locale.ROOT, "%s: %.2f s, %d Hz, %d ch, separated by %s%n", input, audio.durationSeconds(),
                audio.sampleRate(), audio.channels(), engine);
        if (selection.chosen().isEmpty()) {
            out.println("  nothing written: " + selection.reason());
        }
        for (StemChoice choice : selection.chosen()) {
            Stem stem = choice.stem();
            Path target = outDir.resolve(base + "-" + stem.id() + ".wav");
            long clipped = WavWriter.write(target, separated.get(stem), encoding, null);
            double db = selection.score(stem).rmsDb();
            out.printf(Locale.ROOT, "  %-7s %s  (%s dBFS RMS, %.0f%% of the energy%s)%n", stem.id(), target,
                    Double.isFinite(db) ? String.format(Locale.ROOT, "%.1f", db) : "-inf",
                    100 * selection.score(stem).energyShare(),
                    clipped > 0 ? ", " + clipped + " samples clipped; use --float" : "");
        }
        out.flush();
        return 0;
    }
}
