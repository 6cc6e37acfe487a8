package io.djia.midi.port;

/**
 * A MIDI port as the system names it.
 *
 * @param name        the name to choose it by ("loopMIDI Port", "IAC Driver Bus 1", "VirMIDI [hw:1,0,0]")
 * @param vendor      as reported by the driver, possibly empty
 * @param description as reported by the driver, possibly empty
 * @param input       clock can be received from it
 * @param output      clock can be sent to it
 */
public record MidiPortInfo(String name, String vendor, String description, boolean input, boolean output) {
    public MidiPortInfo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a MIDI port needs a name");
        }
        vendor = vendor == null ? "" : vendor;
        description = description == null ? "" : description;
    }

    /** "in", "out" or "in/out". */
    public String direction() {
        return input && output ? "in/out" : input ? "in" : "out";
    }
}
