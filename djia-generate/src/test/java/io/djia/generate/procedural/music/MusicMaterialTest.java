package io.djia.generate.procedural.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.ProfileLibrary;
import io.djia.core.theory.Key;
import io.djia.core.theory.Mode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MusicMaterialTest {
    private static String pattern(boolean[] r) {
        StringBuilder sb = new StringBuilder();
        for (boolean b : r) {
            sb.append(b ? 'x' : '.');
        }
        return sb.toString();
    }

    @Test
    void euclideanRhythmsAreTheTraditionalOnes() {
        assertEquals("x..x..x.", pattern(Euclid.rhythm(3, 8, 0)), "tresillo");
        assertEquals("x.xx.xx.", pattern(Euclid.rhythm(5, 8, 0)), "cinquillo");
        assertEquals("x...x...x...x...", pattern(Euclid.rhythm(4, 16, 0)), "four on the floor");
        assertEquals(".x..x..x", pattern(Euclid.rhythm(3, 8, 1)), "rotated right by one");
    }

    @Test
    void scaleDegreesGiveTheKeysNotes() {
        Scale cMinor = Scale.of(Key.parse("C minor"), 0);
        assertEquals(60.0, cMinor.midi(28), 1e-9, "degree 28 = tonic in octave 4 = middle C");
        assertEquals(63.0, cMinor.midi(30), 1e-9, "minor third");
        assertEquals(58.0, cMinor.midi(27), 1e-9, "subtonic below");
        Scale a = Scale.of(Key.ATONAL, 5);
        Scale b = Scale.of(Key.ATONAL, 5);
        Set<Double> offsets = new HashSet<>();
        for (int d = 0; d < 7; d++) {
            assertEquals(a.midi(d), b.midi(d), 0.0, "atonal material is seeded");
            offsets.add(a.midi(d) - 12);
            assertTrue(a.midi(d + 1) > a.midi(d), "ascending degrees");
        }
        assertEquals(7, offsets.size());
    }

    @Test
    void everyStyleProgressionStaysDiatonicAndAvoidsTheDiminishedRoot() {
        for (String style : ProfileLibrary.BUILT_IN) {
            for (int tonic = 0; tonic < 12; tonic++) {
                for (Mode mode : Mode.values()) {
                    Key key = Key.of(tonic, mode);
                    ChordPlan plan = ChordPlan.forStyle(style, key);
                    int diminished = mode == Mode.MINOR ? 1 : 6;
                    for (Chord c : plan.chords()) {
                        assertNotEquals(diminished, c.root(), style + " in " + key);
                    }
                    assertEquals(plan.chordAtBar(0), plan.chordAtBar(4 * plan.barsPerChord()), "repeats every four chords");
                }
            }
        }
    }

    @Test
    void progressionDependsOnStyleAndKeyOnly() {
        Key key = Key.parse("E flat minor");
        assertEquals(ChordPlan.forStyle("deep_house", key).chords(), ChordPlan.forStyle("deep_house", key).chords());
        assertEquals(2, ChordPlan.forStyle("deep_house", key).chords().get(0).extensions(), "deep house uses ninth chords");
    }

    @Test
    void voiceLeadingMovesLessThanRootPositionJumps() {
        Scale scale = Scale.of(Key.parse("A minor"), 0);
        ChordPlan plan = ChordPlan.of(new int[] {0, 5, 2, 6}, 0, 1);
        int[] previous = null;
        double led = 0;
        double rootPosition = 0;
        int[] previousRoot = null;
        for (int bar = 0; bar < 8; bar++) {
            Chord chord = plan.chordAtBar(bar);
            int[] voicing = Voicing.lead(previous, chord, scale, 55, 76);
            for (int d : voicing) {
                assertTrue(scale.midi(d) >= 55 && scale.midi(d) <= 76, "inside the range");
                assertTrue(chord.contains(d), "a chord tone");
            }
            int[] root = new int[3];
            for (int i = 0; i < 3; i++) {
                root[i] = scale.degreeNear(chord.root(), 57) + 2 * i;
            }
            if (previous != null) {
                for (int i = 0; i < 3; i++) {
                    led += Math.abs(scale.midi(voicing[i]) - scale.midi(previous[i]));
                    rootPosition += Math.abs(scale.midi(root[i]) - scale.midi(previousRoot[i]));
                }
            }
            previous = voicing;
            previousRoot = root;
        }
        assertTrue(led < 0.6 * rootPosition, "voice-led motion " + led + " vs root position " + rootPosition + " semitones");
    }

    @Test
    void melodiesStayInRangeLandOnChordTonesAndRepeatTheirMotif() {
        Key key = Key.parse("D minor");
        ChordPlan plan = ChordPlan.forStyle("classical", key);
        MelodyWriter.Style style = new MelodyWriter.Style(0.7, true, 28, 40, 4, 0.8, 1);
        List<MelodyNote> notes = MelodyWriter.write(plan, 4, 16, style, new SplittableRandom(3));
        assertTrue(notes.size() >= 8, "a melody of " + notes.size() + " notes");
        for (MelodyNote n : notes) {
            assertTrue(n.degree() >= 28 && n.degree() <= 40, "degree " + n.degree() + " out of range");
            assertTrue(n.step() >= 0 && n.step() < 64);
            if (n.step() % 4 == 0) {
                assertTrue(plan.chordAtBar(n.step() / 16).contains(n.degree()), "on-beat note " + n + " is a chord tone");
            }
        }
        // Bars 1 and 2 state the same rhythm (the motif); the phrase's last bar may vary it.
        Set<Integer> bar0 = notes.stream().filter(n -> n.step() < 16).map(MelodyNote::step).collect(Collectors.toSet());
        Set<Integer> bar1 = notes.stream().filter(n -> n.step() >= 16 && n.step() < 32).map(n -> n.step() - 16).collect(Collectors.toSet());
        assertEquals(bar0, bar1);
        List<MelodyNote> again = MelodyWriter.write(plan, 4, 16, style, new SplittableRandom(3));
        assertEquals(notes, again, "seeded");
        List<MelodyNote> other = MelodyWriter.write(plan, 4, 16, style, new SplittableRandom(4));
        assertNotEquals(notes, other);
    }

    @Test
    void chordTonesStackInThirds() {
        assertArrayEquals(new int[] {3, 5, 7, 9}, new Chord(3, 1).degrees());
        assertTrue(new Chord(0, 2).contains(8), "the ninth");
        assertTrue(new Chord(0, 0).contains(-7), "the root an octave down");
        assertEquals(Set.of(0, 2, 4), Arrays.stream(new Chord(0, 0).degrees()).boxed().collect(Collectors.toSet()));
    }
}
