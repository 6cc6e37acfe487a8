package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.wav.WavReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LiveCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static boolean soundCardPresent() {
        try {
            AudioSystem.getSourceDataLine(new AudioFormat(44_100, 16, 2, true, false));
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    @Test
    void withoutASoundCardItSaysSoInOneLineAndSuggestsHeadless() {
        assumeTrue(!soundCardPresent(), "this machine has a sound card");
        Run r = run("live", "--profile", "techno_minimal", "--clock", "internal", "--bpm", "126", "--no-voice");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains("no audio output") && r.err().contains("--headless"), r.err());
    }

    @Test
    void headlessRunRecordsAValidWavOfTheSessionAndShowsTheAudioSettings(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("set.wav");
        Run r = run("live", "--headless", "--profile", "techno_minimal", "--bpm", "126", "--no-voice", "--duration",
                "2", "--record", wav.toString(), "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("audio: none (headless), 44100 Hz, 512-frame blocks"), r.out());
        assertTrue(r.out().contains("clock: internal, 126.0 BPM"), r.out());
        AudioBuffer audio = WavReader.read(wav).audio();
        double seconds = audio.frames() / 44_100.0;
        assertTrue(seconds > 1.5 && seconds < 3.0, "two seconds recorded, got " + seconds);
        assertTrue(audio.peak() > 0.01, "the set is heard in the recording, peak " + audio.peak());
    }

    @Test
    void conflictingClockOptionsAreUsageErrors() {
        Run both = run("live", "--headless", "--midi-in", "a", "--midi-out", "b");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--midi-out") && both.err().contains("--midi-in"), both.err());
        Run midi = run("live", "--headless", "--clock", "midi");
        assertEquals(2, midi.code());
        assertTrue(midi.err().contains("--midi-in"), midi.err());
    }
}
