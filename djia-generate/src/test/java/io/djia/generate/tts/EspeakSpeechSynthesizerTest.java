package io.djia.generate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The espeak-ng engine's process and WAV handling, with a stand-in program that prints a known WAV. */
class EspeakSpeechSynthesizerTest {
    @TempDir
    Path dir;

    /** A 16-bit mono WAV as espeak-ng writes it to a pipe: RIFF and data sizes are placeholders. */
    static byte[] pipeWav(int rate, double hz, double seconds, double silenceSeconds) {
        int tone = (int) (rate * seconds);
        int pad = (int) (rate * silenceSeconds);
        int frames = tone + 2 * pad;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * frames).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(0x7ffff024).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0x7ffff000);
        for (int n = 0; n < frames; n++) {
            double v = n >= pad && n < pad + tone ? 0.3 * Math.sin(2 * Math.PI * hz * (n - pad) / rate) : 0;
            b.putShort((short) Math.round(v * 32767));
        }
        return b.array();
    }

    private Path fakeEspeak(byte[] wav, int exitCode) throws Exception {
        Path data = Files.write(dir.resolve("out.wav"), wav);
        Path script = dir.resolve("espeak-ng");
        Files.writeString(script, "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo 'eSpeak NG text-to-speech: 1.51'; exit 0; fi\n"
                + "cat > /dev/null\ncat '" + data + "'\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void placeholderSizesAreReadToTheEndAndResampled() throws Exception {
        Path script = fakeEspeak(pipeWav(22_050, 441, 0.5, 0.2), 0);
        EspeakSpeechSynthesizer espeak = EspeakSpeechSynthesizer.at(script).orElseThrow();
        assertTrue(espeak.description().contains("1.51"), espeak.description());
        AudioBuffer out = espeak.speak("Let's go deeper", 7, 48_000);
        assertEquals(48_000, out.sampleRate());
        assertEquals(0.5, out.durationSeconds(), 0.02, "silence trimmed to a 5 ms margin");
        assertEquals(0.5, out.peak(), 0.01, "normalised to -6 dBFS");
        // Upward zero crossings over the middle 0.4 s (away from the trimmed edges).
        int crossings = 0;
        float[] x = out.channel(0);
        int from = (x.length - 19_200) / 2;
        for (int i = from + 1; i < from + 19_200; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                crossings++;
            }
        }
        assertEquals(441 * 0.4, crossings, 2, "the 441 Hz tone survives resampling");
    }

    @Test
    void engineFailuresAreExplained() throws Exception {
        Path failing = fakeEspeak(pipeWav(22_050, 441, 0.1, 0), 3);
        SpeechSynthesizer.SpeechException e = assertThrows(SpeechSynthesizer.SpeechException.class,
                () -> EspeakSpeechSynthesizer.at(failing).orElseThrow().speak("hi", 5, 48_000));
        assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
        assertThrows(SpeechSynthesizer.SpeechException.class,
                () -> EspeakSpeechSynthesizer.parseWav("not a wav file at all".getBytes(StandardCharsets.US_ASCII)));
        byte[] noData = java.util.Arrays.copyOf(pipeWav(8000, 100, 0.01, 0), 36);
        assertThrows(SpeechSynthesizer.SpeechException.class, () -> EspeakSpeechSynthesizer.parseWav(noData));
        assertEquals(Optional.empty(), EspeakSpeechSynthesizer.at(dir.resolve("missing")));
    }

    @Test
    void startUpChoiceIsReported() {
        SpeechSynthesizer chosen = SpeechSynthesizers.detect();
        if (EspeakSpeechSynthesizer.find().isPresent()) {
            assertEquals("espeak-ng", chosen.name());
        } else {
            assertEquals("formant", chosen.name());
            assertTrue(chosen.description().contains("espeak-ng not found"), chosen.description());
        }
    }
}
