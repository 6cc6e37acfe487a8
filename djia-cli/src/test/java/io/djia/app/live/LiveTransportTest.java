package io.djia.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.ProfileLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transport: Stop fades the set out, Continue from a song position brings every loop back in phase. */
class LiveTransportTest {
    private static final int RATE = 44_100;

    @Test
    void stopFadesOutAndContinueResumesInPhase(@TempDir Path dir) throws Exception {
        // Bars 1..9 play, the DAW stops halfway through bar 9 for 1.5 s, then continues from bar 11 (SPP 160).
        SimulatedDaw daw = new SimulatedDaw(4, bar -> 124, 0.3, 3).idle(1.0, 0).play(0, 8 * 96 + 48)
                .idle(1.5, 9).play(10 * 96, 8 * 96);
        LiveSettings settings = LiveSettings.defaults(ProfileLibrary.load("techno_minimal"), 9).withAutoPilot(false);
        LiveClockSyncTest.Run run = LiveClockSyncTest.run(daw, settings, dir.resolve("set.wav"),
                engine -> engine.submit(new LiveRequest.Next()));
        TreeMap<Long, List<Double>> onsets = LiveClockSyncTest.onsetErrors(run, daw);
        onsets.tailMap(18L, true).clear();

        // One decision, on the first bar it could be placed on: every layer loops four bars from there.
        Set<Long> startBars = new TreeSet<>();
        run.status().layers().forEach(l -> startBars.add(l.startedBar()));
        assertEquals(1, startBars.size(), "all layers start on one bar: " + run.status().layers());
        long start = startBars.iterator().next();
        assertTrue(run.status().layers().size() >= 1 && run.status().layers().stream().allMatch(l -> l.bars() == 4));

        Set<Long> expected = new TreeSet<>();
        for (long bar = start; bar < 18; bar += 4) {
            if (bar <= 8 || bar >= 11) {
                expected.add(bar);
            }
        }
        assertEquals(expected, onsets.keySet(), onsets + " loop starts heard (0-based bars); a restart on Continue would"
                + " put one on bar 10 or 11\n" + String.join("\n", run.log()));
        onsets.forEach((bar, ms) -> {
            assertEquals(1, ms.size(), "bar " + bar + ": " + ms);
            assertTrue(Math.abs(ms.get(0)) < 1.0, "bar " + bar + ": " + ms.get(0) + " ms off the downbeat");
        });

        // Silence from the fade after Stop until Continue.
        double stopNanos = daw.trueTickNanos(8 * 96 + 47) + 0.05e9;
        double continueNanos = daw.trueTickNanos(10 * 96);
        int from = (int) Math.round((stopNanos - run.originNanos()) * RATE / 1e9);
        int to = (int) Math.round((continueNanos - run.originNanos()) * RATE / 1e9);
        float peak = 0;
        for (int c = 0; c < 2; c++) {
            float[] x = run.audio().channel(c);
            for (int i = from; i < to; i++) {
                peak = Math.max(peak, Math.abs(x[i]));
            }
        }
        assertTrue(peak < 1e-4, "silent while stopped, peak " + peak);
        assertTrue(run.log().stream().anyMatch(l -> l.startsWith("transport stopped")), String.join("\n", run.log()));
    }
}
