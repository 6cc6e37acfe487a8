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
    void aCancelledRequestStopsBeforeGenerating() {
        try (LoopService service = new LoopService(new BlockingGenerator(), new RuleBrain())) {
            assertThrows(GenerationCancelledException.class,
                    () -> service.generate(request("rock", "riff", null, 1), () -> true));
        }
    }
}
