package io.djia.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.app.render.MemorySink;
import io.djia.app.render.VoiceSource;
import io.djia.core.profile.ProfileLibrary;
import io.djia.generate.brain.RuleBrain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tempo change on the engine's own clock: loops restart on the bar at the new length, with clips made again
 * (fast engine) or stretched from the ones they had (slow engine: no new generation).
 */
class LiveTempoChangeTest {
    private static final int RATE = 44_100;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void loopsFollowATempoChangeOnItsBar(boolean slowEngine) throws Exception {
        ClickGenerator generator = new ClickGenerator(slowEngine);
        List<String> log = new ArrayList<>();
        LiveSettings settings = LiveSettings.defaults(ProfileLibrary.load("techno_minimal").withBpm(120), 6)
                .withAutoPilot(false);
        double bar120 = 2.0 * RATE;
        double bar150 = 1.6 * RATE;
        long total = Math.round(3 * bar120 + 10 * bar150);
        MemorySink out = new MemorySink(2, total + 1024, RATE);
        // The headless driver puts beat 0 two blocks in (its commit window); output lags by the limiter look-ahead.
        double beatZeroFrame = 2 * 512;
        int[] latency = new int[1];
        try (LiveEngine engine = new LiveEngine(settings, generator, new RuleBrain(), VoiceSource.NONE, null,
                log::add)) {
            HeadlessDriver driver = new HeadlessDriver(engine, new VirtualTime(0), null, out, true);
            latency[0] = engine.latencyFrames();
            engine.submit(new LiveRequest.Next());
            driver.run(Math.round(2.5 * bar120));
            assertFalse(engine.status().layers().isEmpty(), String.join("\n", log));
            int made = generator.clipsMade();
            engine.submit(new LiveRequest.ChangeTempo(150));
            driver.run(total - engine.framePosition());
            for (LiveStatus.LayerInfo layer : engine.status().layers()) {
                assertEquals(150, layer.clipBpm(), 1e-9, layer.toString());
            }
            if (slowEngine) {
                assertEquals(made, generator.clipsMade(), "a slow engine's clips are stretched, not made again");
                assertTrue(log.stream().anyMatch(l -> l.contains("BPM: stretching")), String.join("\n", log));
            } else {
                assertTrue(generator.clipsMade() > made, "the fast engine makes its clips again");
            }
        }
        if (!slowEngine) {
            // Clicks start the (4-bar) loops: after the change they fall on 1.6 s bars counted from the change.
            String change = log.stream().filter(l -> l.startsWith("tempo 150.0 BPM from bar ")).findFirst()
                    .orElseThrow(() -> new AssertionError(String.join("\n", log)));
            long changeBar = Long.parseLong(change.substring("tempo 150.0 BPM from bar ".length())) - 1;
            double changeFrame = beatZeroFrame + changeBar * bar120 + latency[0];
            List<Long> after = Onsets.find(out.audio(), 0.04, RATE / 10).stream()
                    .filter(o -> o >= changeFrame - 1).toList();
            assertTrue(after.size() >= 3, "loop starts after the change: " + after);
            for (long onset : after) {
                double bars = (onset - changeFrame) / bar150;
                assertEquals(Math.round(bars), bars, 0.001 * RATE / bar150,
                        "onset at frame " + onset + " is within 1 ms of a 150 BPM bar after the change");
            }
        }
    }
}
