package io.djia.separate.demucs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemucsModelDescriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonRoundTripAndHtdemucsShapes() throws Exception {
        DemucsModelDescription d = DemucsModelDescription.htdemucs("mix", "x", "add_67", "output");
        assertEquals(d, DemucsModelDescription.fromJson(JSON.readTree(d.toJson())));
        assertArrayEquals(new long[] {1, 2, 343_980}, d.waveformInputShape());
        assertArrayEquals(new long[] {1, 4, 2048, 336}, d.spectrogramInputShape());
        assertArrayEquals(new long[] {1, 4, 2, 343_980}, d.waveformOutputShape());
        assertArrayEquals(new long[] {1, 4, 4, 2048, 336}, d.spectrogramOutputShape());
        assertEquals(Path.of("models/htdemucs.json"), DemucsModelDescription.pathFor(Path.of("models/htdemucs.onnx")));
    }

    @Test
    void timeOnlyModelsNeedNoStftSizes() throws Exception {
        DemucsModelDescription d = DemucsModelDescription.fromJson(JSON.readTree(
                "{\"name\": \"demucs-time\", \"segment_frames\": 44100, \"stems\": [\"drums\", \"bass\", \"other\", \"vocals\","
                        + " \"guitar\", \"piano\"], \"waveform_input\": \"mix\", \"waveform_output\": \"sources\"}"));
        assertNull(d.spectrogramInput());
        assertEquals(44_100, d.sampleRate());
        assertEquals(0.25, d.overlap());
        assertArrayEquals(new long[] {1, 6, 2, 44_100}, d.waveformOutputShape());
    }

    @Test
    void mistakesNameTheFieldAndTheExpectation() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DemucsModelDescription
                .fromJson(JSON.readTree("{\"name\": \"m\", \"segment\": 7.8}")));
        assertTrue(unknown.getMessage().contains("\"segment\"") && unknown.getMessage().contains("segment_frames"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> DemucsModelDescription
                .fromJson(JSON.readTree("{\"name\": \"m\", \"stems\": [\"drums\"], \"waveform_input\": \"mix\","
                        + " \"waveform_output\": \"out\"}")));
        assertTrue(missing.getMessage().contains("segment_frames"));
        IllegalArgumentException fft = assertThrows(IllegalArgumentException.class, () -> DemucsModelDescription
                .fromJson(JSON.readTree("{\"name\": \"m\", \"segment_frames\": 343980, \"stems\": [\"drums\"],"
                        + " \"waveform_input\": \"mix\", \"spectrogram_input\": \"x\", \"waveform_output\": \"out\"}")));
        assertTrue(fft.getMessage().contains("fft_size"));
    }
}
