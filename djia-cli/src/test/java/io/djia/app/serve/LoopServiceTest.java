package io.djia.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Tempo;
import io.djia.generate.GenerationCancelledException;
import io.djia.generate.brain.ManageLayer;
import io.djia.generate.brain.RuleBrain;
import io.djia.generate.procedural.ProceduralGenerator;
import io.djia.separate.Separator;
import io.djia.separate.SeparatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generation behind the endpoint, without HTTP. */
class LoopServiceTest {
    private static LoopRequest request(String style, String prompt, Double bpm, int measures) {
        return new LoopRequest(prompt, style, bpm, null, measures, List.of(), 11, null);
    }

    @Test
    void loopsAreExactlyTheAskedBarsAtAnyTempo() {
        try (LoopService service = new LoopService(new ProceduralGenerator(), new RuleBrain())) {
            for (double bpm : new double[] {97.3, 174}) {
                GeneratedLoop loop = service.generate(request("jungle_dnb", "bass", bpm, 2), () -> false);
                assertEquals(Tempo.of(bpm).framesOfBars(2, 44_100), loop.audio().frames(), "at " + bpm + " BPM");
                assertEquals(bpm, loop.bpm());
                assertEquals(44 + 4L * loop.audio().frames(), loop.wav().length, "16-bit stereo WAV");
            }
        }
    }

    @Test
    void aTempoInThePromptCountsOnlyWithoutAnExplicitBpm() {
        try (LoopService service = new LoopService(new ProceduralGenerator(), new RuleBrain())) {
            assertEquals(130.0, service.generate(request("techno_minimal", "bass at 130 bpm", null, 1), () -> false).bpm());
            assertEquals(122.0, service.generate(request("techno_minimal", "bass at 130 bpm", 122.0, 1), () -> false).bpm());
        }
    }

    @Test
    void aPromptWithoutALayerFallsBackToMatchingKeywordsOrTheMainBeat() {
        StyleProfile techno = ProfileLibrary.load("techno_minimal");
        ManageLayer beat = LoopService.fallback(techno, request("techno_minimal", "zzz qqq", null, 2));
        assertEquals(techno.layerTypesWithRole(LayerRole.RHYTHM).get(0).name(), beat.sampleDetails().type());
        assertEquals(2, beat.sampleDetails().measures());
        assertTrue(beat.reasoning().contains("main beat"), beat.reasoning());
        // techno_minimal's synth is "hypnotic, minimal stab"; its pad is "dark, evolving".
        assertEquals("synth", LoopService.fallback(techno, request("techno_minimal", "something hypnotic", null, 4))
                .sampleDetails().type());
        assertEquals("pad", LoopService.fallback(techno, request("techno_minimal", "dark and evolving", null, 4))
                .sampleDetails().type());
    }

    @Test
    void withSeparationTheLoopHoldsThePreferredStems() {
        BlockingGenerator sine = new BlockingGenerator();
        sine.release();
        try (LoopService service = new LoopService(sine, new RuleBrain(), Separator.create(SeparatorOptions.defaults()))) {
            GeneratedLoop whole = service.generate(stems("all"), () -> false);
            assertEquals(List.of("all"), whole.stemsUsed());
            // The four stems sum back to the clip, so keeping all four by name gives the clip again.
            GeneratedLoop four = service.generate(stems("drums", "bass", "other", "vocals"), () -> false);
            assertEquals(List.of("drums", "bass", "other", "vocals"), four.stemsUsed());
            double worst = 0;
            for (int i = 0; i < four.audio().frames(); i++) {
                worst = Math.max(worst, Math.abs(four.audio().channel(0)[i] - whole.audio().channel(0)[i]));
            }
            assertTrue(20 * Math.log10(worst + 1e-12) < -80, "four stems differ from the clip by "
                    + 20 * Math.log10(worst) + " dBFS");
            GeneratedLoop bass = service.generate(stems("bass"), () -> false);
            assertEquals(List.of("bass"), bass.stemsUsed());
            assertEquals(whole.audio().frames(), bass.audio().frames());
            // A steady 440 Hz tone is not a bass: the bass stem keeps far less than the whole clip.
            assertTrue(bass.audio().rms() < 0.5 * whole.audio().rms(), bass.audio().rms() + " vs " + whole.audio().rms());
        }
    }

    private static LoopRequest stems(String... stems) {
        return new LoopRequest("bass", "techno_minimal", null, null, 1, List.of(stems), 4, null);
    }

    @Test
    void aCancelledRequestStopsBeforeGenerating() {
        try (LoopService service = new LoopService(new BlockingGenerator(), new RuleBrain())) {
            assertThrows(GenerationCancelledException.class,
                    () -> service.generate(request("rock", "riff", null, 1), () -> true));
        }
    }
}
