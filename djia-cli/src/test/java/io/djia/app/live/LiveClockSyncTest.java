package io.djia.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.app.render.VoiceSource;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.wav.WavReader;
import io.djia.generate.brain.RuleBrain;
import io.djia.midi.ClockFollower;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live engine locked to a simulated DAW: loops are click tracks (a click on each loop's first frame), the
 * engine runs headless on the DAW's virtual time, and the recording is read back to find where every loop start
 * was actually heard, compared with the DAW's true bar times.
 */
class LiveClockSyncTest {
    private static final int RATE = 44_100;
    /** Clicks are 0.5 full scale times layer volume and pan; the quietest layer still clears this by 6 dB. */
    private static final double ONSET_THRESHOLD = 0.04;
    private static final int ONSET_GAP_FRAMES = RATE / 10;

    /** The profile with one-bar loops, so that every bar of a set holds loop starts. */
    static StyleProfile oneBarLoops(String name) {
        StyleProfile p = ProfileLibrary.load(name);
        return new StyleProfile(p.name(), p.description(), p.bpm(), p.key(), p.beatsPerBar(), p.layerTypes(),
                p.keywords(), p.masterEffects(), p.phases(), 1, p.preferredStems(), p.intensityMin(),
                p.intensityMax(), p.maxLayers(), p.swing());
    }

    record Run(AudioBuffer audio, long originNanos, List<String> log, LiveStatus status) {
    }

    /** Runs the engine headless on the DAW's time until the DAW's last message, recording to {@code wav}. */
    static Run run(SimulatedDaw daw, LiveSettings settings, Path wav, Consumer<LiveEngine> before) throws Exception {
        ClockFollower follower = new ClockFollower();
        daw.connect(follower);
        List<String> log = new ArrayList<>();
        long origin;
        LiveStatus status;
        try (LiveEngine engine = new LiveEngine(settings, new ClickGenerator(), new RuleBrain(), VoiceSource.NONE,
                follower, log::add);
             LiveRecorder recorder = LiveRecorder.open(wav, 2, RATE, settings.blockFrames(), 2.0, 1.0)) {
            HeadlessDriver driver = new HeadlessDriver(engine, daw, recorder, null, true);
            before.accept(engine);
            origin = driver.originNanos();
            long frames = Math.round((daw.endNanos() - origin) / 1e9 * RATE) + RATE / 2;
            driver.run(frames);
            status = engine.status();
        }
        return new Run(WavReader.read(wav).audio(), origin, log, status);
    }

    /** Song bar -> error (ms) of each onset heard, against the nearest true downbeat. */
    static TreeMap<Long, List<Double>> onsetErrors(Run run, SimulatedDaw daw) {
        List<double[]> downbeats = daw.downbeats();
        TreeMap<Long, List<Double>> byBar = new TreeMap<>();
        for (long onset : Onsets.find(run.audio(), ONSET_THRESHOLD, ONSET_GAP_FRAMES)) {
            double heard = run.originNanos() + onset * 1e9 / RATE;
            double[] nearest = downbeats.get(0);
            for (double[] d : downbeats) {
                if (Math.abs(d[1] - heard) < Math.abs(nearest[1] - heard)) {
                    nearest = d;
                }
            }
            byBar.computeIfAbsent((long) nearest[0], b -> new ArrayList<>()).add((heard - nearest[1]) / 1e6);
        }
        return byBar;
    }

    @Test
    void sixtyFourBarsWithTempoChangesStartEveryLoopWithinOneMillisecondOfTheBar(@TempDir Path dir)
            throws Exception {
        LongToDoubleFunction tempo = bar -> bar < 16 ? 126 : bar < 36 ? 132 : 120;
        SimulatedDaw daw = new SimulatedDaw(4, tempo, 0.3, 7).idle(1.0, 0).play(0, 65 * 96);
        Run run = run(daw, LiveSettings.defaults(oneBarLoops("techno_minimal"), 42), dir.resolve("set.wav"), e -> { });
        TreeMap<Long, List<Double>> errors = onsetErrors(run, daw);

        // The DAW stops at the end of bar 65, as the engine has committed its loop starts: that bar fades out.
        errors.tailMap(64L, true).clear();
        double worst = 0;
        for (var e : errors.entrySet()) {
            assertEquals(1, e.getValue().size(), "bar " + (e.getKey() + 1) + " has one onset, got " + e.getValue()
                    + " ms\n" + String.join("\n", run.log()));
            worst = Math.max(worst, Math.abs(e.getValue().get(0)));
            assertTrue(Math.abs(e.getValue().get(0)) < 1.0, "bar " + (e.getKey() + 1) + ": loop start "
                    + String.format(Locale.ROOT, "%.3f", e.getValue().get(0)) + " ms off the DAW's downbeat\n"
                    + String.join("\n", run.log()));
        }
        // Loops are one bar long: from the first loop start on, every bar must hold one, through both tempo changes.
        long first = errors.firstKey();
        assertTrue(first <= 2, "the first loop starts by bar 3, got bar " + (first + 1));
        for (long bar = first; bar < 64; bar++) {
            assertTrue(errors.containsKey(bar), "no loop start heard in bar " + (bar + 1) + "\n"
                    + String.join("\n", run.log()));
        }
        System.out.printf(Locale.ROOT, "64 bars, %d loop starts, worst %.3f ms%n", errors.size(), worst);
    }

    @Test
    void sameSeedAndClockGiveByteIdenticalRecordings(@TempDir Path dir) throws Exception {
        byte[][] files = new byte[2][];
        for (int i = 0; i < 2; i++) {
            SimulatedDaw daw = new SimulatedDaw(4, bar -> bar < 4 ? 128 : 121, 0.3, 21).idle(0.5, 0).play(0, 10 * 96);
            Path wav = dir.resolve("run" + i + ".wav");
            run(daw, LiveSettings.defaults(ProfileLibrary.load("deep_house"), 8), wav, e -> { });
            files[i] = java.nio.file.Files.readAllBytes(wav);
        }
        assertTrue(files[0].length > 44 + 4 * RATE * 6, "ten bars were recorded, " + files[0].length + " bytes");
        assertTrue(java.util.Arrays.equals(files[0], files[1]), "two runs with the same seed and clock differ");
    }
}
