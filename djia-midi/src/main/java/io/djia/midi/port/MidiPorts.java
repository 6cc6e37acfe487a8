package io.djia.midi.port;

import io.djia.midi.ClockSink;
import io.djia.midi.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;

/**
 * The MIDI ports this machine offers, through {@code javax.sound.midi} and any
 * {@link javax.sound.midi.spi.MidiDeviceProvider} on the class path. Java's software synthesizer and
 * sequencer are not ports and are left out. On Linux Java sees ALSA raw MIDI devices only (see README).
 * Thread-safe (stateless).
 */
public final class MidiPorts {
    private MidiPorts() {
    }

    /** Every port, in the order the system lists them. */
    public static List<MidiPortInfo> list() {
        List<MidiPortInfo> ports = new ArrayList<>();
        for (MidiDevice device : devices()) {
            MidiDevice.Info info = device.getDeviceInfo();
            ports.add(new MidiPortInfo(info.getName(), info.getVendor(), info.getDescription(),
                    device.getMaxTransmitters() != 0, device.getMaxReceivers() != 0));
        }
        return ports;
    }

    /**
     * The input port whose name contains {@code nameSubstring} (case-insensitive); an exact name wins over
     * partial matches.
     *
     * @throws MidiPortNotFoundException when none or several match; the message lists the inputs
     */
    public static MidiPortInfo findInput(String nameSubstring) {
        return info(find(nameSubstring, true));
    }

    /** As {@link #findInput}, among output ports. */
    public static MidiPortInfo findOutput(String nameSubstring) {
        return info(find(nameSubstring, false));
    }

    /**
     * Opens the input port matching {@code nameSubstring} and feeds the clock, transport and SPP messages it
     * receives to {@code sink}, stamped with {@code time} on arrival.
     */
    public static MidiClockInput openInput(String nameSubstring, ClockSink sink, TimeSource time) {
        return new MidiClockInput(find(nameSubstring, true), sink, time);
    }

    /** Opens the output port matching {@code nameSubstring} for sending clock. */
    public static MidiClockOutput openOutput(String nameSubstring) {
        return new MidiClockOutput(find(nameSubstring, false));
    }

    private static MidiPortInfo info(MidiDevice device) {
        MidiDevice.Info info = device.getDeviceInfo();
        return new MidiPortInfo(info.getName(), info.getVendor(), info.getDescription(),
                device.getMaxTransmitters() != 0, device.getMaxReceivers() != 0);
    }

    static MidiDevice find(String nameSubstring, boolean input) {
        if (nameSubstring == null || nameSubstring.isBlank()) {
            throw new IllegalArgumentException("a MIDI port name (or part of one) is required");
        }
        String wanted = nameSubstring.toLowerCase(Locale.ROOT);
        String kind = input ? "input" : "output";
        Predicate<MidiDevice> direction = d -> input ? d.getMaxTransmitters() != 0 : d.getMaxReceivers() != 0;
        List<MidiDevice> candidates = devices().stream().filter(direction).toList();
        List<MidiDevice> exact = candidates.stream()
                .filter(d -> d.getDeviceInfo().getName().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        List<MidiDevice> matches = exact.isEmpty()
                ? candidates.stream()
                        .filter(d -> d.getDeviceInfo().getName().toLowerCase(Locale.ROOT).contains(wanted)).toList()
                : exact;
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new MidiPortNotFoundException("no MIDI " + kind + " matches '" + nameSubstring
                    + "'; available " + kind + "s: " + names(candidates));
        }
        throw new MidiPortNotFoundException("several MIDI " + kind + "s match '" + nameSubstring + "': "
                + names(matches) + "; give more of the name");
    }

    private static String names(List<MidiDevice> devices) {
        return devices.isEmpty() ? "(none)" : devices.stream()
                .map(d -> d.getDeviceInfo().getName()).distinct().collect(Collectors.joining(", "));
    }

    private static List<MidiDevice> devices() {
        List<MidiDevice> devices = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                MidiDevice device = MidiSystem.getMidiDevice(info);
                if (!(device instanceof Sequencer) && !(device instanceof Synthesizer)) {
                    devices.add(device);
                }
            } catch (MidiUnavailableException e) {
                // A device that vanished between listing and opening is simply not offered.
            }
        }
        return devices;
    }
}
