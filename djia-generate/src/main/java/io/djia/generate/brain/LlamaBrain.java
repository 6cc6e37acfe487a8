package io.djia.generate.brain;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.generate.brain.ManageLayer.LayerOperation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * A DJ brain on a local language model (GGUF through llama.cpp). The set still follows the profile's phase plan:
 * phase changes come from {@link PhasePlan} exactly as in the {@link RuleBrain}, and at every decision point the
 * model chooses one decision under a grammar derived from the {@link Decision} records ({@link DecisionGrammar}),
 * so it can only write JSON that parses, may remove only layers that play, and is offered speech, tempo and key
 * changes only when the set allows them. The JSON is then validated and clamped ({@link DecisionValidator}) and
 * checked against the live set (layer limit, one rhythm layer, removing only what plays, tempo and key only on
 * request, speech rarely); every correction goes to {@link #lastNotes()}. When the model fails, times out or
 * answers something that cannot be repaired, the rule brain decides that step and the notes say why.
 *
 * <p>The chat is bounded: the last {@code historyTurns} exchanges are kept (the state as a one-line recap, the
 * answer verbatim) and older ones are folded into a one-line summary, so the prompt does not grow with the set. With the same seed and the same sequence of states
 * the model answers the same. One thread; {@link #close()} frees the model.
 */
public final class LlamaBrain implements Brain {
    /** Most speech drops per set the model may make. */
    public static final int MAX_SPEECHES = 4;

    private final TextGenerator generator;
    private final BrainOptions options;
    private final RuleBrain rules;
    private final Deque<TextGenerator.ChatTurn> history = new ArrayDeque<>();
    private final Map<String, Integer> olderCounts = new TreeMap<>();
    private int olderTurns;
    private StyleProfile systemProfile;
    private String systemPrompt;
    private int speeches;
    private long lastBar = -1;
    private List<String> notes = List.of();
    private DecisionStats lastStats = new DecisionStats(0, 0, 0, false);
    private String lastCompletionText = "";

    /**
     * Figures of the last decision, for logs and benchmarks.
     *
     * @param promptTokens    tokens of the templated prompt
     * @param generatedTokens tokens the model wrote
     * @param nanos           time spent in the model
     * @param ruleFallback    whether the rule brain decided the step
     */
    public record DecisionStats(int promptTokens, int generatedTokens, long nanos, boolean ruleFallback) {
    }

    LlamaBrain(TextGenerator generator, BrainOptions options) {
        this.generator = generator;
        this.options = options;
        this.rules = new RuleBrain(options.openEndedBarsPerWeight());
    }

    /**
     * Loads the model once.
     *
     * @throws IllegalArgumentException when the model file is missing, not GGUF, or cannot be loaded
     */
    public static LlamaBrain open(BrainOptions options) {
        if (options.kind() != BrainOptions.Kind.LLM) {
            throw new IllegalArgumentException("LlamaBrain needs options of kind llm, got " + options.kind());
        }
        return new LlamaBrain(LlamaCppGenerator.load(options), options);
    }

    @Override
    public String name() {
        return "llm:" + generator.name();
    }

    @Override
    public List<String> lastNotes() {
        return notes;
    }

    /** Token counts and time of the last decision. */
    public DecisionStats lastStats() {
        return lastStats;
    }

    @Override
    public List<Decision> decide(SetState state) {
        if (state == null || state.profile() == null || state.key() == null || state.tempo() == null) {
            throw new IllegalArgumentException("the LLM brain needs a state with a profile, key and tempo");
        }
        StyleProfile profile = state.profile();
        if (!profile.equals(systemProfile) || state.bar() < lastBar) {
            // A new set: fresh chat, fresh speech allowance.
            systemProfile = profile;
            systemPrompt = DecisionPrompt.system(profile);
            history.clear();
            olderCounts.clear();
            olderTurns = 0;
            speeches = 0;
        }
        lastBar = state.bar();
        List<String> stepNotes = new ArrayList<>();
        PhasePlan plan = rules.plan(state);
        Phase phase = plan.phaseAt(state.bar());
        List<Decision> ruleStep = rules.decide(state);
        List<Decision> out = new ArrayList<>();
        for (Decision d : ruleStep) {
            if (d instanceof SetPhase) {
                out.add(d);
            }
        }
        List<Decision> ruleRest = ruleStep.stream().filter(d -> !(d instanceof SetPhase)).toList();
        // The model sees the state after the plan's phase change.
        SetState seen = out.isEmpty() ? state : new SetState(profile, state.tempo(), state.key(), phase.name(),
                state.bar(), state.totalBars(), state.elapsedSeconds(), state.activeLayers(), state.recentDecisions(),
                state.userRequest(), state.seed());
        String userPrompt = DecisionPrompt.user(seen, plan, ruleRest.stream().map(DecisionPrompt::brief).toList(),
                summary());
        String grammar = DecisionGrammar.forState(profile, state.activeLayers(), offeredActions(state));
        int seed = (int) RuleBrain.mix(options.seed() ^ state.seed(), state.bar());
        long deadline = System.nanoTime() + options.decisionTimeout().toNanos();
        TextGenerator.Completion completion = null;
        lastCompletionText = "";
        try {
            completion = generator.complete(systemPrompt, List.copyOf(history), userPrompt, grammar,
                    options.maxTokens(), seed, options.temperature(), deadline);
            lastCompletionText = completion.text();
            DecisionValidator.Result checked = new DecisionValidator(profile).validate(completion.text());
            for (String c : checked.corrections()) {
                stepNotes.add("model output corrected: " + c);
            }
            List<Decision> applied = fitToSet(checked.decision(), seen, phase, ruleRest, stepNotes);
            out.addAll(applied);
            remember(DecisionPrompt.recap(seen, phase), completion.text().trim());
            lastStats = new DecisionStats(completion.promptTokens(), completion.generatedTokens(), completion.nanos(), false);
        } catch (TimeoutException e) {
            fallBack("the model timed out after " + options.decisionTimeout().toMillis() + " ms (" + e.getMessage()
                    + ")", ruleRest, out, stepNotes, null);
        } catch (DecisionValidator.InvalidDecisionException | RejectedDecision e) {
            fallBack("the model's decision was rejected: " + e.getMessage(), ruleRest, out, stepNotes, completion);
        } catch (RuntimeException e) {
            fallBack("the model failed: " + e, ruleRest, out, stepNotes, completion);
        }
        notes = List.copyOf(stepNotes);
        return List.copyOf(out);
    }

    /**
     * What the model may answer now: layer changes always; a speech when none was just made and the set's allowance
     * is not used up; tempo and key only on a user request. Phases follow the plan, so set_phase is not offered.
     */
    private Set<String> offeredActions(SetState state) {
        Set<String> actions = new HashSet<>();
        actions.add("manage_layer");
        if (speeches < MAX_SPEECHES && state.recentDecisions().stream().noneMatch(d -> d instanceof Speech)) {
            actions.add("speech");
        }
        if (!state.userRequest().isBlank()) {
            actions.add("set_tempo");
            actions.add("set_key");
        }
        return actions;
    }

    private void fallBack(String why, List<Decision> ruleRest, List<Decision> out, List<String> stepNotes,
                          TextGenerator.Completion completion) {
        stepNotes.add(why + "; the rule brain decided this step");
        out.addAll(ruleRest);
        lastStats = completion == null ? new DecisionStats(0, 0, 0, true)
                : new DecisionStats(completion.promptTokens(), completion.generatedTokens(), completion.nanos(), true);
    }

    /** A model decision that is valid JSON but wrong for the set as it is now. */
    private static final class RejectedDecision extends RuntimeException {
        RejectedDecision(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Checks a valid decision against the live set and repairs what the rules allow: a new beat takes the old beat's
     * slot, a full mix loses its oldest non-rhythm layer first. The user's request wins over the model.
     */
    private List<Decision> fitToSet(Decision decision, SetState state, Phase phase, List<Decision> ruleRest,
                                    List<String> stepNotes) {
        StyleProfile profile = state.profile();
        List<Decision> userDecisions = ruleRest.stream()
                .filter(d -> d.reasoning().startsWith(RuleBrain.USER_PREFIX)).toList();
        if (!userDecisions.isEmpty() && !honours(decision, userDecisions)) {
            stepNotes.add("the model did not follow the user's request (it chose " + DecisionPrompt.brief(decision)
                    + "); the rule brain's reading of the request was applied");
            return userDecisions;
        }
        List<SetState.ActiveLayer> layers = state.activeLayers();
        if (decision instanceof ManageLayer m) {
            if (m.operation() == LayerOperation.REMOVE) {
                if (layers.stream().noneMatch(l -> l.layerId().equals(m.layerId()))) {
                    throw new RejectedDecision("remove " + m.layerId() + ", which does not play");
                }
                return List.of(m);
            }
            LayerType type = profile.layerType(m.sampleDetails().type()).orElseThrow();
            ManageLayer add = m;
            if (type.role() == LayerRole.RHYTHM) {
                SetState.ActiveLayer beat = layers.stream().filter(l -> profile.layerType(l.type())
                        .map(t -> t.role() == LayerRole.RHYTHM).orElse(false)).findFirst().orElse(null);
                if (beat != null && !beat.layerId().equals(m.layerId())) {
                    stepNotes.add("set rule: the new " + type.name() + " replaces the playing beat in slot "
                            + beat.layerId() + " (was " + m.layerId() + ")");
                    add = new ManageLayer(beat.layerId(), m.operation(), m.sampleDetails(), m.playbackParams(),
                            m.effects(), m.stopBehavior(), m.reasoning());
                }
            }
            String proposed = add.layerId();
            boolean replaces = layers.stream().anyMatch(l -> l.layerId().equals(proposed));
            String named = proposed.replaceAll("_\\d+$", "");
            if (!replaces && !named.equals(type.name())) {
                String renamed = freeId(type.name(), layers);
                stepNotes.add("layer id " + proposed + " names another type, so the new " + type.name()
                        + " layer is " + renamed);
                add = new ManageLayer(renamed, add.operation(), add.sampleDetails(), add.playbackParams(), add.effects(),
                        add.stopBehavior(), add.reasoning());
            }
            String id = add.layerId();
            if (!replaces && layers.size() >= profile.maxLayers()) {
                SetState.ActiveLayer victim = layers.stream()
                        .filter(l -> profile.layerType(l.type()).map(t -> t.role() != LayerRole.RHYTHM).orElse(true))
                        .min((a, b) -> Long.compare(a.startedBar(), b.startedBar())).orElse(layers.get(0));
                stepNotes.add("set rule: the mix is full (" + layers.size() + " layers), so " + victim.layerId()
                        + " is removed before " + id + " is added");
                return List.of(new ManageLayer(victim.layerId(), LayerOperation.REMOVE, null, null, List.of(),
                        ManageLayer.StopBehavior.FADE_OUT_BAR, "At most " + profile.maxLayers()
                        + " layers may play, so the oldest makes room."), add);
            }
            return List.of(add);
        }
        if (decision instanceof Speech) {
            boolean recent = state.recentDecisions().stream().anyMatch(d -> d instanceof Speech);
            if (recent || speeches >= MAX_SPEECHES) {
                throw new RejectedDecision(recent ? "a speech right after another" : "more than " + MAX_SPEECHES
                        + " speeches in one set");
            }
            speeches++;
            return List.of(decision);
        }
        if (decision instanceof SetPhase p) {
            if (!p.newPhase().equals(phase.name())) {
                throw new RejectedDecision("phase " + p.newPhase() + " while the set plan is in " + phase.name());
            }
            stepNotes.add("the model confirmed the phase " + phase.name() + "; nothing to change");
            return List.of();
        }
        if (decision instanceof SetTempo t && state.userRequest().isBlank()) {
            throw new RejectedDecision("tempo " + t.bpm() + " BPM without a user request (one tempo per set)");
        }
        if (decision instanceof SetKey k && state.userRequest().isBlank()) {
            throw new RejectedDecision("key " + k.key() + " without a user request (the set stays in "
                    + state.key().displayName() + ")");
        }
        return List.of(decision);
    }

    private static String freeId(String typeName, List<SetState.ActiveLayer> layers) {
        for (int n = 1; ; n++) {
            String id = typeName + "_" + n;
            if (layers.stream().noneMatch(l -> l.layerId().equals(id))) {
                return id;
            }
        }
    }

    private static boolean honours(Decision decision, List<Decision> userDecisions) {
        for (Decision u : userDecisions) {
            if (u.getClass() != decision.getClass()) {
                continue;
            }
            if (u instanceof ManageLayer ur && decision instanceof ManageLayer dm) {
                if (ur.operation() != dm.operation()) {
                    continue;
                }
                if (ur.operation() == LayerOperation.REMOVE ? ur.layerId().equals(dm.layerId())
                        : ur.sampleDetails().type().equals(dm.sampleDetails().type())) {
                    return true;
                }
            } else if (u instanceof SetKey uk && decision instanceof SetKey dk) {
                if (Key.parse(uk.key()).equals(Key.parse(dk.key()))) {
                    return true;
                }
            } else {
                return true;
            }
        }
        return false;
    }

    private void remember(String userPrompt, String answer) {
        history.addLast(new TextGenerator.ChatTurn(userPrompt, answer));
        while (history.size() > options.historyTurns()) {
            TextGenerator.ChatTurn old = history.removeFirst();
            olderTurns++;
            try {
                String kind = DecisionPrompt.brief(DecisionJson.parse(old.assistant())).split(" ")[0];
                olderCounts.merge(kind, 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                olderCounts.merge("other", 1, Integer::sum);
            }
        }
    }

    /** One line about the exchanges that left the chat window, e.g. "12 decisions (add 7, remove 4, say 1)". */
    private String summary() {
        if (olderTurns == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        olderCounts.forEach((k, v) -> parts.add(k + " " + v));
        return String.format(Locale.ROOT, "%d decisions (%s)", olderTurns, String.join(", ", parts));
    }

    /** The model's raw answer at the last decision ("" when it gave none). */
    String lastCompletionText() {
        return lastCompletionText;
    }

    /** Exchanges kept verbatim now (never more than the options' history turns). */
    int historySize() {
        return history.size();
    }

    @Override
    public void close() {
        generator.close();
    }
}
