package io.djia.generate.procedural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import io.djia.generate.GenerationRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProceduralGeneratorTest {
    static Stream<Arguments> allLayers() {
        return Clips.layers(Set.of()).stream();
    }

    /**
     * Every layer of every profile, at every loop length and two sample rates: exact length, stereo, finite, peak
     * at most -1 dBFS, audible, no DC, and a seam no larger than the clip's own sample-to-sample movement (its
     * 99th percentile, or the largest jump within 5 ms of the seam where the music itself moves faster there).
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("allLayers")
    void rendersExactCleanSeamlessLoops(String profile, String layer) {
        for (int sampleRate : new int[] {44100, 48000}) {
            for (int bars : new int[] {1, 2, 4, 8}) {
                GenerationRequest request = Clips.request(profile, layer, bars, 6, 11L * bars + sampleRate, sampleRate);
                AudioBuffer clip = Clips.render(request);
                String what = profile + "/" + layer + " " + bars + " bars @" + sampleRate;
                assertEquals(2, clip.channels(), what + ": stereo");
                assertEquals(request.frames(), clip.frames(), what + ": length");
                assertEquals(sampleRate, clip.sampleRate(), what + ": rate");
                assertFalse(ClipAnalysis.hasNaN(clip), what + ": finite samples");
                double peakDb = ClipAnalysis.db(clip.peak());
                assertTrue(peakDb <= -1.0 + 1e-3, what + ": peak " + peakDb + " dBFS above -1 dBFS");
                double rmsDb = ClipAnalysis.db(clip.rms());
                assertTrue(rmsDb > -45.0, what + ": RMS " + rmsDb + " dBFS is near silence");
                for (int c = 0; c < 2; c++) {
                    double dcDb = ClipAnalysis.db(Math.abs(ClipAnalysis.mean(clip.channel(c))));
                    assertTrue(dcDb < -40.0, what + ": DC " + dcDb + " dBFS in channel " + c);
                }
                double seam = ClipAnalysis.seamJump(clip);
                double typical = Math.max(ClipAnalysis.jumpQuantile(clip, 0.99),
                        ClipAnalysis.jumpNearSeam(clip, sampleRate / 200));
                assertTrue(seam <= typical + 1e-5, what + ": seam jump " + seam + " exceeds both the 99th percentile of"
                        + " the clip's sample-to-sample jumps and the largest jump within 5 ms of the seam: " + typical);
            }
        }
    }

    /**
     * Extremes the set can ask for: intensity 1 and 10, a 3/4 meter, slow and fast tempos, another key, sample
     * rates of 8 and 96 kHz. Still exact, finite, within the peak ceiling and audible.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("allLayers")
    void extremesStayValid(String profile, String layer) {
        StyleProfile p = ProfileLibrary.load(profile);
        Object[][] cases = {{1, 60.0, 4, "F# major", 8000}, {10, 190.0, 3, "Bb minor", 96000}};
        for (Object[] c : cases) {
            Tempo tempo = new Tempo((Double) c[1], (Integer) c[2]);
            GenerationRequest request = new GenerationRequest(p, layer, List.of("dark"), "", Key.parse((String) c[3]),
                    tempo, 2, (Integer) c[0], 77L, (Integer) c[4]);
            AudioBuffer clip = Clips.render(request);
            String what = profile + "/" + layer + " " + Arrays.toString(c);
            assertEquals(request.frames(), clip.frames(), what);
            assertFalse(ClipAnalysis.hasNaN(clip), what);
            assertTrue(ClipAnalysis.db(clip.peak()) <= -1.0 + 1e-3, what + ": peak");
            assertTrue(ClipAnalysis.db(clip.rms()) > -50.0, what + ": RMS " + ClipAnalysis.db(clip.rms()));
        }
    }

    @Test
    void seamMetricCatchesABrokenLoop() {
        // A sine of 100.5 cycles ends half a cycle out of phase: a seam of up to twice the amplitude.
        int n = 44100;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 100.5 * i / n + 0.3));
        }
        AudioBuffer broken = new AudioBuffer(new float[][] {x, x.clone()}, 44100);
        assertTrue(ClipAnalysis.seamJump(broken) > 10 * ClipAnalysis.jumpQuantile(broken, 0.99));
        assertTrue(ClipAnalysis.seamJump(broken) > 10 * ClipAnalysis.jumpNearSeam(broken, 220));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("allLayers")
    void sameRequestGivesIdenticalAudioAndAnotherSeedDiffers(String profile, String layer) {
        AudioBuffer a = Clips.render(Clips.request(profile, layer, 2, 7, 42L, 44100));
        AudioBuffer b = Clips.render(Clips.request(profile, layer, 2, 7, 42L, 44100));
        AudioBuffer c = Clips.render(Clips.request(profile, layer, 2, 7, 43L, 44100));
        for (int ch = 0; ch < 2; ch++) {
            assertArrayEquals(a.channel(ch), b.channel(ch), profile + "/" + layer + ": same seed must be bit-identical");
        }
        assertFalse(Arrays.equals(a.channel(0), c.channel(0)), profile + "/" + layer + ": another seed must differ");
    }

    static Stream<Arguments> fallbackRoles() {
        return Stream.of(
                Arguments.of(LayerRole.RHYTHM, "generic_drums"), Arguments.of(LayerRole.PERCUSSION, "shaker"),
                Arguments.of(LayerRole.BASS, "sub_bass"), Arguments.of(LayerRole.HARMONY, "pad"),
                Arguments.of(LayerRole.LEAD, "pluck"), Arguments.of(LayerRole.TEXTURE, "texture"),
                Arguments.of(LayerRole.FX, "riser"));
    }

    /** An instrument no recipe knows plays the role's fallback recipe, bit for bit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fallbackRoles")
    void unknownInstrumentFallsBackByRole(LayerRole role, String fallback) {
        assertEquals(fallback, ProceduralGenerator.recipeFor("kazoo_orchestra", role));
        AudioBuffer unknown = Clips.render(userRequest(role, "kazoo_orchestra"));
        AudioBuffer known = Clips.render(userRequest(role, fallback));
        assertTrue(unknown.rms() > 1e-3, "fallback must not be silent");
        assertArrayEquals(known.channel(0), unknown.channel(0));
    }

    private static GenerationRequest userRequest(LayerRole role, String instrument) {
        List<LayerType> layers = List.of(
                new LayerType("beat", LayerRole.RHYTHM, role == LayerRole.RHYTHM ? instrument : "generic_drums", List.of(), List.of()),
                new LayerType("thing", role, instrument, List.of(), List.of()));
        StyleProfile profile = new StyleProfile("my_style", "", 120, "A minor", 4, layers, List.of(), List.of(),
                List.of(new Phase("all", 5, 1, 2)), 4, List.of(), 3, 8, 3, 0.0);
        String layer = role == LayerRole.RHYTHM ? "beat" : "thing";
        return new GenerationRequest(profile, layer, List.of(), "", profile.parsedKey(), profile.tempo(), 2, 6, 5L, 44100);
    }

    @Test
    void metadataSaysProceduralAndOnGrid() {
        ProceduralGenerator g = new ProceduralGenerator();
        assertEquals("procedural", g.name());
        assertFalse(g.isNeural());
        assertTrue(g.outputIsOnGrid());
        assertTrue(ProceduralGenerator.instruments().containsAll(List.of("techno_drums", "acid_bass", "breakbeat", "808_bass")));
    }
}
