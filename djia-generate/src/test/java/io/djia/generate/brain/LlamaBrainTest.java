package io.djia.generate.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real llama.cpp inference on a tiny random-weight GGUF written by {@link TinyGguf}. */
class LlamaBrainTest {
    @TempDir
    static Path dir;
    private static Path model;
    private static LlamaBrain brain;

    static BrainOptions options(Path modelPath) {
        return BrainOptions.llm(modelPath).withContextSize(4096).withThreads(2).withSeed(7).withMaxTokens(900)
                .withDecisionTimeout(Duration.ofSeconds(60)).withHistoryTurns(2);
    }

    /** Prompts and answers like the ones the brain sends, for the fixture's vocabulary. */
    static List<String> sampleText() {
        java.util.Set<String> text = new java.util.LinkedHashSet<>();
        for (StyleProfile profile : ProfileLibrary.builtIns()) {
            text.add(DecisionPrompt.system(profile));
            List<SetSimulator.Step> steps = SetSimulator.run(new RuleBrain(), profile, 320, 0, 1, Map.of());
            for (SetSimulator.Step step : steps.subList(0, 8)) {
                for (Decision d : step.decisions()) {
                    text.add(DecisionJson.toJson(d));
                }
                SetState state = new SetState(profile, step.tempoAfter(), step.keyAfter(), step.phaseAfter(),
                        step.bar(), 320, 0, step.layersAfter(), step.decisions(), "", 1);
                text.add(DecisionPrompt.user(state, PhasePlan.of(profile, 320), List.of(), ""));
            }
        }
        return List.copyOf(text);
    }

    static Path writeFixture(Path file) {
        return TinyGguf.write(file, 4096, 11, sampleText(), 300);
    }

    @BeforeAll
    static void load() {
        model = writeFixture(dir.resolve("tiny.gguf"));
        brain = (LlamaBrain) BrainFactory.create(options(model));
    }

    @AfterAll
    static void free() {
        if (brain != null) {
            brain.close();
        }
    }

    /** Runs two decision points and returns the model's raw answers; SetSimulator fails on any broken set rule. */
    private static List<String> twoSteps(LlamaBrain llm, StyleProfile profile, long seed) {
        List<String> raw = new ArrayList<>();
        Brain recording = new Brain() {
            @Override
            public List<Decision> decide(SetState state) {
                List<Decision> out = llm.decide(state);
                raw.add(llm.lastCompletionText());
                return out;
            }

            @Override
            public String name() {
                return llm.name();
            }
        };
        SetSimulator.run(recording, profile, 2L * profile.loopBars(), 0, seed, Map.of());
        return raw;
    }

    @Test
    void everyProfileGetsGrammarConstrainedDecisionsThatParseAndValidate() {
        for (StyleProfile profile : ProfileLibrary.builtIns()) {
            List<String> raw = twoSteps(brain, profile, ProfileLibrary.BUILT_IN.indexOf(profile.name()));
            assertEquals(2, raw.size());
            for (String text : raw) {
                assertFalse(text.isBlank(), profile.name() + ": the model answered");
                // The grammar makes the answer strictly parseable, with the profile's own types and phases.
                Decision strict = DecisionJson.parse(text);
                if (strict instanceof ManageLayer m && m.sampleDetails() != null) {
                    assertTrue(profile.layerType(m.sampleDetails().type()).isPresent(), text);
                }
                if (strict instanceof SetPhase p) {
                    assertTrue(profile.phases().stream().anyMatch(ph -> ph.name().equals(p.newPhase())), text);
                }
                assertEquals(strict.getClass(), new DecisionValidator(profile).validate(text).decision().getClass());
            }
        }
    }

    @Test
    void sameSeedSameAnswers() {
        StyleProfile dub = ProfileLibrary.load("dub");
        try (LlamaBrain other = LlamaBrain.open(options(model))) {
            assertEquals(twoSteps(brain, dub, 42), twoSteps(other, dub, 42));
        }
    }

    @Test
    void timeoutAndTruncationFallBackToTheRules() {
        StyleProfile techno = ProfileLibrary.load("techno_minimal");
        SetState start = new SetState(techno, techno.tempo(), techno.parsedKey(), "", 0, 320, 0, List.of(), List.of(), "", 1);
        List<Decision> expected = new RuleBrain().decide(start);
        try (LlamaBrain hurried = LlamaBrain.open(options(model).withDecisionTimeout(Duration.ZERO))) {
            assertEquals(expected, hurried.decide(start));
            assertTrue(hurried.lastNotes().get(0).contains("timed out"), hurried.lastNotes().toString());
            assertTrue(hurried.lastStats().ruleFallback());
        }
        try (LlamaBrain terse = LlamaBrain.open(options(model).withMaxTokens(16))) {
            assertEquals(expected, terse.decide(start));
            assertTrue(terse.lastNotes().get(0).contains("rejected") && terse.lastNotes().get(0).contains("rule brain"),
                    terse.lastNotes().toString());
        }
    }

    @Test
    void missingOrForeignModelFileIsAClearError() throws Exception {
        Path missing = dir.resolve("nope.gguf");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrainFactory.create(options(missing)));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("nope.gguf"), e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.gguf"), "hello");
        e = assertThrows(IllegalArgumentException.class, () -> BrainFactory.create(options(text)));
        assertTrue(e.getMessage().contains("not a GGUF"), e.getMessage());
    }
}
