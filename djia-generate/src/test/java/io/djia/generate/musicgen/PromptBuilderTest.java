package io.djia.generate.musicgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import io.djia.generate.GenerationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {
    private static final StyleProfile TECHNO = ProfileLibrary.load("techno_minimal");

    private static GenerationRequest request(String layer, List<String> keywords, String prompt, String key, int intensity) {
        return new GenerationRequest(TECHNO, layer, keywords, prompt, Key.parse(key), Tempo.of(126), 4, intensity, 1, 44100);
    }

    @Test
    void describesStyleLayerKeywordsEnergyTempoAndKey() {
        assertEquals("techno minimal bassline, squelchy, Rolling, resonant, deep, punchy, hypnotic, berlin, "
                        + "energetic, driving, 126 bpm, in C minor, instrumental loop",
                PromptBuilder.build(request("bass", List.of("squelchy", "Rolling"), "", "C minor", 7)));
        assertEquals("techno minimal pad chords, dark, evolving, deep, punchy, resonant, hypnotic, berlin, calm, sparse, "
                + "126 bpm, in Eb major, instrumental loop", PromptBuilder.build(request("pad", List.of(), "", "Eb major", 1)));
    }

    @Test
    void freeTextTakesPriorityAndKeepsTempoAndKey() {
        assertEquals("dark rolling acid line, 126 bpm, in C minor",
                PromptBuilder.build(request("bass", List.of("squelchy"), "  dark rolling acid line ", "C minor", 9)));
        assertEquals("noise wash, 126 bpm", PromptBuilder.build(request("fx", List.of(), "noise wash", "atonal", 5)));
    }

    @Test
    void capsAndDeduplicatesKeywords() {
        String p = PromptBuilder.build(request("kick", List.of("a1", "a2", "A1", "a3", "a4", "a5", "a6", "a7", "a8", "a9"),
                "", "C minor", 5));
        assertEquals("techno minimal drum loop, a1, a2, a3, a4, a5, a6, a7, a8, steady groove, 126 bpm, in C minor, "
                + "instrumental loop", p);
        assertTrue(p.split(", ").length <= 1 + PromptBuilder.MAX_KEYWORDS + 4);
    }
}
