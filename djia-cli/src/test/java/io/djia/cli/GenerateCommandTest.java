package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.theory.Tempo;
import io.djia.core.wav.LoopMetadata;
import io.djia.core.wav.WavFile;
import io.djia.core.wav.WavReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
    @Test
    void loopCarriesItsTempoAndLoopPointsForDaws(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bass.wav");
        int code = Main.commandLine().execute("generate", "--profile", "jungle_dnb", "--type", "bass", "--bars", "2",
                "-o", out.toString());
        assertEquals(0, code);
        WavFile wav = WavReader.read(out);
        int frames = Tempo.of(174).framesOfBars(2, 44_100);
        assertEquals(frames, wav.audio().frames(), "exactly two bars at 174 BPM");
        LoopMetadata loop = wav.loop().orElseThrow();
        assertEquals(174.0, loop.bpm(), 1e-3);
        assertEquals(8, loop.beats());
        assertEquals(0, loop.loopStartFrame());
        assertEquals(frames, loop.loopEndFrame());
    }

    @Test
    void unknownLayerTypeNamesTheValidOnes(@TempDir Path dir) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("generate", "--profile", "dub", "--type", "kazoo", "-o", dir.resolve("x.wav").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("kazoo") && err.toString().contains("riddim"), err.toString());
        assertTrue(Files.notExists(dir.resolve("x.wav")));
    }
}
