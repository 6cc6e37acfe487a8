package io.djia.generate.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The LLM brain's checks and fallbacks, with a scripted model in place of llama.cpp. */
class LlamaBrainRulesTest {
    private static final StyleProfile TECHNO = ProfileLibrary.load("techno_minimal");
    private static final BrainOptions OPTIONS = BrainOptions.llm(Path.of("scripted.gguf")).withHistoryTurns(2);

    /** Answers from a script; an answer of "THROW" fails, "TIMEOUT" times out. Records the prompts it saw. */
    private static final class ScriptedModel implements TextGenerator {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> prompts = new ArrayList<>();
        final List<Integer> historySizes = new ArrayList<>();
        final List<String> grammars = new ArrayList<>();

        ScriptedModel(String... script) {
            answers.addAll(List.of(script));
        }

        @Override
        public Completion complete(String systemPrompt, List<ChatTurn> history, String userPrompt, String grammar,
                                   int maxTokens, int seed, double temperature, long deadlineNanos) throws TimeoutException {
            prompts.add(userPrompt);
            historySizes.add(history.size());
            grammars.add(grammar);
            String answer = answers.isEmpty() ? "THROW" : answers.removeFirst();
            if (answer.equals("THROW")) {
                throw new IllegalStateException("native error");
            }
            if (answer.equals("TIMEOUT")) {
                throw new TimeoutException("stopped at the deadline");
            }
            return new Completion(answer, 100, 40, 1_000_000);
        }

        @Override
        public String name() {
            return "scripted.gguf";
        }

        @Override
        public void close() {
        }
    }

    private static SetState state(long bar, List<SetState.ActiveLayer> layers, String request) {
        PhasePlan plan = PhasePlan.of(TECHNO, 320);
        return new SetState(TECHNO, TECHNO.tempo(), TECHNO.parsedKey(), plan.phaseAt(bar).name(), bar, 320, bar * 1.9,
                layers, List.of(), request, 5);
    }

    private static final List<SetState.ActiveLayer> FULL = List.of(
            new SetState.ActiveLayer("kick_1", "kick", List.of("drums"), 0.85, 0, 4),
            new SetState.ActiveLayer("bass_1", "bass", List.of("bass"), 0.8, 8, 4),
            new SetState.ActiveLayer("synth_1", "synth", List.of("other"), 0.6, 4, 4));

    private static String add(String id, String type) {
        return "{\"action_type\":\"manage_layer\",\"reasoning\":\"More.\",\"layer_id\":\"" + id + "\","
                + "\"operation\":\"add_replace\",\"sample_details\":{\"type\":\"" + type + "\","
                + "\"musicgen_prompt_keywords\":[\"dark\"],\"key\":null,\"measures\":4,\"intensity\":6,"
                + "\"preferred_stems\":[\"other\"]},\"playback_params\":{\"volume\":0.6,\"pan\":0.2,"
                + "\"start_behavior\":\"next_bar\",\"fade_in_beats\":0},\"effects\":[],\"stop_behavior\":\"fade_out_bar\"}";
    }

    @Test
    void garbageFailureAndTimeoutAreDecidedByTheRules() {
        ScriptedModel model = new ScriptedModel("I think we should add a pad!", "THROW", "TIMEOUT",
                "{\"action_type\":\"manage_layer\",\"operation\":\"remove\",\"layer_id\":\"pad_9\",\"reasoning\":\"x\"}");
        LlamaBrain brain = new LlamaBrain(model, OPTIONS);
        RuleBrain rules = new RuleBrain();
        String[] expectedNote = {"not valid JSON", "model failed", "timed out", "does not play"};
        for (int i = 0; i < expectedNote.length; i++) {
            SetState s = state(56 + 4L * i, FULL, "");
            List<Decision> got = brain.decide(s);
            assertEquals(rules.decide(s), got, "step " + i + " is the rule brain's");
            String note = brain.lastNotes().get(brain.lastNotes().size() - 1);
            assertTrue(note.contains(expectedNote[i]) && note.endsWith("the rule brain decided this step"), note);
            assertTrue(brain.lastStats().ruleFallback());
        }
    }

    @Test
    void validAnswersAreFittedToTheSet() {
        ScriptedModel model = new ScriptedModel(add("pad_1", "pad"), add("kick_2", "kick"), add("bass_1", "pad"),
                add("synth_1", "synth").replace("\"volume\":0.6", "\"volume\":\"loud\""));
        LlamaBrain brain = new LlamaBrain(model, OPTIONS);

        List<Decision> full = brain.decide(state(64, FULL, ""));
        assertEquals(2, full.size(), "the mix is full: remove first, then add");
        assertEquals(ManageLayer.LayerOperation.REMOVE, ((ManageLayer) full.get(0)).operation());
        assertEquals("synth_1", ((ManageLayer) full.get(0)).layerId(), "oldest non-rhythm layer (bar 4)");
        assertEquals("pad_1", ((ManageLayer) full.get(1)).layerId());

        List<Decision> beat = brain.decide(state(68, FULL, ""));
        assertEquals("kick_1", ((ManageLayer) beat.get(0)).layerId(), "a new beat takes the beat's slot");
        assertTrue(brain.lastNotes().get(0).contains("replaces the playing beat"), brain.lastNotes().toString());

        List<Decision> replace = brain.decide(state(72, FULL, ""));
        assertEquals(1, replace.size(), "bass_1 plays, so a pad there replaces it in place");
        assertEquals("pad", ((ManageLayer) replace.get(0)).sampleDetails().type());

        List<Decision> loud = brain.decide(state(76, FULL, ""));
        assertEquals(0.8, ((ManageLayer) loud.get(0)).playbackParams().volume(), 0);
        assertTrue(brain.lastNotes().get(0).startsWith("model output corrected: playback_params.volume"),
                brain.lastNotes().toString());
        assertTrue(model.grammars.get(0).contains("\"\\\"synth_1\\\"\""), "removes may name playing layers");
    }

    @Test
    void userRequestWinsOverTheModel() {
        ScriptedModel model = new ScriptedModel(add("synth_2", "synth"), add("pad_1", "pad"));
        LlamaBrain brain = new LlamaBrain(model, OPTIONS);
        List<SetState.ActiveLayer> two = FULL.subList(0, 2);
        List<Decision> ignored = brain.decide(state(64, two, "add a pad"));
        assertEquals("pad", ((ManageLayer) ignored.get(0)).sampleDetails().type());
        assertTrue(ignored.get(0).reasoning().startsWith(RuleBrain.USER_PREFIX));
        assertTrue(brain.lastNotes().get(0).contains("did not follow the user's request"), brain.lastNotes().toString());
        assertTrue(model.prompts.get(0).startsWith("USER REQUEST (do this first): \"add a pad\""), model.prompts.get(0));

        List<Decision> followed = brain.decide(state(68, two, "add a pad"));
        assertEquals("More.", followed.get(0).reasoning(), "the model's own decision when it honours the request");
    }

    @Test
    void tempoKeyPhaseAndSpeechNeedAReason() {
        String tempo = "{\"action_type\":\"set_tempo\",\"reasoning\":\"Faster.\",\"bpm\":140}";
        String key = "{\"action_type\":\"set_key\",\"reasoning\":\"Lift.\",\"key\":\"G minor\"}";
        String phase = "{\"action_type\":\"set_phase\",\"reasoning\":\"Now.\",\"new_phase\":\"outro\"}";
        String speech = "{\"action_type\":\"speech\",\"reasoning\":\"Peak.\",\"text\":\"Hello Berlin\",\"energy\":8}";
        ScriptedModel model = new ScriptedModel(tempo, key, phase, speech, speech, tempo);
        LlamaBrain brain = new LlamaBrain(model, OPTIONS);
        for (String why : List.of("without a user request", "without a user request", "set plan is in")) {
            brain.decide(state(120, FULL, ""));
            assertTrue(brain.lastNotes().get(0).contains(why), brain.lastNotes().toString());
        }
        assertEquals(List.of(new Speech("Hello Berlin", 8, "Peak.")), brain.decide(state(124, FULL, "")));
        SetState afterSpeech = new SetState(TECHNO, TECHNO.tempo(), TECHNO.parsedKey(), "drop", 128, 320, 0, FULL,
                List.of(new Speech("Hello Berlin", 8, "Peak.")), "", 5);
        brain.decide(afterSpeech);
        assertTrue(brain.lastNotes().get(0).contains("speech right after another"), brain.lastNotes().toString());
        List<Decision> asked = brain.decide(state(132, FULL, "faster please"));
        assertEquals(140, ((SetTempo) asked.get(0)).bpm(), 0, "tempo on request (the model's value)");
        // The grammar offers what the set allows at each step.
        assertTrue(!model.grammars.get(0).contains("set-tempo") && model.grammars.get(0).contains("speech ::="));
        assertTrue(!model.grammars.get(4).contains("speech ::="), "no speech right after a speech");
        assertTrue(model.grammars.get(5).contains("set-tempo ::=") && model.grammars.get(5).contains("set-key ::="));
        assertTrue(model.grammars.stream().noneMatch(g -> g.contains("set-phase ::=")), "phases follow the plan");
    }

    @Test
    void chatHistoryIsBoundedAndSummarised() {
        String[] script = new String[8];
        for (int i = 0; i < script.length; i++) {
            script[i] = add("synth_1", "synth");
        }
        ScriptedModel model = new ScriptedModel(script);
        LlamaBrain brain = new LlamaBrain(model, OPTIONS);
        for (int i = 0; i < script.length; i++) {
            brain.decide(state(64 + 4L * i, FULL, ""));
        }
        assertEquals(List.of(0, 1, 2, 2, 2, 2, 2, 2), model.historySizes);
        assertTrue(brain.historySize() <= 2);
        assertTrue(model.prompts.get(7).contains("Earlier: 5 decisions (add 5)"), model.prompts.get(7));
        assertTrue(model.prompts.get(2).indexOf("Earlier") < 0);
    }

    @Test
    void phaseChangesFollowThePlan() {
        ScriptedModel model = new ScriptedModel(add("pad_1", "pad"));
        LlamaBrain brain = new LlamaBrain(model, OPTIONS);
        SetState atBuild = new SetState(TECHNO, TECHNO.tempo(), TECHNO.parsedKey(), "intro", 52, 315, 0,
                FULL.subList(0, 1), List.of(), "", 5);
        List<Decision> out = brain.decide(atBuild);
        assertEquals(new SetPhase("build_up", ((SetPhase) out.get(0)).reasoning()), out.get(0));
        assertEquals("pad_1", ((ManageLayer) out.get(1)).layerId());
        assertTrue(model.prompts.get(0).contains("Phase build_up (bars 52-103"), model.prompts.get(0));
    }
}
