package io.djia.midi;

/**
 * Picks clock, transport and Song Position Pointer messages out of a raw MIDI byte stream.
 *
 * <p>Follows the MIDI 1.0 stream rules: real-time bytes (0xF8..0xFF) may appear anywhere, even between the
 * data bytes of another message or inside a System Exclusive, and change nothing else; channel messages set
 * running status; system common messages clear it; any status byte but real-time ends a System Exclusive.
 * Everything that is not clock, transport or SPP is consumed and ignored.
 *
 * <p>Not thread-safe: one parser per input stream, fed from that stream's thread.
 */
public final class MidiClockParser {
    private final ClockSink sink;
    private int runningStatus;
    private int status;
    private int dataExpected;
    private int dataCount;
    private int firstData;
    private boolean inSysex;

    public MidiClockParser(ClockSink sink) {
        if (sink == null) {
            throw new IllegalArgumentException("a clock sink is required");
        }
        this.sink = sink;
    }

    /** Feeds {@code length} bytes of {@code bytes} from {@code offset}, all received at {@code timestampNanos}. */
    public void accept(byte[] bytes, int offset, int length, long timestampNanos) {
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i] & 0xFF, timestampNanos);
        }
    }

    /** Feeds one byte (0..255) received at {@code timestampNanos}. */
    public void accept(int value, long timestampNanos) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("a MIDI byte is 0..255, got " + value);
        }
        if (value >= 0xF8) {
            realTime(value, timestampNanos);
        } else if (value >= 0x80) {
            statusByte(value);
        } else {
            dataByte(value, timestampNanos);
        }
    }

    private void realTime(int value, long timestampNanos) {
        ClockEvent.Type type = switch (value) {
            case 0xF8 -> ClockEvent.Type.CLOCK;
            case 0xFA -> ClockEvent.Type.START;
            case 0xFB -> ClockEvent.Type.CONTINUE;
            case 0xFC -> ClockEvent.Type.STOP;
            default -> null; // 0xF9, 0xFD undefined; 0xFE active sensing; 0xFF system reset
        };
        if (type != null) {
            sink.accept(ClockEvent.of(type, timestampNanos));
        }
    }

    private void statusByte(int value) {
        inSysex = false;
        dataCount = 0;
        if (value < 0xF0) {
            runningStatus = value;
            status = value;
            int kind = value & 0xF0;
            dataExpected = kind == 0xC0 || kind == 0xD0 ? 1 : 2;
            return;
        }
        runningStatus = 0;
        status = value;
        switch (value) {
            case 0xF0 -> {
                inSysex = true;
                status = 0;
            }
            case 0xF1, 0xF3 -> dataExpected = 1;
            case 0xF2 -> dataExpected = 2;
            default -> status = 0; // 0xF4, 0xF5 undefined, 0xF6 tune request, 0xF7 end of exclusive
        }
    }

    private void dataByte(int value, long timestampNanos) {
        if (inSysex) {
            return;
        }
        if (status == 0) {
            if (runningStatus == 0) {
                return; // stray data byte
            }
            status = runningStatus;
            dataCount = 0;
        }
        if (dataCount == 0) {
            firstData = value;
        }
        dataCount++;
        if (dataCount < dataExpected) {
            return;
        }
        if (status == 0xF2) {
            sink.accept(ClockEvent.songPosition(firstData | (value << 7), timestampNanos));
        }
        dataCount = 0;
        status = runningStatus;
    }
}
