package io.djia.generate.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.djia.core.fx.EffectSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {
    private static final ManageLayer BASS = new ManageLayer("bass_1", ManageLayer.LayerOperation.ADD_REPLACE,
            new ManageLayer.SampleDetails("bass", List.of("deep", "rolling"), "C minor", 4, 7, List.of("bass")),
            new ManageLayer.PlaybackParams(0.8, 0, ManageLayer.StartBehavior.NEXT_BAR, 0),
            List.of(EffectSpec.highPass(40), EffectSpec.delay("1/8d", 0.45, 0.2), EffectSpec.reverb(0.7, 3, 0.3)),
            ManageLayer.StopBehavior.FADE_OUT_BAR, "The drop needs a bass.");

    @Test
    void writesTheSeedsFieldNamesAndLowerCaseValues() {
        JsonNode tree = DecisionJson.readTree(DecisionJson.toJson(BASS));
        assertEquals("manage_layer", tree.get("action_type").asText());
        assertEquals("add_replace", tree.get("operation").asText());
        assertEquals("fade_out_bar", tree.get("stop_behavior").asText());
        assertEquals("next_bar", tree.at("/playback_params/start_behavior").asText());
        assertEquals("deep", tree.at("/sample_details/musicgen_prompt_keywords/0").asText());
        assertEquals(4, tree.at("/sample_details/measures").asInt());
        JsonNode hpf = tree.at("/effects/0");
        assertEquals("hpf", hpf.get("type").asText());
        assertEquals(40.0, hpf.get("cutoff_hz").asDouble(), 0);
        assertFalse(hpf.has("feedback"), "filters carry only filter fields");
        assertEquals("1/8d", tree.at("/effects/1/note_value").asText());
        assertEquals(3.0, tree.at("/effects/2/decay_seconds").asDouble(), 0);
    }

    @Test
    void everyKindRoundTrips() {
        List<Decision> all = List.of(BASS,
                new ManageLayer("kick_1", ManageLayer.LayerOperation.REMOVE, null, null, List.of(),
                        ManageLayer.StopBehavior.NEXT_BAR_END, "Breakdown."),
                new Speech("Let's go deeper.", 8, "Peak."), new SetPhase("drop", "Bar 104."),
                new SetTempo(128.5, "Faster."), new SetKey("F minor", "Requested."));
        for (Decision d : all) {
            assertEquals(d, DecisionJson.parse(DecisionJson.toJson(d)));
        }
    }

    @Test
    void readsTheSeedsFormWithAliasesAndSingleStem() {
        String seed = """
                {"action_type": "manage_layer", "layer_id": "pad_1", "operation": "add_replace",
                 "sample_details": {"type": "pad", "musicgen_prompt_keywords": ["dark"], "key": "C minor",
                   "measures": 8, "intensity": 5, "preferred_stems": "other"},
                 "playback_params": {"volume": 0.6, "pan": -0.3, "start_behavior": "next_bar"},
                 "effects": [{"type": "reverb", "size": 0.8, "decay": 4}, {"type": "delay", "time": "1/4", "feedback": 0.7}],
                 "stop_behavior": "fade_out_bar", "reasoning": "Pads for the breakdown."}""";
        ManageLayer m = (ManageLayer) DecisionJson.parse(seed);
        assertEquals(List.of("other"), m.sampleDetails().preferredStems());
        assertEquals(4.0, m.effects().get(0).decaySeconds(), 0);
        assertEquals("1/4", m.effects().get(1).noteValue());
        assertEquals(0.7, m.effects().get(1).feedback(), 0);
    }

    @Test
    void errorsNameTheField() {
        DecisionJson.DecisionParseException measures = assertThrows(DecisionJson.DecisionParseException.class,
                () -> DecisionJson.parse(DecisionJson.toJson(BASS).replace("\"measures\":4", "\"measures\":3")));
        assertEquals("sample_details.measures", measures.field(), measures.getMessage());
        assertTrue(measures.getMessage().contains("1, 2, 4 or 8"), measures.getMessage());

        DecisionJson.DecisionParseException volume = assertThrows(DecisionJson.DecisionParseException.class,
                () -> DecisionJson.parse(DecisionJson.toJson(BASS).replace("\"volume\":0.8", "\"volume\":\"loud\"")));
        assertEquals("playback_params.volume", volume.field(), volume.getMessage());

        assertEquals("action_type", assertThrows(DecisionJson.DecisionParseException.class,
                () -> DecisionJson.parse("{\"text\": \"hi\"}")).field());
        assertThrows(DecisionJson.DecisionParseException.class, () -> DecisionJson.parse("{\"action_type\": "));
        assertThrows(DecisionJson.DecisionParseException.class, () -> DecisionJson.parse("[1, 2]"));
    }

    @Test
    void logEntryCarriesTheDecisionPolymorphically() throws Exception {
        DecisionLog entry = new DecisionLog(104, 198.1, "rules", new Speech("Let's go deeper.", 8, "Peak."), List.of());
        String json = DecisionJson.mapper().writeValueAsString(entry);
        assertTrue(json.contains("\"action_type\":\"speech\""), json);
        assertTrue(json.contains("\"time_seconds\":198.1"), json);
        assertEquals(entry, DecisionJson.mapper().readValue(json, DecisionLog.class));
    }
}
