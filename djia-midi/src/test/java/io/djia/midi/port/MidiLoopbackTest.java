package io.djia.midi.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.midi.ClockEvent;
import io.djia.midi.ClockFollower;
import io.djia.midi.ClockMaster;
import io.djia.midi.ClockMasterOptions;
import io.djia.midi.ClockState;
import io.djia.midi.FrameClock;
import io.djia.midi.TimeSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The javax.sound.midi path, end to end, through the loopback ports of {@link LoopbackMidiDeviceProvider}. */
class MidiLoopbackTest {
    /** A manual clock: waiting jumps straight to the deadline. */
    private static final class SteppedTime implements TimeSource {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkUntil(long deadlineNanos) {
            now = Math.max(now, deadlineNanos);
        }
    }

    @Test
    void portsAreListedByNameWithTheirDirections() {
        List<MidiPortInfo> ports = MidiPorts.list();
        MidiPortInfo loopA = ports.stream().filter(p -> p.name().equals("DJIA Loop A")).findFirst().orElseThrow();
        assertTrue(loopA.input() && loopA.output());
        assertEquals("in/out", loopA.direction());
        assertEquals("DJ-IA tests", loopA.vendor());
        assertTrue(ports.stream().anyMatch(p -> p.name().equals("DJIA Loop B")));
        assertTrue(ports.stream().noneMatch(p -> p.name().contains("Gervill") || p.name().contains("Sequencer")),
                "the software synthesizer and sequencer are not ports");
    }

    @Test
    void portsAreChosenByCaseInsensitiveSubstring() {
        assertEquals("DJIA Loop A", MidiPorts.findInput("loop a").name());
        assertEquals("DJIA Loop B", MidiPorts.findOutput("LOOP B").name());
        MidiPortNotFoundException several = assertThrows(MidiPortNotFoundException.class,
                () -> MidiPorts.findInput("djia loop"));
        assertTrue(several.getMessage().contains("DJIA Loop A, DJIA Loop B"), several.getMessage());
        MidiPortNotFoundException none = assertThrows(MidiPortNotFoundException.class,
                () -> MidiPorts.findOutput("Bitwig"));
        assertTrue(none.getMessage().startsWith("no MIDI output matches 'Bitwig'; available outputs: "),
                none.getMessage());
        assertTrue(none.getMessage().contains("DJIA Loop A"));
        assertTrue(!none.getMessage().contains("\n"), "one line");
    }

    @Test
    void clockSentByTheMasterArrivesAtAFollowerThroughTheLoopback() throws Exception {
        SteppedTime time = new SteppedTime();
        ClockFollower follower = new ClockFollower();
        List<ClockEvent> received = new ArrayList<>();
        try (MidiClockInput in = MidiPorts.openInput("Loop A", e -> {
                    received.add(e);
                    follower.accept(e);
                }, time);
                MidiClockOutput out = MidiPorts.openOutput("Loop A")) {
            ClockMaster master = new ClockMaster(out, FrameClock.fixedRate(48_000, 0), time,
                    ClockMasterOptions.defaults().withBpm(126));
            master.startClock(0);
            master.runUntil(2_000_000_000L);
            master.continueFrom(32, 48_000 * 3); // bar 3 (two bars of 16th notes) at three seconds
            master.runUntil(6_000_000_000L);
            master.stop(48_000 * 6 + 10);
            master.runUntil(6_100_000_000L);
            assertEquals("Loop A", in.name().substring(5));
        }
        ClockState s = follower.snapshot();
        assertEquals(126, s.bpm(), 1e-3);
        assertTrue(s.locked());
        assertTrue(!s.running());
        long ticksSinceContinue = Math.round(3 * 126 / 60.0 * 24); // 3 s at 50.4 ticks/s: ticks 192..342
        assertEquals(192 + ticksSinceContinue, s.tick());
        assertTrue(received.contains(ClockEvent.songPosition(32, 3_000_000_000L)));
        assertTrue(received.contains(ClockEvent.of(ClockEvent.Type.CONTINUE, 3_000_000_000L)));
        assertTrue(received.contains(ClockEvent.of(ClockEvent.Type.STOP, 6_000_000_000L + Math.round(10 / 48e3 * 1e9))));
    }
}
