package io.djia.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyTest {
    @ParameterizedTest
    @CsvSource({
        "C minor, 0, MINOR", "Cm, 0, MINOR", "F# minor, 6, MINOR", "E flat minor, 3, MINOR", "Eb, 3, MAJOR",
        "eb minor, 3, MINOR", "Bbmaj, 10, MAJOR", "A, 9, MAJOR", "G#m, 8, MINOR", "D major, 2, MAJOR", "Cb, 11, MAJOR"
    })
    void parsesCommonSpellings(String text, int tonic, Mode mode) {
        Key key = Key.parse(text);
        assertEquals(tonic, key.tonic());
        assertEquals(mode, key.mode());
    }

    @Test
    void atonalParses() {
        assertTrue(Key.parse("atonal").atonal());
        assertEquals("", Key.parse("atonal").camelot());
    }

    @Test
    void badNameSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Key.parse("H minor"));
        assertTrue(e.getMessage().contains("H minor"));
        assertTrue(e.getMessage().contains("expected"));
    }

    @ParameterizedTest
    @CsvSource({"C minor, 5A", "A minor, 8A", "Ab minor, 1A", "Db minor, 12A", "C major, 8B", "B major, 1B", "E major, 12B", "F# minor, 11A"})
    void camelotCodes(String text, String code) {
        assertEquals(code, Key.parse(text).camelot());
    }

    @Test
    void relativeAndCompatibility() {
        assertEquals(Key.parse("Eb major"), Key.parse("C minor").relative());
        assertTrue(Key.parse("C minor").isCompatibleWith(Key.parse("G minor")));
        assertTrue(Key.parse("C minor").isCompatibleWith(Key.parse("Eb major")));
        assertTrue(!Key.parse("C minor").isCompatibleWith(Key.parse("F# minor")));
    }

    @Test
    void midiNotesOfScale() {
        Key cMinor = Key.parse("C minor");
        assertEquals(60, cMinor.midiNote(0, 4));
        assertEquals(63, cMinor.midiNote(2, 4));
        assertEquals(72, cMinor.midiNote(7, 4));
        assertEquals(440.0, Key.midiToHz(69), 1e-9);
    }
}
