package io.djia.generate.brain;

import io.djia.core.analysis.Band;
import io.djia.core.analysis.BandProfile;
import io.djia.core.fx.EffectSpec;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.StyleProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text the LLM brain sends: a system prompt built once from the profile (style, phases, layer types, the
 * rules of the set and the answer format) and a user prompt per decision from the live state (time, tempo, key,
 * phase, the layers with their stems, band profile and effects, the last decisions, what the rules would do, and
 * the user's request, which comes first). Kept short: small local models follow short prompts better.
 */
final class DecisionPrompt {
    private DecisionPrompt() {
    }

    static String system(StyleProfile profile) {
        StringBuilder s = new StringBuilder();
        s.append("You are DJ-IA, a live DJ. You play a ").append(profile.name()).append(" set");
        if (!profile.description().isBlank()) {
            s.append(" (").append(profile.description()).append(')');
        }
        s.append(" from generated loops. Style words: ").append(String.join(", ", profile.keywords())).append(".\n");
        s.append("Phases in order: ");
        List<String> phases = new ArrayList<>();
        for (Phase p : profile.phases()) {
            phases.add(p.name() + " (intensity " + p.intensity() + ", " + p.targetLayers() + " layers)");
        }
        s.append(String.join(", ", phases)).append(".\n");
        s.append("Layer types:\n");
        for (LayerType t : profile.layerTypes()) {
            s.append("- ").append(t.name()).append(": ").append(t.role().name().toLowerCase(Locale.ROOT));
            if (!t.keywords().isEmpty()) {
                s.append(", ").append(String.join(", ", t.keywords()));
            }
            s.append('\n');
        }
        String rhythm = profile.layerTypesWithRole(LayerRole.RHYTHM).stream().map(LayerType::name)
                .collect(Collectors.joining(" or "));
        s.append("Rules:\n");
        s.append("1. The user's request has absolute priority.\n");
        s.append("2. One tempo for the whole set; change tempo or key only when the user asks.\n");
        s.append("3. Harmonic coherence: every layer uses the set's key.\n");
        s.append("4. At most ").append(profile.maxLayers()).append(" layers at once: when ").append(profile.maxLayers())
                .append(" play, remove or replace one before adding.\n");
        s.append("5. One main rhythm layer (").append(rhythm).append("); a new one replaces the old in the same layer_id.\n");
        s.append("6. Loops are 1, 2, 4 or 8 bars (usually ").append(profile.loopBars()).append("); intensity ")
                .append(profile.intensityMin()).append("..").append(profile.intensityMax()).append(" in this style.\n");
        s.append("7. Stems: drums for rhythm and percussion, bass for bass, other for the rest.\n");
        s.append("8. Change one thing at a time; replace a layer that has looped for 16 to 32 bars.\n");
        s.append("9. Speech is rare: a short line at a peak, at most a few per set.\n");
        s.append("Answer with one JSON decision and nothing else: manage_layer, speech, set_phase, set_tempo or "
                + "set_key, with a one-sentence reasoning first. Example:\n");
        s.append(example(profile)).append('\n');
        return s.toString();
    }

    private static String example(StyleProfile profile) {
        LayerType type = profile.layerTypes().stream().filter(t -> t.role() == LayerRole.BASS).findFirst()
                .orElse(profile.layerTypes().get(0));
        String stem = type.role() == LayerRole.BASS ? "bass" : type.role() == LayerRole.RHYTHM ? "drums" : "other";
        return "{\"action_type\":\"manage_layer\",\"reasoning\":\"The groove needs a low end.\",\"layer_id\":\""
                + type.name() + "_1\",\"operation\":\"add_replace\",\"sample_details\":{\"type\":\"" + type.name()
                + "\",\"musicgen_prompt_keywords\":[\"" + (type.keywords().isEmpty() ? "deep" : type.keywords().get(0))
                + "\"],\"key\":null,\"measures\":" + profile.loopBars() + ",\"intensity\":"
                + (profile.intensityMin() + profile.intensityMax()) / 2 + ",\"preferred_stems\":[\"" + stem + "\"]},"
                + "\"playback_params\":{\"volume\":0.8,\"pan\":0,\"start_behavior\":\"next_bar\",\"fade_in_beats\":0},"
                + "\"effects\":[],\"stop_behavior\":\"fade_out_bar\"}";
    }

    /**
     * The message for one decision.
     *
     * @param plan      the set's phase plan
     * @param hint      what the rule brain would do now, one line per decision (may be empty)
     * @param summary   one line about the decisions older than the chat history (may be empty)
     */
    static String user(SetState state, PhasePlan plan, List<String> hint, String summary) {
        StyleProfile profile = state.profile();
        StringBuilder s = new StringBuilder();
        if (!state.userRequest().isBlank()) {
            s.append("USER REQUEST (do this first): \"").append(state.userRequest().trim()).append("\"\n");
        }
        long bar = state.bar();
        Phase phase = plan.phaseAt(bar);
        s.append("Bar ").append(bar);
        if (state.totalBars() > 0) {
            s.append(" of ").append(state.totalBars());
        }
        long seconds = Math.round(state.elapsedSeconds());
        s.append(String.format(Locale.ROOT, " (%d:%02d elapsed). Tempo %s BPM, key %s.%n", seconds / 60, seconds % 60,
                number(state.tempo().bpm()), state.key().displayName()));
        s.append("Phase ").append(phase.name()).append(" (bars ").append(plan.phaseStartBar(bar)).append('-')
                .append(plan.phaseEndBar(bar) - 1).append(", intensity ").append(phase.intensity()).append(", target ")
                .append(Math.min(phase.targetLayers(), profile.maxLayers())).append(" layers).\n");
        List<SetState.ActiveLayer> layers = state.activeLayers();
        s.append("Playing ").append(layers.size()).append('/').append(profile.maxLayers()).append(':');
        if (layers.isEmpty()) {
            s.append(" nothing");
        }
        s.append('\n');
        for (SetState.ActiveLayer l : layers) {
            s.append("- ").append(l.layerId()).append(": ").append(l.type()).append(", stems ")
                    .append(String.join("+", l.stems())).append(", volume ").append(number(l.volume()))
                    .append(", ").append(bar - l.startedBar()).append(" bars old");
            if (!l.effects().isEmpty()) {
                s.append(", fx ").append(l.effects().stream().map(DecisionPrompt::effect).collect(Collectors.joining(" ")));
            }
            if (l.bandProfile() != null) {
                s.append(", strongest band ").append(bands(l.bandProfile()));
            }
            s.append('\n');
        }
        if (layers.size() >= profile.maxLayers()) {
            s.append("The mix is full: remove or replace a layer before adding one.\n");
        } else if (layers.size() == profile.maxLayers() - 1) {
            s.append("One free slot.\n");
        }
        if (!summary.isBlank()) {
            s.append("Earlier: ").append(summary).append('\n');
        }
        List<Decision> recent = state.recentDecisions();
        if (!recent.isEmpty()) {
            s.append("Last decisions: ");
            List<String> lines = new ArrayList<>();
            for (Decision d : recent.subList(Math.max(0, recent.size() - 4), recent.size())) {
                lines.add(brief(d));
            }
            s.append(String.join("; ", lines)).append(".\n");
        }
        if (!hint.isEmpty()) {
            s.append("The set plan suggests: ").append(String.join("; ", hint)).append(".\n");
        }
        s.append("Your decision as JSON:");
        return s.toString();
    }

    /** The state of a past exchange in one line, as kept in the chat history ("Bar 52, build_up, playing: kick_1."). */
    static String recap(SetState state, Phase phase) {
        String playing = state.activeLayers().isEmpty() ? "nothing"
                : state.activeLayers().stream().map(SetState.ActiveLayer::layerId).collect(Collectors.joining(", "));
        String request = state.userRequest().isBlank() ? "" : " User: \"" + state.userRequest().trim() + "\".";
        return "Bar " + state.bar() + ", " + phase.name() + ", playing: " + playing + "." + request;
    }

    /** A decision in a few words, for the prompt and the history summary. */
    static String brief(Decision d) {
        if (d instanceof ManageLayer m) {
            return m.operation() == ManageLayer.LayerOperation.REMOVE ? "remove " + m.layerId()
                    : "add " + m.layerId() + " (" + m.sampleDetails().type() + ")";
        } else if (d instanceof Speech sp) {
            return "say \"" + sp.text() + "\"";
        } else if (d instanceof SetPhase p) {
            return "phase " + p.newPhase();
        } else if (d instanceof SetTempo t) {
            return "tempo " + number(t.bpm());
        } else if (d instanceof SetKey k) {
            return "key " + k.key();
        }
        return d.toString();
    }

    private static String effect(EffectSpec fx) {
        return switch (fx.type()) {
            case HPF, LPF, BANDPASS, LOW_SHELF, HIGH_SHELF -> fx.type().name().toLowerCase(Locale.ROOT) + "@"
                    + Math.round(fx.cutoffHz()) + "Hz";
            case REVERB -> "reverb " + number(fx.decaySeconds()) + "s";
            case DELAY -> "delay " + fx.noteValue();
        };
    }

    private static String bands(BandProfile profile) {
        Band dominant = profile.dominantBand();
        return dominant.label() + String.format(Locale.ROOT, " (%.0f%%)", 100 * profile.share(dominant));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
