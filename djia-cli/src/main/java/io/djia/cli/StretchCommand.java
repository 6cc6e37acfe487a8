package io.djia.cli;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Tempo;
import io.djia.core.wav.WavFile;
import io.djia.core.wav.WavReader;
import io.djia.core.wav.WavWriter;
import io.djia.stretch.LoopFitter;
import io.djia.stretch.Quality;
import io.djia.stretch.Stretch;
import io.djia.stretch.StretchOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code djia stretch}: change the tempo and pitch of a WAV file, or fit a loop to the bar grid. */
@Command(name = "stretch", mixinStandardHelpOptions = true,
        description = {
            "Time-stretch and pitch-shift a WAV file without changing its pitch or tempo respectively, or fit a",
            "loop to a whole number of bars at a tempo (its start, tempo and length found automatically).",
            "",
            "Examples:",
            "  djia stretch in.wav out.wav --ratio 1.25            25% longer",
            "  djia stretch in.wav out.wav --tempo 120:128         from 120 to 128 BPM",
            "  djia stretch clip.wav loop.wav --bars 4 --bpm 124   exactly 4 bars at 124 BPM",
            "  djia stretch vox.wav up.wav --ratio 1 --pitch 3 --formant"
        })
public final class StretchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "WAV file to stretch.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "WAV file to write (same encoding as IN).")
    Path output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Amount amount;

    /** Exactly one way of saying how long the result is. */
    static final class Amount {
        @Option(names = "--ratio", paramLabel = "R", required = true,
                description = "Output length / input length, 0.25 to 4 (1.25 = 25% longer and slower).")
        Double ratio;

        @Option(names = "--tempo", paramLabel = "FROM:TO", required = true,
                description = "Tempo change in BPM, e.g. 120:128 (the ratio is FROM / TO).")
        String tempo;

        @ArgGroup(exclusive = false)
        Grid grid;
    }

    /** A loop fitted to the bar grid. */
    static final class Grid {
        @Option(names = "--bars", paramLabel = "N", required = true, description = "Bars in the fitted loop.")
        int bars;

        @Option(names = "--bpm", paramLabel = "B", required = true, description = "Tempo of the fitted loop.")
        double bpm;
    }

    @Option(names = "--pitch", paramLabel = "SEMITONES", defaultValue = "0",
            description = "Pitch shift in semitones, fractions for cents (-24 to 24; 7 = a fifth up, -0.5 = 50 cents down).")
    double pitch;

    @Option(names = "--formant", description = "Keep the formants (timbre of voices) in place when shifting pitch.")
    boolean formant;

    @Option(names = "--fine", description = "Higher quality: long frames for the bass (about twice the CPU).")
    boolean fine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + input
                    + " (give the path of a .wav file)");
        }
        StretchOptions options = StretchOptions.defaults().withPitchSemitones(pitch).withFormantPreserved(formant)
                .withQuality(fine ? Quality.FINE : Quality.STANDARD);
        WavFile wav = WavReader.read(input);
        AudioBuffer in = wav.audio();
        PrintWriter out = spec.commandLine().getOut();
        AudioBuffer result;
        String how;
        if (amount.grid != null) {
            Tempo target = Tempo.of(amount.grid.bpm);
            LoopFitter.FitResult fit = new LoopFitter(options).fit(in, target, amount.grid.bars, Optional.empty());
            result = fit.audio();
            how = String.format(Locale.ROOT, "%d bars at %.2f BPM: source %.2f BPM, music starts at %.3f s, ratio %.4f",
                    amount.grid.bars, target.bpm(), fit.sourceTempo().bpm(),
                    fit.startOffsetFrames() / (double) in.sampleRate(), fit.ratio());
        } else {
            double ratio = amount.ratio != null ? amount.ratio : tempoRatio(amount.tempo);
            options = options.withRatio(ratio);
            result = Stretch.offline(in, options);
            how = String.format(Locale.ROOT, "ratio %.4f", ratio);
        }
        long clipped = WavWriter.write(output, result, wav.format().encoding(), null);
        out.printf(Locale.ROOT, "%s: %.3f s -> %s: %.3f s (%d frames), %s, pitch %+.2f st%s, %s quality%n", input,
                in.durationSeconds(), output, result.durationSeconds(), result.frames(), how, pitch,
                formant ? " with formants kept" : "", fine ? "fine" : "standard");
        if (clipped > 0) {
            out.printf(Locale.ROOT, "warning: %d samples clipped to the %s range; lower the input level or write float%n",
                    clipped, wav.format().encoding());
        }
        return 0;
    }

    /** FROM / TO of a "FROM:TO" BPM pair. */
    static double tempoRatio(String text) {
        String[] parts = text.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--tempo needs FROM:TO in BPM, e.g. 120:128, got \"" + text + "\"");
        }
        try {
            double from = Double.parseDouble(parts[0].trim());
            double to = Double.parseDouble(parts[1].trim());
            return StretchOptions.defaults().withTempo(from, to).ratio();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--tempo needs two numbers FROM:TO in BPM, e.g. 120:128, got \""
                    + text + "\"");
        }
    }
}
