package io.djia.midi.port;

import io.djia.midi.ClockSink;
import io.djia.midi.MidiClockParser;
import io.djia.midi.TimeSource;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;

/**
 * An open MIDI input that passes clock, transport and Song Position Pointer to a {@link ClockSink}.
 *
 * <p>Messages are stamped with the {@link TimeSource} when they arrive: {@code javax.sound.midi} device
 * timestamps use a per-device clock (and are milliseconds on Windows), while the follower and the audio
 * engine need one time base. The sink is called on the MIDI system's thread, one message at a time.
 */
public final class MidiClockInput implements AutoCloseable {
    private final MidiDevice device;
    private final Transmitter transmitter;
    private final String name;

    MidiClockInput(MidiDevice device, ClockSink sink, TimeSource time) {
        if (sink == null || time == null) {
            throw new IllegalArgumentException("a clock sink and a time source are required");
        }
        this.device = device;
        this.name = device.getDeviceInfo().getName();
        MidiClockParser parser = new MidiClockParser(sink);
        try {
            device.open();
            transmitter = device.getTransmitter();
        } catch (MidiUnavailableException e) {
            device.close();
            throw new IllegalStateException("cannot open MIDI input '" + name + "': " + e.getMessage(), e);
        }
        transmitter.setReceiver(new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStampMicros) {
                long now = time.nanoTime();
                synchronized (parser) {
                    parser.accept(message.getMessage(), 0, message.getLength(), now);
                }
            }

            @Override
            public void close() {
            }
        });
    }

    /** The name of the port. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        transmitter.close();
        device.close();
    }
}
