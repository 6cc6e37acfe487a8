package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.midi.ClockEvent;
import io.djia.midi.ClockFollower;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code djia midi}: what it prints; the ports themselves are tested in djia-midi with a loopback port. */
class MidiCommandTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void portsPrintsAHeader() {
        Run run = run("midi", "ports");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("DIR     NAME"), run.out());
    }

    @Test
    void anUnknownPortIsAOneLineUsageErrorListingTheInputs() {
        Run run = run("midi", "monitor", "--in", "no-such-port-xyz", "--seconds", "1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("djia monitor: no MIDI input matches 'no-such-port-xyz'; available inputs: "),
                run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void monitorLinesShowTempoBarBeatAndTransport() {
        ClockFollower follower = new ClockFollower();
        follower.accept(ClockEvent.of(ClockEvent.Type.START, 0));
        for (int k = 0; k <= 24 * 5; k++) {
            follower.accept(ClockEvent.clock(Math.round(1e9 + k * 60e9 / (24 * 125))));
        }
        String line = MidiCommand.Monitor.describe(follower.snapshot());
        assertTrue(line.matches(" 125\\.00 BPM +2:2 +PLAYING +locked .*"), line);
    }
}
