package io.djia.cli;

import io.djia.midi.ClockFollower;
import io.djia.midi.ClockFollowerOptions;
import io.djia.midi.ClockState;
import io.djia.midi.TimeSource;
import io.djia.midi.port.MidiClockInput;
import io.djia.midi.port.MidiPortInfo;
import io.djia.midi.port.MidiPortNotFoundException;
import io.djia.midi.port.MidiPorts;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code djia midi}: MIDI ports and a clock monitor. */
@Command(name = "midi", mixinStandardHelpOptions = true,
        description = {
            "MIDI ports and clock sync.",
            "",
            "  djia midi ports                      list the MIDI ports Java can see",
            "  djia midi monitor --in loopMIDI      follow a DAW's MIDI clock: tempo, bar:beat, transport",
            "",
            "Ports are chosen by any part of their name (\"loopMIDI\", \"IAC\", \"Bitwig\"). On Linux Java sees",
            "ALSA raw MIDI ports only."
        },
        subcommands = {MidiCommand.Ports.class, MidiCommand.Monitor.class})
public final class MidiCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code djia midi ports}. */
    @Command(name = "ports", mixinStandardHelpOptions = true, description = "List the MIDI ports Java can see.")
    static final class Ports implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<MidiPortInfo> ports = MidiPorts.list();
            out.printf("%-7s %-32s %s%n", "DIR", "NAME", "VENDOR / DESCRIPTION");
            for (MidiPortInfo p : ports) {
                out.printf("%-7s %-32s %s%n", p.direction(), p.name(),
                        (p.vendor() + " / " + p.description()).replaceAll("^ / | / $", ""));
            }
            if (ports.isEmpty()) {
                out.println("(no MIDI ports: start a virtual port such as loopMIDI or the IAC driver, or plug one in)");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code djia midi monitor}. */
    @Command(name = "monitor", mixinStandardHelpOptions = true,
            description = "Follow the MIDI clock on an input and print tempo, bar:beat and transport four times a second.")
    static final class Monitor implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--in", paramLabel = "NAME", description = "Input port, by any part of its name. "
                + "Default: the only input, if there is one.")
        String input;

        @Option(names = "--seconds", paramLabel = "N", defaultValue = "0",
                description = "Stop after N seconds; 0 (default) runs until Ctrl-C.")
        double seconds;

        @Option(names = "--beats-per-bar", paramLabel = "N", defaultValue = "4", description = "Meter for bar:beat (default 4).")
        int beatsPerBar;

        @Override
        public Integer call() throws InterruptedException {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("--seconds must be 0 or more, got " + seconds);
            }
            PrintWriter out = spec.commandLine().getOut();
            TimeSource time = TimeSource.system();
            ClockFollower follower = new ClockFollower(
                    ClockFollowerOptions.defaults().withBeatsPerBar(beatsPerBar));
            try (MidiClockInput in = MidiPorts.openInput(input == null ? onlyInput() : input, follower, time)) {
                out.println("Following MIDI clock on '" + in.name() + "'" + (seconds > 0 ? " for " + seconds + " s" : "")
                        + "; Ctrl-C to stop.");
                out.flush();
                long end = seconds > 0 ? time.nanoTime() + Math.round(seconds * 1e9) : Long.MAX_VALUE;
                while (time.nanoTime() - end < 0) {
                    Thread.sleep(250);
                    follower.checkClockLost(time.nanoTime());
                    out.println(describe(follower.snapshot()));
                    out.flush();
                }
            }
            return 0;
        }

        private static String onlyInput() {
            List<MidiPortInfo> inputs = MidiPorts.list().stream().filter(MidiPortInfo::input).toList();
            if (inputs.size() == 1) {
                return inputs.get(0).name();
            }
            throw new MidiPortNotFoundException("choose a MIDI input with --in NAME; available inputs: "
                    + (inputs.isEmpty() ? "(none)" : inputs.stream().map(MidiPortInfo::name).collect(Collectors.joining(", "))));
        }

        static String describe(ClockState s) {
            String tempo = Double.isNaN(s.bpm()) ? "  ---.--" : String.format("%7.2f", s.bpm());
            String lock = s.clockLost() ? "clock lost" : s.locked() ? "locked" : "locking";
            return String.format("%s BPM  %8s  %-7s  %-10s  dropped %d  outliers %d  relocks %d", tempo, s.barBeat(),
                    s.running() ? "PLAYING" : "STOPPED", lock, s.droppedTicks(), s.outlierTicks(), s.relocks());
        }
    }
}
