package io.djia.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TempoTest {
    @Test
    void barLengthIsExactAt126Bpm() {
        assertEquals(84_000.0, Tempo.of(126).samplesPerBar(44_100), 1e-9);
        assertEquals(84_000 * 4, Tempo.of(126).framesOfBars(4, 44_100));
    }

    @Test
    void noDriftAfterAnHourAtAnAwkwardTempo() {
        Tempo tempo = Tempo.of(174);
        long bars = Math.round(3600 / tempo.secondsPerBar());
        double exact = bars * 4 * 60.0 / 174 * 44_100;
        assertEquals(exact, tempo.frameOfBar(bars, 44_100), 0.5);
    }

    @Test
    void nextBarBoundary() {
        Tempo tempo = Tempo.of(120);
        assertEquals(88_200, tempo.nextBarFrame(1, 44_100));
        assertEquals(88_200, tempo.nextBarFrame(88_200, 44_100));
        assertEquals(1, tempo.barAtFrame(88_200, 44_100));
    }

    @Test
    void rejectsAbsurdTempo() {
        assertThrows(IllegalArgumentException.class, () -> Tempo.of(0));
        assertThrows(IllegalArgumentException.class, () -> Tempo.of(Double.NaN));
    }
}
