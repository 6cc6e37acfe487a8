package io.djia.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MidiClockParserTest {
    private final List<ClockEvent> events = new ArrayList<>();
    private final MidiClockParser parser = new MidiClockParser(events::add);

    private void feed(long timestamp, int... bytes) {
        for (int b : bytes) {
            parser.accept(b, timestamp);
        }
    }

    @Test
    void realTimeBytesInsideOtherMessagesAreTakenOutAndChangeNothingElse() {
        // Note-on with a clock between status and key, then a clock between key and velocity; then running
        // status carries a second note whose data bytes must not look like anything else.
        feed(1, 0x90, 0xF8, 0x3C, 0xF8, 0x40, 0x3E, 0x40);
        // Song Position Pointer 0x0110 = 272 sixteenths with Start interleaved between its data bytes.
        feed(2, 0xF2, 0x10, 0xFA, 0x02);
        assertEquals(List.of(ClockEvent.clock(1), ClockEvent.clock(1), ClockEvent.of(ClockEvent.Type.START, 2),
                ClockEvent.songPosition(272, 2)), events);
    }

    @Test
    void systemExclusiveHidesItsDataButNotRealTime() {
        // SysEx whose payload contains 0x72 0x10 0x02 (harmless) and a clock; any status byte ends it.
        feed(5, 0xF0, 0x7E, 0x72, 0xF8, 0x10, 0x02, 0xF7, 0xFC);
        feed(6, 0xF0, 0x01, 0xF2, 0x00, 0x01); // a status byte ends an unterminated SysEx; the SPP is read
        assertEquals(List.of(ClockEvent.clock(5), ClockEvent.of(ClockEvent.Type.STOP, 5),
                ClockEvent.songPosition(128, 6)), events);
    }

    @Test
    void undefinedAndOtherRealTimeBytesAndStrayDataAreIgnored() {
        feed(0, 0x40, 0x12, 0xF9, 0xFD, 0xFE, 0xFF, 0xF1, 0x33, 0xF3, 0x01, 0xF6, 0xFB);
        assertEquals(List.of(ClockEvent.of(ClockEvent.Type.CONTINUE, 0)), events);
    }

    @Test
    void systemCommonClearsRunningStatus() {
        // After a tune request, data bytes have no running status to continue and must be dropped.
        feed(0, 0xB0, 0x07, 0x64, 0xF6, 0x07, 0x64, 0xF2, 0x7F, 0x7F);
        assertEquals(List.of(ClockEvent.songPosition(ClockEvent.MAX_SPP_SIXTEENTHS, 0)), events);
    }

    @Test
    void everyEventSurvivesItsOwnBytes() {
        List<ClockEvent> sent = List.of(ClockEvent.clock(7), ClockEvent.of(ClockEvent.Type.START, 7),
                ClockEvent.of(ClockEvent.Type.CONTINUE, 7), ClockEvent.of(ClockEvent.Type.STOP, 7),
                ClockEvent.songPosition(0, 7), ClockEvent.songPosition(1234, 7));
        for (ClockEvent e : sent) {
            byte[] bytes = e.toBytes();
            parser.accept(bytes, 0, bytes.length, 7);
        }
        assertEquals(sent, events);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> parser.accept(256, 0));
        assertThrows(IllegalArgumentException.class, () -> ClockEvent.songPosition(16384, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClockEvent(ClockEvent.Type.CLOCK, 0, 3));
    }
}
