package io.djia.generate.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.fx.EffectSpec;
import io.djia.core.profile.ProfileLibrary;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionValidatorTest {
    private final DecisionValidator techno = new DecisionValidator(ProfileLibrary.load("techno_minimal"));

    private static String layer(String sampleDetails, String playback, String effects) {
        return "{\"action_type\":\"manage_layer\",\"layer_id\":\"bass_1\",\"operation\":\"add_replace\","
                + "\"sample_details\":" + sampleDetails + ",\"playback_params\":" + playback
                + ",\"effects\":" + effects + ",\"reasoning\":\"Test.\"}";
    }

    private static final String DETAILS = "{\"type\":\"bass\",\"musicgen_prompt_keywords\":[\"deep\"],\"key\":\"C minor\","
            + "\"measures\":4,\"intensity\":6,\"preferred_stems\":[\"bass\"]}";
    private static final String PLAYBACK = "{\"volume\":0.8,\"pan\":0,\"start_behavior\":\"next_bar\"}";

    private static void assertCorrected(DecisionValidator.Result r, String field) {
        assertTrue(r.corrections().stream().anyMatch(c -> c.startsWith(field)),
                "expected a correction of " + field + " in " + r.corrections());
    }

    @Test
    void validDecisionPassesUntouched() {
        DecisionValidator.Result r = techno.validate(layer(DETAILS, PLAYBACK, "[{\"type\":\"lpf\",\"cutoff_hz\":4000}]"));
        assertEquals(List.of(), r.corrections());
        assertEquals(4000, ((ManageLayer) r.decision()).effects().get(0).cutoffHz(), 0);
    }

    @Test
    void wrongTypesAreReplacedByDefaults() {
        DecisionValidator.Result r = techno.validate(layer(DETAILS.replace("\"intensity\":6", "\"intensity\":\"high\""),
                "{\"volume\":\"loud\",\"pan\":\"left\",\"start_behavior\":42}", "[]"));
        ManageLayer m = (ManageLayer) r.decision();
        assertEquals(0.8, m.playbackParams().volume(), 0);
        assertEquals(0.0, m.playbackParams().pan(), 0);
        assertEquals(ManageLayer.StartBehavior.NEXT_BAR, m.playbackParams().startBehavior());
        assertEquals(6, m.sampleDetails().intensity(), "middle of the profile's 4..9");
        assertCorrected(r, "playback_params.volume");
        assertCorrected(r, "playback_params.pan");
        assertCorrected(r, "playback_params.start_behavior");
        assertCorrected(r, "sample_details.intensity");
    }

    @Test
    void numericTextIsRead() {
        DecisionValidator.Result r = techno.validate(layer(DETAILS.replace("\"measures\":4", "\"measures\":\"8 bars\""),
                "{\"volume\":\"70%\",\"pan\":\"0.25\"}", "[]"));
        ManageLayer m = (ManageLayer) r.decision();
        assertEquals(8, m.sampleDetails().measures());
        assertEquals(0.7, m.playbackParams().volume(), 1e-12);
        assertEquals(0.2, m.playbackParams().pan(), 1e-12, "bass narrowed to +/-0.2");
        assertCorrected(r, "sample_details.measures");
        assertCorrected(r, "playback_params.volume");
    }

    @Test
    void nanInfinityAndHugeNumbersAreClamped() {
        DecisionValidator.Result r = techno.validate(layer(DETAILS.replace("\"intensity\":6", "\"intensity\":1e308"),
                "{\"volume\":NaN,\"pan\":-Infinity}",
                "[{\"type\":\"hpf\",\"cutoff_hz\":1e308},{\"type\":\"lpf\",\"cutoff_hz\":NaN},{\"type\":\"delay\",\"feedback\":7}]"));
        ManageLayer m = (ManageLayer) r.decision();
        assertEquals(10, m.sampleDetails().intensity());
        assertEquals(0.8, m.playbackParams().volume(), 0);
        assertEquals(-0.2, m.playbackParams().pan(), 0, "-Infinity clamps to -1, then a bass is narrowed to -0.2");
        assertCorrected(r, "playback_params.pan");
        assertEquals(20_000, m.effects().get(0).cutoffHz(), 0);
        assertEquals(5000, m.effects().get(1).cutoffHz(), 0);
        assertEquals(0.95, m.effects().get(2).feedback(), 0);
        assertCorrected(r, "sample_details.intensity");
        assertCorrected(r, "playback_params.volume");
        assertCorrected(r, "effects[0].cutoff_hz");
        assertCorrected(r, "effects[1].cutoff_hz");
        assertCorrected(r, "effects[2].feedback");
    }

    @Test
    void measuresSnapAndNegativeMeasuresUseTheLoopLength() {
        int[][] cases = {{3, 4}, {5, 4}, {6, 8}, {16, 8}, {-4, 4}, {0, 4}};
        for (int[] c : cases) {
            DecisionValidator.Result r = techno.validate(layer(DETAILS.replace("\"measures\":4", "\"measures\":" + c[0]),
                    PLAYBACK, "[]"));
            assertEquals(c[1], ((ManageLayer) r.decision()).sampleDetails().measures(), "measures " + c[0]);
            assertCorrected(r, "sample_details.measures");
        }
    }

    @Test
    void unknownStemsAndEffectsAreDropped() {
        DecisionValidator.Result r = techno.validate(layer(
                DETAILS.replace("[\"bass\"]", "[\"guitar\", \"Drum\", 5]"), PLAYBACK,
                "[{\"type\":\"chorus\"}, \"reverb\", {\"type\":\"reverb\",\"size\":2,\"decay\":-1}]"));
        ManageLayer m = (ManageLayer) r.decision();
        assertEquals(List.of("drums"), m.sampleDetails().preferredStems());
        assertEquals(1, m.effects().size());
        assertEquals(EffectSpec.Type.REVERB, m.effects().get(0).type());
        assertEquals(1.0, m.effects().get(0).size(), 0);
        assertEquals(0.1, m.effects().get(0).decaySeconds(), 0);
        assertCorrected(r, "sample_details.preferred_stems");
        assertCorrected(r, "effects[0].type");
        assertCorrected(r, "effects[1]");
        assertCorrected(r, "effects[2].size");
        assertCorrected(r, "effects[2].decay");

        DecisionValidator.Result none = techno.validate(layer(DETAILS.replace("[\"bass\"]", "\"vocalz\""), PLAYBACK, "7"));
        assertEquals(List.of("bass"), ((ManageLayer) none.decision()).sampleDetails().preferredStems(), "role default");
        assertCorrected(none, "effects");
    }

    @Test
    void unknownTypesBecomeTheClosestOrAreRejected() {
        DecisionValidator jungle = new DecisionValidator(ProfileLibrary.load("jungle_dnb"));
        DecisionValidator.Result reese = jungle.validate(layer(DETAILS.replace("\"bass\",\"musicgen", "\"reese bass\",\"musicgen"),
                PLAYBACK, "[]"));
        assertEquals("bass", ((ManageLayer) reese.decision()).sampleDetails().type());
        assertCorrected(reese, "sample_details.type");
        DecisionValidator.Result drums = jungle.validate(layer(DETAILS.replace("\"bass\",\"musicgen", "\"drums\",\"musicgen"),
                PLAYBACK, "[]"));
        assertEquals("break", ((ManageLayer) drums.decision()).sampleDetails().type(), "by role");
        DecisionValidator.Result typo = techno.validate(layer(DETAILS.replace("\"bass\",\"musicgen", "\"sinth\",\"musicgen"),
                PLAYBACK, "[]"));
        assertEquals("synth", ((ManageLayer) typo.decision()).sampleDetails().type(), "by spelling");

        DecisionValidator.InvalidDecisionException e = assertThrows(DecisionValidator.InvalidDecisionException.class,
                () -> techno.validate(layer(DETAILS.replace("\"bass\",\"musicgen", "\"violin\",\"musicgen"), PLAYBACK, "[]")));
        assertTrue(e.getMessage().contains("violin") && e.getMessage().contains("kick"), e.getMessage());
    }

    @Test
    void missingFieldsAreFilledAndLogged() {
        DecisionValidator.Result r = techno.validate("{\"action_type\":\"manage_layer\",\"operation\":\"add\","
                + "\"sample_details\":{\"type\":\"pad\"}}");
        ManageLayer m = (ManageLayer) r.decision();
        assertEquals("pad_1", m.layerId());
        assertEquals(4, m.sampleDetails().measures());
        assertEquals(List.of("other"), m.sampleDetails().preferredStems());
        assertEquals(ManageLayer.LayerOperation.ADD_REPLACE, m.operation());
        for (String field : List.of("operation", "layer_id", "sample_details.measures", "sample_details.intensity",
                "playback_params", "reasoning")) {
            assertCorrected(r, field);
        }

        DecisionValidator.Result remove = techno.validate("{\"layer_id\":\"Kick 1\"}");
        assertEquals(new ManageLayer("kick_1", ManageLayer.LayerOperation.REMOVE, null, null, List.of(), null,
                "(no reasoning given)"), remove.decision());
        assertCorrected(remove, "action_type");
        assertCorrected(remove, "operation");
        assertCorrected(remove, "layer_id");
        assertThrows(DecisionValidator.InvalidDecisionException.class,
                () -> techno.validate("{\"action_type\":\"manage_layer\",\"operation\":\"remove\"}"));
    }

    @Test
    void otherActionsAreCheckedToo() {
        DecisionValidator.Result tempo = techno.validate("{\"action_type\":\"set_tempo\",\"bpm\":1e308,\"reasoning\":\"x\"}");
        assertEquals(240, ((SetTempo) tempo.decision()).bpm(), 0);
        assertCorrected(tempo, "bpm");
        assertEquals(128, ((SetTempo) techno.validate("{\"action_type\":\"tempo\",\"bpm\":\"128 bpm\",\"reasoning\":\"x\"}")
                .decision()).bpm(), 0);
        assertThrows(DecisionValidator.InvalidDecisionException.class,
                () -> techno.validate("{\"action_type\":\"set_tempo\",\"bpm\":\"fast\"}"));
        assertThrows(DecisionValidator.InvalidDecisionException.class,
                () -> techno.validate("{\"action_type\":\"set_tempo\",\"bpm\":NaN}"));

        DecisionValidator.Result speech = techno.validate("{\"action_type\":\"speech\",\"text\":\"" + "la ".repeat(80)
                + "\",\"energy\":-3,\"reasoning\":\"x\"}");
        assertTrue(((Speech) speech.decision()).text().length() <= DecisionValidator.MAX_SPEECH_CHARS);
        assertEquals(1, ((Speech) speech.decision()).energy());
        assertCorrected(speech, "text");
        assertCorrected(speech, "energy");
        assertThrows(DecisionValidator.InvalidDecisionException.class,
                () -> techno.validate("{\"action_type\":\"speech\",\"text\":\"  \"}"));

        DecisionValidator.Result phase = techno.validate("{\"action_type\":\"set_phase\",\"new_phase\":\"Build-Up\",\"reasoning\":\"x\"}");
        assertEquals("build_up", ((SetPhase) phase.decision()).newPhase());
        assertEquals("drop", ((SetPhase) techno.validate("{\"action_type\":\"set_phase\",\"new_phase\":\"the drop\","
                + "\"reasoning\":\"x\"}").decision()).newPhase());
        assertThrows(DecisionValidator.InvalidDecisionException.class,
                () -> techno.validate("{\"action_type\":\"set_phase\",\"new_phase\":\"disco\"}"));

        assertEquals("F# minor", ((SetKey) techno.validate("{\"action_type\":\"set_key\",\"key\":\"f# min\",\"reasoning\":\"x\"}")
                .decision()).key());
        assertThrows(DecisionValidator.InvalidDecisionException.class,
                () -> techno.validate("{\"action_type\":\"set_key\",\"key\":\"H minor\"}"));
        assertThrows(DecisionValidator.InvalidDecisionException.class, () -> techno.validate("{\"volume\": 1}"));
        assertThrows(DecisionValidator.InvalidDecisionException.class, () -> techno.validate("not json"));
    }

    @Test
    void unknownFieldsAndLongReasoningAreNoted() {
        DecisionValidator.Result r = techno.validate("{\"action_type\":\"set_key\",\"key\":\"C minor\",\"mood\":\"happy\","
                + "\"reasoning\":\"" + "x".repeat(500) + "\"}");
        assertCorrected(r, "mood");
        assertCorrected(r, "reasoning");
        assertEquals(DecisionValidator.MAX_REASONING_CHARS, r.decision().reasoning().length());
    }

    @Test
    void decisionFromAnotherProfileIsMappedToThisOne() {
        ManageLayer riddim = new ManageLayer("riddim_1", ManageLayer.LayerOperation.ADD_REPLACE,
                new ManageLayer.SampleDetails("riddim", List.of(), null, 4, 5, List.of("drums")), null, List.of(), null, "x");
        DecisionValidator.Result r = techno.validate(riddim);
        assertEquals("kick", ((ManageLayer) r.decision()).sampleDetails().type(), "riddim is a rhythm word");
        assertCorrected(r, "sample_details.type");
    }
}
