package io.djia.cli;

import io.djia.app.live.AudioUnavailableException;
import io.djia.app.live.LiveOptions;
import io.djia.app.live.LivePrompt;
import io.djia.app.live.LiveSession;
import io.djia.app.live.TerminalConsole;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code djia live}: an endless set played live, on the engine's clock or locked to a DAW's MIDI clock. */
@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Play a set live: the brain picks loops as the set goes, they are made in",
            "the background and start exactly on the next bar, on the engine's own clock",
            "or locked to a DAW's MIDI clock (Start, Stop and Continue followed; tempo",
            "changes re-make the loops). Type at the prompt to steer it (`help`).",
            "Without a sound card, --headless plays into nothing (--record keeps it).",
            "",
            "Examples: djia live --profile techno_minimal --clock internal --bpm 126",
            "          djia live --profile deep_house --midi-in \"IAC Driver\" --record set.wav",
            "          djia live --profile dub --api-url http://studio-pc:8000/api/v1"
        })
public final class LiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, defaultValue = "techno_minimal", paramLabel = "NAME|FILE",
            description = "Style profile: a built-in name (see `djia profiles`) or a profile .json file. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--clock", defaultValue = "internal", paramLabel = "internal|midi",
            description = "Where the beat comes from: the engine's own clock, or a DAW's MIDI clock (needs --midi-in). Default: ${DEFAULT-VALUE}.")
    String clock;

    @Option(names = "--bpm", paramLabel = "BPM", description = "Tempo of the internal clock (the profile's otherwise).")
    Double bpm;

    @Option(names = "--key", paramLabel = "KEY", description = "Key override, e.g. \"F minor\".")
    String key;

    @Option(names = "--midi-in", paramLabel = "NAME", description = "Follow the MIDI clock of this input (part of its name; see `djia midi ports`).")
    String midiIn;

    @Option(names = "--midi-out", paramLabel = "NAME", description = "Send the internal clock to this MIDI output, so a DAW follows the set.")
    String midiOut;

    @Option(names = "--latency-offset", defaultValue = "0", paramLabel = "MS",
            description = "Shift the followed clock's beat by this much (negative: earlier) to line up with the DAW. Default: ${DEFAULT-VALUE}.")
    double latencyOffsetMs;

    @Option(names = "--record", paramLabel = "FILE.wav", description = "Record the session; the file stays a valid WAV even if the program dies.")
    Path record;

    @Option(names = "--api-url", paramLabel = "URL", description = "Make the loops on a `djia serve` server, e.g. http://studio-pc:8000/api/v1.")
    String apiUrl;

    @Option(names = "--api-key", paramLabel = "KEY", description = "The server's API key (else the DJIA_API_KEY environment variable).")
    String apiKey;

    @Option(names = "--audio-model", defaultValue = "procedural", paramLabel = "ENGINE",
            description = "Local loop generator: procedural (no model files) or a neural engine. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Folder of the neural generator's model files.")
    Path modelDir;

    @Option(names = "--brain", defaultValue = "rules", paramLabel = "rules|llm",
            description = "Who decides: rules (embedded) or llm (a GGUF model via llama.cpp). Default: ${DEFAULT-VALUE}.")
    String brain;

    @Option(names = "--model-path", paramLabel = "FILE.gguf", description = "GGUF model for --brain llm.")
    Path brainModel;

    @Option(names = "--manual", description = "The brain decides only when asked (Enter or text), not on every loop.")
    boolean manual;

    @Option(names = "--no-voice", description = "Leave out the spoken voice drops.")
    boolean noVoice;

    @Option(names = "--headless", description = "No sound card: play into nothing, paced by the system clock (servers, recording).")
    boolean headless;

    @Option(names = "--duration", paramLabel = "SEC", description = "Stop after this many seconds (default: when you type q).")
    Double durationSeconds;

    @Option(names = {"-s", "--seed"}, defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--sample-rate", defaultValue = "44100", paramLabel = "HZ", description = "Output rate. Default: ${DEFAULT-VALUE}.")
    int sampleRate;

    @Option(names = "--block", defaultValue = "512", paramLabel = "FRAMES", description = "Frames per audio block. Default: ${DEFAULT-VALUE}.")
    int blockFrames;

    @Option(names = "--buffer", defaultValue = "1024", paramLabel = "FRAMES",
            description = "Sound card buffer: the output latency (smaller is tighter, too small drops out). Default: ${DEFAULT-VALUE}.")
    int bufferFrames;

    @Override
    public Integer call() throws Exception {
        String clockKind = clock.trim().toLowerCase(java.util.Locale.ROOT);
        if (!clockKind.equals("internal") && !clockKind.equals("midi")) {
            throw new IllegalArgumentException("--clock must be internal or midi, got " + clock);
        }
        if (clockKind.equals("midi") && midiIn == null) {
            throw new IllegalArgumentException("--clock midi needs --midi-in NAME (see `djia midi ports`)");
        }
        if (durationSeconds != null && !(durationSeconds > 0)) {
            throw new IllegalArgumentException("--duration must be more than 0 seconds, got " + durationSeconds);
        }
        LiveOptions options = new LiveOptions(profile, seed, bpm, key, sampleRate, blockFrames, bufferFrames, midiIn,
                midiOut, record, apiUrl, apiKey, engine, modelDir, brain, brainModel, !noVoice, headless,
                latencyOffsetMs, !manual);
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = System.console() != null && durationSeconds == null;
        LivePrompt.Console console = interactive ? TerminalConsole.open()
                : LivePrompt.streams(new InputStreamReader(System.in, StandardCharsets.UTF_8), spec.commandLine().getOut());
        LiveSession session;
        try {
            session = LiveSession.open(options, console::println);
        } catch (AudioUnavailableException e) {
            err.println("djia live: " + e.getMessage() + "; run with --headless to play without a sound card");
            err.flush();
            closeConsole(console);
            return 1;
        }
        try (session) {
            session.description().forEach(console::println);
            session.start();
            if (durationSeconds != null) {
                Thread.sleep(Math.round(durationSeconds * 1000));
            } else {
                console.println("type help for the commands, q to quit");
                boolean quit = new LivePrompt(session.engine(), console).run();
                if (!quit && headless) {
                    // No more input (a server without a terminal): play on until the process is stopped.
                    console.println("input closed: playing on until stopped (Ctrl-C)");
                    CountDownLatch stopped = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "djia-live-shutdown"));
                    while (!stopped.await(1, TimeUnit.SECONDS) && session.failure() == null) {
                        Thread.onSpinWait();
                    }
                }
            }
            if (session.failure() != null) {
                throw new IllegalStateException("the audio stopped: " + session.failure().getMessage(),
                        session.failure());
            }
        } finally {
            closeConsole(console);
        }
        if (record != null) {
            err.println("djia live: recorded " + record);
            err.flush();
        }
        return 0;
    }

    private static void closeConsole(LivePrompt.Console console) throws java.io.IOException {
        if (console instanceof TerminalConsole terminal) {
            terminal.close();
        }
    }
}
