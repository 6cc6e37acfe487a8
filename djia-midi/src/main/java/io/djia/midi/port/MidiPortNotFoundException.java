package io.djia.midi.port;

/** No port, or more than one, matches the name asked for. The message lists the candidates, on one line. */
public final class MidiPortNotFoundException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MidiPortNotFoundException(String message) {
        super(message);
    }
}
