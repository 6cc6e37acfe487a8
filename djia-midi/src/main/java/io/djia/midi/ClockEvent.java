package io.djia.midi;

/**
 * One MIDI clock or transport message with the time it was received (or is due to be sent).
 *
 * @param type           which message
 * @param timestampNanos {@link TimeSource} time of the message
 * @param sppSixteenths  for {@link Type#SONG_POSITION}: the song position in sixteenth notes (0..16383, six
 *                       clock ticks each); 0 for every other type
 */
public record ClockEvent(Type type, long timestampNanos, int sppSixteenths) {
    /** The largest song position a 14-bit Song Position Pointer can carry. */
    public static final int MAX_SPP_SIXTEENTHS = 0x3FFF;

    /** MIDI 1.0 system real-time messages (one byte) and the system common Song Position Pointer. */
    public enum Type {
        /** Timing clock, 0xF8: 24 per quarter note. */
        CLOCK(0xF8),
        /** Start, 0xFA: play from the top; the next clock tick is beat 1. */
        START(0xFA),
        /** Continue, 0xFB: play from the current song position. */
        CONTINUE(0xFB),
        /** Stop, 0xFC: the song position stays where it stopped. */
        STOP(0xFC),
        /** Song Position Pointer, 0xF2 LSB MSB: where the next Continue starts, in sixteenth notes. */
        SONG_POSITION(0xF2);

        private final int statusByte;

        Type(int statusByte) {
            this.statusByte = statusByte;
        }

        /** The MIDI status byte, 0xF2..0xFC. */
        public int statusByte() {
            return statusByte;
        }
    }

    public ClockEvent {
        if (type == null) {
            throw new IllegalArgumentException("clock event type is required");
        }
        if (type == Type.SONG_POSITION) {
            if (sppSixteenths < 0 || sppSixteenths > MAX_SPP_SIXTEENTHS) {
                throw new IllegalArgumentException("song position must be 0.." + MAX_SPP_SIXTEENTHS
                        + " sixteenths, got " + sppSixteenths);
            }
        } else if (sppSixteenths != 0) {
            throw new IllegalArgumentException(type + " carries no song position, got " + sppSixteenths);
        }
    }

    /** A message without data: clock, start, continue or stop. */
    public static ClockEvent of(Type type, long timestampNanos) {
        return new ClockEvent(type, timestampNanos, 0);
    }

    public static ClockEvent clock(long timestampNanos) {
        return new ClockEvent(Type.CLOCK, timestampNanos, 0);
    }

    public static ClockEvent songPosition(int sixteenths, long timestampNanos) {
        return new ClockEvent(Type.SONG_POSITION, timestampNanos, sixteenths);
    }

    /** The message bytes as sent on the wire (SPP: status, 7-bit LSB, 7-bit MSB). */
    public byte[] toBytes() {
        if (type == Type.SONG_POSITION) {
            return new byte[] {(byte) 0xF2, (byte) (sppSixteenths & 0x7F), (byte) (sppSixteenths >> 7)};
        }
        return new byte[] {(byte) type.statusByte()};
    }
}
