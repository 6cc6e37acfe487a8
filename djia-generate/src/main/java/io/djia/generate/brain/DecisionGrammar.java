package io.djia.generate.brain;

import io.djia.core.fx.EffectSpec;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.StyleProfile;
import io.djia.generate.brain.ManageLayer.LayerOperation;
import io.djia.generate.brain.ManageLayer.PlaybackParams;
import io.djia.generate.brain.ManageLayer.SampleDetails;
import io.djia.generate.brain.ManageLayer.StartBehavior;
import io.djia.generate.brain.ManageLayer.StopBehavior;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A llama.cpp GBNF grammar for one decision in compact JSON, derived from the {@link Decision} records: the field
 * names and their order come from the record components (snake_case, with {@code reasoning} first so a model
 * explains before it decides), enum values from the enums, layer types and phases from the profile, and the layer
 * ids a {@code remove} may name from the layers that play. A model sampled under it can only write JSON that
 * {@link DecisionJson#parse} reads; ranges the grammar cannot express exactly are still checked by
 * {@link DecisionValidator}. No whitespace is allowed between tokens, and every string and list is bounded, because
 * a small model can otherwise spend its whole token budget on spaces.
 */
final class DecisionGrammar {
    static final int MAX_REASONING = 150;
    static final int MAX_SPEECH = 80;
    static final int MAX_KEYWORDS = 4;
    static final int MAX_EFFECTS = 2;

    private DecisionGrammar() {
    }

    /** Every kind of decision. */
    static final Set<String> ALL_ACTIONS = Set.of("manage_layer", "speech", "set_phase", "set_tempo", "set_key");

    /** The grammar for any decision at this state: removes may name only the layers that play. */
    static String forState(StyleProfile profile, List<SetState.ActiveLayer> playing) {
        return forState(profile, playing, ALL_ACTIONS);
    }

    /**
     * The grammar for a decision of one of the given kinds ({@code manage_layer}, {@code speech}, {@code set_phase},
     * {@code set_tempo}, {@code set_key}); removes may name only the layers that play.
     */
    static String forState(StyleProfile profile, List<SetState.ActiveLayer> playing, Set<String> allowed) {
        if (!allowed.contains("manage_layer")) {
            throw new IllegalArgumentException("layer decisions are always allowed");
        }
        Map<String, String> rules = new LinkedHashMap<>();
        List<String> actions = new ArrayList<>();
        actions.add("add");
        if (!playing.isEmpty()) {
            actions.add("remove");
        }
        for (String action : List.of("speech", "set_phase", "set_tempo", "set_key")) {
            if (allowed.contains(action)) {
                actions.add(action.replace('_', '-'));
            }
        }
        rules.put("root", String.join(" | ", actions));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reasoning", "reason");
        fields.put("layer_id", "new-id");
        fields.put("operation", lit(json(enumValue(LayerOperation.ADD_REPLACE))));
        fields.put("sample_details", "details");
        fields.put("playback_params", "playback");
        fields.put("effects", "effects");
        fields.put("stop_behavior", "stop");
        rules.put("add", object(ManageLayer.class, "manage_layer", fields, Set.of()));

        Map<String, String> removeFields = new LinkedHashMap<>(fields);
        removeFields.put("layer_id", "playing-id");
        removeFields.put("operation", lit(json(enumValue(LayerOperation.REMOVE))));
        if (!playing.isEmpty()) {
            rules.put("remove", object(ManageLayer.class, "manage_layer", removeFields,
                    Set.of("sample_details", "playback_params", "effects")));
        }

        putIf(rules, actions, "speech", object(Speech.class, "speech", Map.of("reasoning", "reason",
                "text", "spoken", "energy", "level"), Set.of()));
        putIf(rules, actions, "set-phase", object(SetPhase.class, "set_phase", Map.of("reasoning", "reason",
                "new_phase", "phase-name"), Set.of()));
        putIf(rules, actions, "set-tempo", object(SetTempo.class, "set_tempo", Map.of("reasoning", "reason",
                "bpm", "bpm"), Set.of()));
        putIf(rules, actions, "set-key", object(SetKey.class, "set_key", Map.of("reasoning", "reason",
                "key", "key-name"), Set.of()));

        Map<String, String> detailFields = new LinkedHashMap<>();
        detailFields.put("type", "type-name");
        detailFields.put("musicgen_prompt_keywords", "\"[\" word (\",\" word){0," + (MAX_KEYWORDS - 1) + "} \"]\"");
        detailFields.put("key", "(key-name | \"null\")");
        detailFields.put("measures", "(\"1\" | \"2\" | \"4\" | \"8\")");
        detailFields.put("intensity", "level");
        detailFields.put("preferred_stems", "\"[\" stem (\",\" stem){0,2} \"]\"");
        rules.put("details", record(SampleDetails.class, detailFields));

        Map<String, String> playbackFields = new LinkedHashMap<>();
        playbackFields.put("volume", "unit");
        playbackFields.put("pan", "\"-\"? unit");
        playbackFields.put("start_behavior", choice(StartBehavior.values()));
        playbackFields.put("fade_in_beats", "([0-9] | \"1\" [0-6])");
        rules.put("playback", record(PlaybackParams.class, playbackFields));

        rules.put("stop", choice(StopBehavior.values()));
        rules.put("effects", "\"[\" (effect (\",\" effect){0," + (MAX_EFFECTS - 1) + "})? \"]\"");
        rules.put("effect", "filter | reverb | delay");
        rules.put("filter", lit("{\"type\":") + " (" + lit(json(fx(EffectSpec.Type.HPF))) + " | "
                + lit(json(fx(EffectSpec.Type.LPF))) + " | " + lit(json(fx(EffectSpec.Type.BANDPASS))) + ") "
                + lit(",\"cutoff_hz\":") + " hz " + lit("}"));
        rules.put("reverb", lit("{\"type\":" + json(fx(EffectSpec.Type.REVERB)) + ",\"size\":") + " unit "
                + lit(",\"decay_seconds\":") + " [1-9] (\".\" [0-9])? " + lit(",\"mix\":") + " unit " + lit("}"));
        rules.put("delay", lit("{\"type\":" + json(fx(EffectSpec.Type.DELAY)) + ",\"note_value\":\"1/")
                + " (\"2\" | \"4\" | \"8\" | \"16\") (\"d\" | \"t\")? " + lit("\",\"feedback\":")
                + " \"0.\" ([0-8] [0-9]? | \"9\" [0-5]?) " + lit(",\"mix\":") + " unit " + lit("}"));

        List<String> typeNames = profile.layerTypes().stream().map(LayerType::name).toList();
        rules.put("type-name", alternatives(typeNames.stream().map(DecisionGrammar::json).toList()));
        rules.put("new-id", "\"\\\"\" (" + String.join(" | ", typeNames.stream().map(DecisionGrammar::lit).toList())
                + ") \"_\" [1-9] \"\\\"\"");
        Set<String> ids = new TreeSet<>();
        for (SetState.ActiveLayer layer : playing) {
            ids.add(layer.layerId());
        }
        if (!ids.isEmpty()) {
            rules.put("playing-id", alternatives(ids.stream().map(DecisionGrammar::json).toList()));
        }
        rules.put("phase-name", alternatives(profile.phases().stream().map(Phase::name).map(DecisionGrammar::json).toList()));
        rules.put("stem", alternatives(DecisionValidator.STEMS.stream().map(DecisionGrammar::json).toList()));
        rules.put("key-name", "\"\\\"\" ([A-G] (\"#\" | \"b\")? \" \" (\"major\" | \"minor\") | \"atonal\") \"\\\"\"");
        rules.put("level", "[1-9] | \"10\"");
        rules.put("unit", "\"0\" (\".\" [0-9] [0-9]?)? | \"1\" (\".0\")?");
        rules.put("hz", "[1-9] [0-9] [0-9]? [0-9]? [0-9]?");
        rules.put("bpm", "[4-9] [0-9] | \"1\" [0-9] [0-9] | \"2\" [0-3] [0-9]");
        rules.put("reason", "\"\\\"\" [A-Z] [a-zA-Z0-9 ,.'!?;:()/-]{7," + (MAX_REASONING - 1) + "} \"\\\"\"");
        rules.put("spoken", "\"\\\"\" [A-Z] [a-zA-Z0-9 ,.'!?-]{1," + (MAX_SPEECH - 1) + "} \"\\\"\"");
        rules.put("word", "\"\\\"\" [a-z0-9] [a-z0-9 '-]{0,23} \"\\\"\"");

        StringBuilder gbnf = new StringBuilder();
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            gbnf.append(rule.getKey()).append(" ::= ").append(rule.getValue()).append('\n');
        }
        String text = gbnf.toString();
        check(text);
        return text;
    }

    /** Adds an action's rule only when the action is offered (unused value rules are harmless in GBNF). */
    private static void putIf(Map<String, String> rules, List<String> actions, String name, String body) {
        if (actions.contains(name)) {
            rules.put(name, body);
        }
    }

    /**
     * One JSON object as a sequence: {@code action_type} (when the record is a decision), then {@code reasoning},
     * then the other record components in declaration order, each with its value rule. Every component must have a
     * rule or be listed as omitted, so a new field in a record fails here rather than drifting from the grammar.
     */
    private static String object(Class<? extends Record> type, String actionType, Map<String, String> valueRules,
                                 Set<String> omitted) {
        List<String> order = new ArrayList<>();
        order.add("reasoning");
        for (RecordComponent c : type.getRecordComponents()) {
            String name = snake(c.getName());
            if (!name.equals("reasoning")) {
                order.add(name);
            }
        }
        StringBuilder out = new StringBuilder(lit("{\"action_type\":" + json(actionType)));
        for (String field : order) {
            if (omitted.contains(field)) {
                continue;
            }
            String rule = valueRules.get(field);
            if (rule == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + field + " has no grammar rule");
            }
            out.append(' ').append(lit("," + json(field) + ":")).append(' ').append(rule);
        }
        return out.append(' ').append(lit("}")).toString();
    }

    /** A nested record (no action type, no reasoning) in component order. */
    private static String record(Class<? extends Record> type, Map<String, String> valueRules) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (RecordComponent c : type.getRecordComponents()) {
            String field = snake(c.getName());
            String rule = valueRules.get(field);
            if (rule == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + field + " has no grammar rule");
            }
            out.append(first ? lit("{" + json(field) + ":") : " " + lit("," + json(field) + ":")).append(' ').append(rule);
            first = false;
        }
        return out.append(' ').append(lit("}")).toString();
    }

    private static String choice(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(json(enumValue(v)));
        }
        return alternatives(names);
    }

    /** Literal alternatives, parenthesised so they can stand inside a sequence. */
    private static String alternatives(List<String> jsonValues) {
        return "(" + String.join(" | ", jsonValues.stream().map(DecisionGrammar::lit).toList()) + ")";
    }

    private static String enumValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String fx(EffectSpec.Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A JSON string literal (the values used here need no escaping beyond quotes). */
    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A GBNF literal matching {@code text} exactly. */
    static String lit(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Checks a grammar's structure before llama.cpp sees it (llama.cpp only logs a grammar it cannot parse and then
     * samples unconstrained): a root rule, every referenced rule defined, literals and character classes closed.
     *
     * @throws IllegalStateException naming the problem
     */
    static void check(String gbnf) {
        Set<String> defined = new HashSet<>();
        Set<String> referenced = new TreeSet<>();
        for (String line : gbnf.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int sep = line.indexOf(" ::= ");
            if (sep <= 0) {
                throw new IllegalStateException("grammar line without ' ::= ': " + line);
            }
            String name = line.substring(0, sep);
            if (!name.matches("[a-zA-Z][a-zA-Z0-9-]*") || !defined.add(name)) {
                throw new IllegalStateException("bad or repeated rule name: " + name);
            }
            String body = line.substring(sep + 5);
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == '"' || c == '[') {
                    char close = c == '"' ? '"' : ']';
                    i++;
                    while (i < body.length() && body.charAt(i) != close) {
                        i += body.charAt(i) == '\\' ? 2 : 1;
                    }
                    if (i >= body.length()) {
                        throw new IllegalStateException("unclosed " + (c == '"' ? "literal" : "character class")
                                + " in rule " + name);
                    }
                    i++;
                } else if (c == '{') {
                    int end = body.indexOf('}', i);
                    if (end < 0 || !body.substring(i + 1, end).matches("\\d+(,\\d*)?")) {
                        throw new IllegalStateException("bad repetition in rule " + name);
                    }
                    i = end + 1;
                } else if (Character.isLetter(c)) {
                    int start = i;
                    while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '-')) {
                        i++;
                    }
                    referenced.add(body.substring(start, i));
                } else {
                    i++;
                }
            }
        }
        if (!defined.contains("root")) {
            throw new IllegalStateException("grammar has no root rule");
        }
        referenced.removeAll(defined);
        if (!referenced.isEmpty()) {
            throw new IllegalStateException("grammar references undefined rules " + referenced);
        }
    }
}
