package io.djia.midi.port;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import javax.sound.midi.spi.MidiDeviceProvider;

/**
 * Test-only loopback ports, like loopMIDI or the IAC bus: whatever is sent to a port's receiver comes out of
 * its transmitters, on the sending thread. Registered through META-INF/services in the test resources only.
 */
public final class LoopbackMidiDeviceProvider extends MidiDeviceProvider {
    static final LoopbackDevice LOOP_A = new LoopbackDevice("DJIA Loop A");
    static final LoopbackDevice LOOP_B = new LoopbackDevice("DJIA Loop B");

    @Override
    public MidiDevice.Info[] getDeviceInfo() {
        return new MidiDevice.Info[] {LOOP_A.getDeviceInfo(), LOOP_B.getDeviceInfo()};
    }

    @Override
    public MidiDevice getDevice(MidiDevice.Info info) {
        for (LoopbackDevice device : List.of(LOOP_A, LOOP_B)) {
            if (device.getDeviceInfo().equals(info)) {
                return device;
            }
        }
        throw new IllegalArgumentException("not a loopback port: " + info);
    }

    static final class LoopbackDevice implements MidiDevice {
        private final Info info;
        private final List<LoopTransmitter> transmitters = new CopyOnWriteArrayList<>();
        private final List<Receiver> receivers = new CopyOnWriteArrayList<>();
        private volatile boolean open;

        LoopbackDevice(String name) {
            this.info = new Info(name, "DJ-IA tests", "loopback port for tests", "1") {
            };
        }

        @Override
        public Info getDeviceInfo() {
            return info;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
            transmitters.clear();
            receivers.clear();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public long getMicrosecondPosition() {
            return -1;
        }

        @Override
        public int getMaxReceivers() {
            return -1;
        }

        @Override
        public int getMaxTransmitters() {
            return -1;
        }

        @Override
        public Receiver getReceiver() {
            Receiver receiver = new Receiver() {
                @Override
                public void send(MidiMessage message, long timeStamp) {
                    for (LoopTransmitter t : transmitters) {
                        Receiver target = t.receiver;
                        if (target != null) {
                            target.send((MidiMessage) message.clone(), timeStamp);
                        }
                    }
                }

                @Override
                public void close() {
                    receivers.remove(this);
                }
            };
            receivers.add(receiver);
            return receiver;
        }

        @Override
        public List<Receiver> getReceivers() {
            return new ArrayList<>(receivers);
        }

        @Override
        public Transmitter getTransmitter() {
            LoopTransmitter t = new LoopTransmitter();
            transmitters.add(t);
            return t;
        }

        @Override
        public List<Transmitter> getTransmitters() {
            return new ArrayList<>(transmitters);
        }

        private final class LoopTransmitter implements Transmitter {
            private volatile Receiver receiver;

            @Override
            public void setReceiver(Receiver receiver) {
                this.receiver = receiver;
            }

            @Override
            public Receiver getReceiver() {
                return receiver;
            }

            @Override
            public void close() {
                transmitters.remove(this);
            }
        }
    }
}
