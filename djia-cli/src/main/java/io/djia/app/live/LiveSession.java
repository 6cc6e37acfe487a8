package io.djia.app.live;

import io.djia.app.render.Engines;
import io.djia.app.render.VoiceSource;
import io.djia.app.serve.ApiBodies;
import io.djia.app.serve.RemoteClientOptions;
import io.djia.app.serve.RemoteException;
import io.djia.app.serve.RemoteGeneratorClient;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.generate.Generator;
import io.djia.generate.GeneratorFactory;
import io.djia.generate.GeneratorOptions;
import io.djia.generate.brain.Brain;
import io.djia.generate.brain.BrainFactory;
import io.djia.generate.brain.BrainOptions;
import io.djia.midi.ClockFollower;
import io.djia.midi.ClockFollowerOptions;
import io.djia.midi.ClockMaster;
import io.djia.midi.ClockMasterOptions;
import io.djia.midi.TimeSource;
import io.djia.midi.port.MidiClockInput;
import io.djia.midi.port.MidiClockOutput;
import io.djia.midi.port.MidiPorts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A live set from {@link LiveOptions}: the library call behind {@code djia live}. It builds the engines (local or
 * remote generation, the brain, speech), the clock (internal, or followed from a MIDI input), the output (sound
 * card, or headless) and the recorder, and tears them down in order.
 *
 * <pre>{@code
 * try (LiveSession session = LiveSession.open(LiveOptions.defaults("techno_minimal", 42).withHeadless(true),
 *         System.out::println)) {
 *     session.start();
 *     session.engine().submit(new LiveRequest.Generate("deep rolling bass"));
 *     Thread.sleep(60_000);
 * }
 * }</pre>
 */
public final class LiveSession implements AutoCloseable {
    private final List<String> description = new ArrayList<>();
    private Generator generator;
    private Brain brain;
    private LiveEngine engine;
    private LiveRecorder recorder;
    private SoundCardDriver soundCard;
    private HeadlessDriver headless;
    private Thread headlessThread;
    private MidiClockInput midiIn;
    private MidiClockOutput midiOut;
    private volatile Throwable headlessFailure;

    private LiveSession() {
    }

    /** The style with the options' tempo and key overrides. */
    static StyleProfile resolveProfile(LiveOptions options) {
        StyleProfile profile = ProfileLibrary.load(options.profile());
        if (options.bpm() != null) {
            profile = profile.withBpm(options.bpm());
        }
        if (options.key() != null) {
            profile = profile.withKey(Key.parse(options.key()).displayName());
        }
        return profile;
    }

    /**
     * Builds everything; nothing sounds until {@link #start()}.
     *
     * @throws AudioUnavailableException when no sound card output can be opened (run with --headless instead)
     */
    public static LiveSession open(LiveOptions options, LiveListener listener)
            throws AudioUnavailableException, IOException {
        LiveSession session = new LiveSession();
        try {
            session.build(options, listener);
            return session;
        } catch (AudioUnavailableException | IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void build(LiveOptions options, LiveListener listener) throws AudioUnavailableException, IOException {
        StyleProfile profile = resolveProfile(options);
        String server = null;
        if (options.apiUrl() == null) {
            generator = GeneratorFactory.create(GeneratorOptions.defaults().withEngine(options.engine())
                    .withModelDir(options.modelDir()));
        } else {
            RemoteGeneratorClient client = new RemoteGeneratorClient(
                    RemoteClientOptions.of(options.apiUrl(), options.apiKey(), System.getenv()));
            generator = new RemoteGenerator(client);
            server = serverLine(client);
        }
        brain = BrainFactory.create(options.brain().equalsIgnoreCase("llm")
                ? BrainOptions.llm(requireModel(options.brainModel())).withSeed(options.seed())
                : BrainOptions.rules().withSeed(options.seed()));
        ClockFollower follower = null;
        if (options.midiIn() != null) {
            follower = new ClockFollower(ClockFollowerOptions.defaults().withBeatsPerBar(profile.beatsPerBar())
                    .withLatencyOffsetMs(options.latencyOffsetMs()));
        }
        LiveSettings settings = new LiveSettings(profile, options.seed(), options.sampleRate(), options.blockFrames(),
                options.autoPilot(), generator.isNeural() ? 1 : 2);
        engine = new LiveEngine(settings, generator, brain, voice(options), follower, listener);
        String clock;
        if (options.midiOut() != null) {
            midiOut = MidiPorts.openOutput(options.midiOut());
            engine.sendClockTo(new ClockMaster(midiOut, engine.heardClock(), TimeSource.system(),
                    ClockMasterOptions.defaults().withBpm(profile.bpm())));
            clock = "clock: internal, " + LiveEngine.bpm(profile.bpm()) + " BPM, sent to MIDI output " + midiOut.name();
        } else if (follower != null) {
            midiIn = MidiPorts.openInput(options.midiIn(), follower, TimeSource.system());
            clock = "clock: following MIDI input " + midiIn.name() + " (waiting for the DAW's Start)";
        } else {
            clock = "clock: internal, " + LiveEngine.bpm(profile.bpm()) + " BPM";
        }
        if (options.record() != null) {
            recorder = LiveRecorder.open(options.record(), 2, options.sampleRate(), options.blockFrames(), 2.0, 1.0);
        }
        if (options.headless()) {
            headless = new HeadlessDriver(engine, TimeSource.system(), recorder, null, false);
            description.add(String.format(Locale.ROOT, "audio: none (headless), %d Hz, %d-frame blocks",
                    options.sampleRate(), options.blockFrames()));
        } else {
            soundCard = SoundCardDriver.open(engine, options.bufferFrames(), recorder);
            description.add(soundCard.description());
        }
        description.add(clock);
        if (recorder != null) {
            description.add("recording: " + options.record() + " (a valid WAV at every moment, flushed each second)");
        }
        description.add("loops: " + generator.name() + "; brain: " + brain.name()
                + (options.autoPilot() ? ", deciding every loop" : ", deciding when asked"));
        if (server != null) {
            description.add(server);
        }
    }

    /** One line on the server's state; a server that is down is not fatal (loops are asked for again later). */
    private static String serverLine(RemoteGeneratorClient client) {
        try {
            ApiBodies.Health health = client.health();
            return String.format(Locale.ROOT, "server: %s up, %s, %d/%d queued", client.options().baseUrl(),
                    health.generator(), health.queueLength(), health.queueCapacity());
        } catch (RemoteException e) {
            return "server: " + e.getMessage() + " (the set plays on; loops are asked for again as it goes)";
        }
    }

    private static Path requireModel(Path model) {
        if (model == null) {
            throw new IllegalArgumentException("--brain llm needs --model-path FILE.gguf");
        }
        return model;
    }

    private static VoiceSource voice(LiveOptions options) {
        return Engines.voice(options.voiceDrops());
    }

    /** One line each: output and latency, clock, recording, where loops come from. */
    public List<String> description() {
        return List.copyOf(description);
    }

    public LiveEngine engine() {
        return engine;
    }

    /** Starts the audio (sound card threads, or the headless thread). */
    public void start() {
        if (soundCard != null) {
            soundCard.start();
            return;
        }
        headlessThread = new Thread(() -> {
            try {
                headless.runUntilStopped();
            } catch (IOException | RuntimeException e) {
                headlessFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "djia-headless");
        headlessThread.setDaemon(true);
        headlessThread.start();
    }

    /** Why the audio stopped, or null while it runs. */
    public Throwable failure() {
        if (soundCard != null) {
            return soundCard.failure();
        }
        if (recorder != null && recorder.failure() != null) {
            return recorder.failure();
        }
        return headlessFailure;
    }

    /** Stops the audio and the clock, finishes the recording, frees the engines. */
    @Override
    public void close() {
        closeQuietly(midiIn);
        midiIn = null;
        if (headless != null) {
            headless.stop();
            if (headlessThread != null) {
                try {
                    headlessThread.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        closeQuietly(soundCard);
        soundCard = null;
        closeQuietly(engine);
        closeQuietly(midiOut);
        midiOut = null;
        closeQuietly(recorder);
        closeQuietly(brain);
        brain = null;
        closeQuietly(generator);
        generator = null;
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // Closing the rest matters more; a recording that could not be finished reports itself.
        }
    }
}
