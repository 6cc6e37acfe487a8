package io.djia.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.app.render.VoiceSource;
import io.djia.core.profile.ProfileLibrary;
import io.djia.generate.brain.RuleBrain;
import io.djia.midi.ClockEvent;
import io.djia.midi.ClockMaster;
import io.djia.midi.ClockMasterOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --midi-out}: the engine's own clock goes out as MIDI clock, each tick stamped with the time its frame is
 * heard (a deterministic run sends them from the engine's control step instead of a sender thread).
 */
class LiveClockOutTest {
    private static final int RATE = 44_100;

    @Test
    void clockStartsOnBeatOneAndChangesTempoOnTheDownbeatOfTheChange() throws Exception {
        long origin = 1_000_000_000L;
        VirtualTime time = new VirtualTime(origin);
        List<ClockEvent> sent = Collections.synchronizedList(new ArrayList<>());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        LiveSettings settings = LiveSettings.defaults(ProfileLibrary.load("techno_minimal").withBpm(120), 1)
                .withAutoPilot(false);
        long changeBar;
        long framesPerBar120 = Math.round(4 * 0.5 * RATE);
        try (LiveEngine engine = new LiveEngine(settings, new ClickGenerator(), new RuleBrain(), VoiceSource.NONE,
                null, log::add)) {
            engine.sendClockTo(new ClockMaster(sent::add, engine.heardClock(), time,
                    ClockMasterOptions.defaults().withBpm(120)));
            HeadlessDriver driver = new HeadlessDriver(engine, time, null, null, true);
            driver.run(2 * framesPerBar120);
            engine.submit(new LiveRequest.ChangeTempo(150));
            driver.run(3 * framesPerBar120);
            String change = log.stream().filter(l -> l.startsWith("tempo 150.0 BPM from bar ")).findFirst()
                    .orElseThrow(() -> new AssertionError(String.join("\n", log)));
            changeBar = Long.parseLong(change.substring("tempo 150.0 BPM from bar ".length())) - 1;
        }
        List<ClockEvent> events = List.copyOf(sent);
        assertEquals(ClockEvent.Type.START, events.get(0).type(), events.subList(0, 3).toString());
        List<Long> ticks = events.stream().filter(e -> e.type() == ClockEvent.Type.CLOCK)
                .map(ClockEvent::timestampNanos).toList();
        assertEquals(events.get(0).timestampNanos(), ticks.get(0), "song position 0 is ticked with the Start");
        long changeTick = changeBar * 96;
        assertTrue(ticks.size() > changeTick + 96, ticks.size() + " ticks sent");
        double frameNanos = 1e9 / RATE;
        for (int k = 1; k < ticks.size(); k++) {
            double expected = k <= changeTick ? 60e9 / (120 * 24) : 60e9 / (150 * 24);
            assertEquals(expected, ticks.get(k) - ticks.get(k - 1), 1.5 * frameNanos,
                    "interval before tick " + k + " (tempo changes at tick " + changeTick + ")");
        }
        assertEquals(ClockEvent.Type.STOP, events.get(events.size() - 1).type(), "closing the engine stops the DAW");
        // The downbeat of the change is where the engine put that bar: whole 2-second bars of 120 BPM after beat one.
        double expectedChange = ticks.get(0) + changeBar * 2e9;
        assertEquals(expectedChange, ticks.get((int) changeTick), 1.5 * frameNanos);
    }
}
