package io.djia.midi.port;

import io.djia.midi.ClockEvent;
import io.djia.midi.ClockSink;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * An open MIDI output that sends {@link ClockEvent}s at once (the {@link io.djia.midi.ClockMaster} calls it
 * at their deadlines). The one-byte messages are made once and reused, so clock ticks allocate nothing.
 */
public final class MidiClockOutput implements ClockSink, AutoCloseable {
    private final MidiDevice device;
    private final Receiver receiver;
    private final String name;
    private final ShortMessage clock;
    private final ShortMessage start;
    private final ShortMessage stop;
    private final ShortMessage resume;

    MidiClockOutput(MidiDevice device) {
        this.device = device;
        this.name = device.getDeviceInfo().getName();
        try {
            device.open();
            receiver = device.getReceiver();
            clock = new ShortMessage(ClockEvent.Type.CLOCK.statusByte());
            start = new ShortMessage(ClockEvent.Type.START.statusByte());
            stop = new ShortMessage(ClockEvent.Type.STOP.statusByte());
            resume = new ShortMessage(ClockEvent.Type.CONTINUE.statusByte());
        } catch (MidiUnavailableException | InvalidMidiDataException e) {
            device.close();
            throw new IllegalStateException("cannot open MIDI output '" + name + "': " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void accept(ClockEvent event) {
        ShortMessage message = switch (event.type()) {
            case CLOCK -> clock;
            case START -> start;
            case STOP -> stop;
            case CONTINUE -> resume;
            case SONG_POSITION -> songPosition(event.sppSixteenths());
        };
        receiver.send(message, -1);
    }

    private static ShortMessage songPosition(int sixteenths) {
        try {
            return new ShortMessage(ClockEvent.Type.SONG_POSITION.statusByte(), sixteenths & 0x7F, sixteenths >> 7);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("song position " + sixteenths + " does not fit a MIDI message", e);
        }
    }

    @Override
    public void close() {
        receiver.close();
        device.close();
    }
}
