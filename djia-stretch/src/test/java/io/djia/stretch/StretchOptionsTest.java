package io.djia.stretch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StretchOptionsTest {
    @Test
    void defaultsAreTheIdentity() {
        StretchOptions d = StretchOptions.defaults();
        assertEquals(1.0, d.ratio());
        assertEquals(0.0, d.pitchSemitones());
        assertEquals(Quality.STANDARD, d.quality());
        assertEquals(1.0, d.pitchScale(), 1e-15);
    }

    @Test
    void withersChangeOneFieldEach() {
        StretchOptions o = StretchOptions.defaults().withRatio(1.05).withPitchSemitones(7)
                .withFormantPreserved(true).withQuality(Quality.FINE);
        assertEquals(new StretchOptions(1.05, 7, true, Quality.FINE), o);
        assertEquals(Math.pow(2, 7 / 12.0), o.pitchScale(), 1e-12);
    }

    @Test
    void tempoAndCentsConvert() {
        assertEquals(120.0 / 128.0, StretchOptions.defaults().withTempo(120, 128).ratio(), 1e-15);
        assertEquals(-2.25, StretchOptions.defaults().withPitch(-2, -25).pitchSemitones(), 1e-12);
    }

    @Test
    void rejectsOutOfRangeValuesNamingThem() {
        IllegalArgumentException ratio = assertThrows(IllegalArgumentException.class,
                () -> StretchOptions.defaults().withRatio(5));
        assertTrue(ratio.getMessage().contains("5.0") && ratio.getMessage().contains("4.0"), ratio.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StretchOptions.defaults().withRatio(Double.NaN));
        IllegalArgumentException pitch = assertThrows(IllegalArgumentException.class,
                () -> StretchOptions.defaults().withPitchSemitones(30));
        assertTrue(pitch.getMessage().contains("30.0"), pitch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StretchOptions.defaults().withTempo(0, 120));
        assertThrows(NullPointerException.class, () -> StretchOptions.defaults().withQuality(null));
    }
}
