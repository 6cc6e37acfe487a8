package io.djia.generate.brain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djia.core.fx.EffectSpec;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a decision against a profile and repairs what can be repaired, on the JSON tree so that wrong types
 * ({@code "volume": "loud"}), NaN, Infinity, huge numbers and missing fields are corrected instead of thrown.
 * Every correction is returned as one human-readable line naming the field, the bad value and what was used.
 *
 * <p>Ranges: volume 0..1 (values in (1, 100] are read as percent), pan -1..1, cutoff 20..20000 Hz, measures
 * snapped to 1/2/4/8, intensity and energy 1..10, tempo 40..240 BPM, layer types from the profile (an unknown
 * type becomes the closest by name or role), stems from drums/bass/other/vocals/all/random, keys parseable.
 * What cannot be repaired (no action, a speech without text, an unknown phase, a tempo that is not a number)
 * is rejected with an {@link InvalidDecisionException}. Immutable and thread-safe.
 */
public final class DecisionValidator {
    public static final double MIN_CUTOFF_HZ = 20;
    public static final double MAX_CUTOFF_HZ = 20_000;
    public static final double MIN_BPM = 40;
    public static final double MAX_BPM = 240;
    public static final int MAX_EFFECTS = 4;
    public static final int MAX_SPEECH_CHARS = 140;
    public static final int MAX_REASONING_CHARS = 300;
    public static final List<String> STEMS = List.of("drums", "bass", "other", "vocals", "all", "random");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ACTIONS = List.of("manage_layer", "speech", "set_phase", "set_tempo", "set_key");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "manage_layer", Set.of("action_type", "layer_id", "operation", "sample_details", "playback_params",
                    "effects", "stop_behavior", "reasoning"),
            "speech", Set.of("action_type", "text", "energy", "reasoning"),
            "set_phase", Set.of("action_type", "new_phase", "reasoning"),
            "set_tempo", Set.of("action_type", "bpm", "reasoning"),
            "set_key", Set.of("action_type", "key", "reasoning"));
    private static final Map<String, String> STEM_ALIASES = Map.ofEntries(
            Map.entry("drum", "drums"), Map.entry("percussion", "drums"), Map.entry("beat", "drums"),
            Map.entry("beats", "drums"), Map.entry("rhythm", "drums"), Map.entry("basses", "bass"),
            Map.entry("bassline", "bass"), Map.entry("melody", "other"), Map.entry("music", "other"),
            Map.entry("instruments", "other"), Map.entry("synth", "other"), Map.entry("harmony", "other"),
            Map.entry("vocal", "vocals"), Map.entry("voice", "vocals"), Map.entry("vox", "vocals"),
            Map.entry("everything", "all"), Map.entry("full", "all"), Map.entry("mix", "all"), Map.entry("any", "random"));
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("add_replace", "add_replace"), Map.entry("addreplace", "add_replace"), Map.entry("add", "add_replace"),
            Map.entry("replace", "add_replace"), Map.entry("swap", "add_replace"), Map.entry("new", "add_replace"),
            Map.entry("start", "add_replace"), Map.entry("play", "add_replace"), Map.entry("add_layer", "add_replace"),
            Map.entry("remove", "remove"), Map.entry("delete", "remove"), Map.entry("stop", "remove"),
            Map.entry("mute", "remove"), Map.entry("kill", "remove"), Map.entry("remove_layer", "remove"));
    private static final Map<String, String> STARTS = Map.of("immediate", "immediate", "now", "immediate",
            "next_beat", "next_beat", "beat", "next_beat", "next_bar", "next_bar", "bar", "next_bar");
    private static final Map<String, String> STOPS = Map.of("immediate", "immediate", "now", "immediate",
            "fade_out_bar", "fade_out_bar", "fade_out", "fade_out_bar", "fade", "fade_out_bar",
            "next_bar_end", "next_bar_end", "end_of_bar", "next_bar_end", "bar_end", "next_bar_end");

    private final StyleProfile profile;

    public DecisionValidator(StyleProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("a decision validator needs a profile");
        }
        this.profile = profile;
    }

    public StyleProfile profile() {
        return profile;
    }

    /**
     * A valid decision and the corrections made to reach it (empty when the input was already valid).
     *
     * @param decision    the decision to apply
     * @param corrections one line per repair, e.g. {@code "playback_params.volume: 1.7 clamped to 1.0"}
     */
    public record Result(Decision decision, List<String> corrections) {
        public Result {
            if (decision == null) {
                throw new IllegalArgumentException("a validation result needs a decision");
            }
            corrections = corrections == null ? List.of() : List.copyOf(corrections);
        }

        public boolean corrected() {
            return !corrections.isEmpty();
        }
    }

    /** A decision that cannot be repaired; the message says why, and {@link #corrections()} lists what was tried. */
    public static final class InvalidDecisionException extends IllegalArgumentException {
        private final List<String> corrections;

        InvalidDecisionException(String problem, List<String> corrections) {
            super(problem);
            this.corrections = List.copyOf(corrections);
        }

        public List<String> corrections() {
            return corrections;
        }
    }

    /** Parses and validates JSON text (NaN and Infinity literals are accepted and corrected). */
    public Result validate(String json) {
        JsonNode node;
        try {
            node = DecisionJson.readTree(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidDecisionException(e.getMessage(), List.of());
        }
        return validate(node);
    }

    /** Validates an already built decision against this profile (e.g. a layer type from another profile). */
    public Result validate(Decision decision) {
        return validate(DecisionJson.toTree(decision));
    }

    /** Validates and repairs a JSON tree. */
    public Result validate(JsonNode raw) {
        List<String> corrections = new ArrayList<>();
        if (raw == null || !raw.isObject()) {
            throw new InvalidDecisionException("decision must be a JSON object, got "
                    + (raw == null ? "nothing" : raw.getNodeType().name().toLowerCase(Locale.ROOT)), corrections);
        }
        String action = actionType(raw, corrections);
        for (Iterator<String> it = raw.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.get(action).contains(field)) {
                corrections.add(field + ": not a field of " + action + ", ignored");
            }
        }
        ObjectNode clean = NODES.objectNode();
        clean.put("action_type", action);
        switch (action) {
            case "manage_layer" -> manageLayer(raw, clean, corrections);
            case "speech" -> speech(raw, clean, corrections);
            case "set_phase" -> setPhase(raw, clean, corrections);
            case "set_tempo" -> setTempo(raw, clean, corrections);
            default -> setKey(raw, clean, corrections);
        }
        clean.put("reasoning", reasoning(raw, corrections));
        try {
            return new Result(DecisionJson.fromTree(clean), corrections);
        } catch (IllegalArgumentException e) {
            throw new InvalidDecisionException("decision still invalid after repair: " + e.getMessage(), corrections);
        }
    }

    // ---- action type and reasoning ----------------------------------------------------------------------------

    private static String actionType(JsonNode raw, List<String> corrections) {
        JsonNode node = raw.get("action_type");
        if (node != null && node.isTextual()) {
            String t = LayerVocabulary.normalise(node.asText());
            if (ACTIONS.contains(t)) {
                return t;
            }
            String alias = switch (t) {
                case "managelayer", "layer", "add_layer", "remove_layer", "add", "remove" -> "manage_layer";
                case "speak", "say", "voice", "talk" -> "speech";
                case "phase", "setphase", "change_phase" -> "set_phase";
                case "tempo", "settempo", "bpm", "change_tempo" -> "set_tempo";
                case "key", "setkey", "change_key" -> "set_key";
                default -> null;
            };
            if (alias != null) {
                corrections.add("action_type: \"" + node.asText() + "\" read as " + alias);
                return alias;
            }
        }
        String inferred = raw.has("layer_id") || raw.has("operation") || raw.has("sample_details") ? "manage_layer"
                : raw.has("text") ? "speech"
                : raw.has("new_phase") ? "set_phase"
                : raw.has("bpm") ? "set_tempo"
                : raw.has("key") ? "set_key" : null;
        if (inferred == null) {
            throw new InvalidDecisionException("action_type: " + describe(node)
                    + "; expected one of " + String.join(", ", ACTIONS), corrections);
        }
        corrections.add("action_type: " + describe(node) + ", inferred " + inferred + " from the fields present");
        return inferred;
    }

    private static String reasoning(JsonNode raw, List<String> corrections) {
        JsonNode node = raw.get("reasoning");
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            corrections.add("reasoning: missing, noted as not given");
            return "(no reasoning given)";
        }
        String text = node.isTextual() ? node.asText() : node.toString();
        if (!node.isTextual()) {
            corrections.add("reasoning: not a string, used its JSON text");
        }
        text = text.replaceAll("\\p{Cntrl}+", " ").trim();
        if (text.length() > MAX_REASONING_CHARS) {
            corrections.add("reasoning: " + text.length() + " characters cut to " + MAX_REASONING_CHARS);
            text = text.substring(0, MAX_REASONING_CHARS - 3) + "...";
        }
        return text;
    }

    // ---- manage_layer -----------------------------------------------------------------------------------------

    private void manageLayer(JsonNode raw, ObjectNode clean, List<String> corrections) {
        JsonNode details = raw.get("sample_details");
        String operation = choice(raw, "operation", "operation", OPERATIONS, null, corrections);
        if (operation == null) {
            operation = details != null && details.isObject() ? "add_replace" : "remove";
            corrections.add("operation: " + describe(raw.get("operation")) + ", inferred " + operation);
        }
        clean.put("operation", operation);

        JsonNode idNode = raw.get("layer_id");
        String layerId = idNode != null && !idNode.isNull() && !idNode.isContainerNode() ? idNode.asText() : "";
        String cleanId = layerId.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (cleanId.length() > 40) {
            cleanId = cleanId.substring(0, 40);
        }
        LayerType type = null;
        if (operation.equals("add_replace")) {
            type = layerType(details, cleanId, corrections);
        }
        if (cleanId.isEmpty()) {
            if (type == null) {
                throw new InvalidDecisionException("layer_id: " + describe(idNode)
                        + "; a remove needs the id of a playing layer", corrections);
            }
            cleanId = type.name() + "_1";
            corrections.add("layer_id: " + describe(idNode) + ", used " + cleanId);
        } else if (!cleanId.equals(layerId)) {
            corrections.add("layer_id: \"" + layerId + "\" cleaned to " + cleanId);
        }
        clean.put("layer_id", cleanId);
        clean.put("stop_behavior", raw.has("stop_behavior")
                ? choice(raw, "stop_behavior", "stop_behavior", STOPS, "fade_out_bar", corrections) : "fade_out_bar");
        if (type == null) {
            clean.set("effects", NODES.arrayNode());
            return;
        }
        clean.set("sample_details", sampleDetails(details, type, corrections));
        clean.set("playback_params", playback(raw.get("playback_params"), type, corrections));
        clean.set("effects", effects(raw.get("effects"), corrections));
    }

    private LayerType layerType(JsonNode details, String layerId, List<String> corrections) {
        JsonNode typeNode = details != null && details.isObject() ? details.get("type") : null;
        if (details == null || !details.isObject()) {
            Optional<LayerType> fromId = LayerVocabulary.resolve(profile, layerId.replaceAll("_\\d+$", ""));
            if (fromId.isEmpty()) {
                throw new InvalidDecisionException("sample_details: " + describe(details)
                        + "; an add_replace needs a layer type, one of " + typeNames(), corrections);
            }
            corrections.add("sample_details: " + describe(details) + ", built a " + fromId.get().name()
                    + " layer from the layer_id");
            return fromId.get();
        }
        String raw = typeNode != null && typeNode.isValueNode() && !typeNode.isNull() ? typeNode.asText() : null;
        Optional<LayerType> exact = raw == null ? Optional.empty() : profile.layerType(raw.trim());
        if (exact.isPresent()) {
            return exact.get();
        }
        Optional<LayerType> close = LayerVocabulary.resolve(profile, raw != null ? raw : layerId.replaceAll("_\\d+$", ""));
        if (close.isEmpty()) {
            throw new InvalidDecisionException("sample_details.type: " + describe(typeNode) + " is not a layer type of "
                    + profile.name() + "; expected one of " + typeNames(), corrections);
        }
        corrections.add("sample_details.type: " + describe(typeNode) + " is not a layer type of " + profile.name()
                + ", used the closest, " + close.get().name());
        return close.get();
    }

    private ObjectNode sampleDetails(JsonNode details, LayerType type, List<String> corrections) {
        JsonNode in = details != null && details.isObject() ? details : NODES.objectNode();
        String path = "sample_details.";
        ObjectNode out = NODES.objectNode();
        out.put("type", type.name());
        out.set("musicgen_prompt_keywords", keywords(in.get("musicgen_prompt_keywords"), type, corrections));

        JsonNode keyNode = in.get("key");
        if (keyNode != null && !keyNode.isNull()) {
            try {
                out.put("key", Key.parse(keyNode.isTextual() ? keyNode.asText() : "").displayName());
            } catch (IllegalArgumentException e) {
                corrections.add(path + "key: " + describe(keyNode) + " is not a key, used the set's key");
                out.putNull("key");
            }
        } else {
            out.putNull("key");
        }

        double measures = number(in, "measures", path + "measures", profile.loopBars(), corrections);
        int snapped = snapMeasures(measures);
        if (Double.isFinite(measures) && measures > 0 && snapped != measures) {
            corrections.add(path + "measures: " + fmt(measures) + " snapped to " + snapped + " (loops are 1, 2, 4 or 8 bars)");
        } else if (!(Double.isFinite(measures) && measures > 0)) {
            corrections.add(path + "measures: " + fmt(measures) + " is not a bar count, used the profile's "
                    + profile.loopBars());
            snapped = profile.loopBars();
        }
        out.put("measures", snapped);

        int defaultIntensity = (profile.intensityMin() + profile.intensityMax()) / 2;
        out.put("intensity", (int) Math.round(clamp(in, "intensity", path + "intensity", defaultIntensity, 1, 10, corrections)));
        out.set("preferred_stems", stems(in.get("preferred_stems"), type, corrections));
        return out;
    }

    /** Nearest of 1, 2, 4, 8 on a log scale (3 bars is nearer 4 than 2 musically: 2^1.58). */
    private static int snapMeasures(double measures) {
        if (!(measures > 0) || !Double.isFinite(measures)) {
            return 4;
        }
        double log = Math.log(measures) / Math.log(2);
        int exponent = (int) Math.max(0, Math.min(3, Math.round(log)));
        return 1 << exponent;
    }

    private ArrayNode keywords(JsonNode node, LayerType type, List<String> corrections) {
        ArrayNode out = NODES.arrayNode();
        List<String> words = new ArrayList<>();
        if (node == null || node.isNull()) {
            words.addAll(type.keywords());
        } else if (node.isTextual()) {
            for (String w : node.asText().split(",")) {
                words.add(w);
            }
            corrections.add("sample_details.musicgen_prompt_keywords: a string, split at commas into a list");
        } else if (node.isArray()) {
            for (JsonNode w : node) {
                if (w.isValueNode() && !w.isNull()) {
                    words.add(w.asText());
                } else {
                    corrections.add("sample_details.musicgen_prompt_keywords: dropped a non-text entry " + abbreviate(w.toString()));
                }
            }
        } else {
            corrections.add("sample_details.musicgen_prompt_keywords: " + describe(node) + ", used the layer type's keywords");
            words.addAll(type.keywords());
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String w : words) {
            String cleanWord = w.replaceAll("\\p{Cntrl}+", " ").trim();
            if (cleanWord.length() > 40) {
                cleanWord = cleanWord.substring(0, 40);
            }
            if (!cleanWord.isEmpty()) {
                unique.add(cleanWord);
            }
        }
        int kept = 0;
        for (String w : unique) {
            if (kept++ == 8) {
                corrections.add("sample_details.musicgen_prompt_keywords: kept the first 8 of " + unique.size());
                break;
            }
            out.add(w);
        }
        return out;
    }

    private ArrayNode stems(JsonNode node, LayerType type, List<String> corrections) {
        String path = "sample_details.preferred_stems";
        List<JsonNode> entries = new ArrayList<>();
        if (node == null || node.isNull()) {
            return defaultStems(type);
        } else if (node.isArray()) {
            node.forEach(entries::add);
        } else {
            entries.add(node);
        }
        Set<String> kept = new LinkedHashSet<>();
        for (JsonNode entry : entries) {
            String raw = entry.isValueNode() && !entry.isNull() ? entry.asText() : entry.toString();
            for (String part : raw.split(",")) {
                String stem = part.trim().toLowerCase(Locale.ROOT);
                if (stem.isEmpty()) {
                    continue;
                }
                if (STEMS.contains(stem)) {
                    kept.add(stem);
                } else if (STEM_ALIASES.containsKey(stem)) {
                    kept.add(STEM_ALIASES.get(stem));
                    corrections.add(path + ": \"" + part.trim() + "\" read as " + STEM_ALIASES.get(stem));
                } else {
                    corrections.add(path + ": unknown stem \"" + abbreviate(part.trim()) + "\" dropped (known: "
                            + String.join(", ", STEMS) + ")");
                }
            }
        }
        if (kept.isEmpty()) {
            corrections.add(path + ": no known stem left, used the " + type.role().name().toLowerCase(Locale.ROOT)
                    + " default " + defaultStems(type));
            return defaultStems(type);
        }
        ArrayNode out = NODES.arrayNode();
        kept.forEach(out::add);
        return out;
    }

    private static ArrayNode defaultStems(LayerType type) {
        ArrayNode out = NODES.arrayNode();
        out.add(switch (type.role()) {
            case RHYTHM, PERCUSSION -> "drums";
            case BASS -> "bass";
            default -> "other";
        });
        return out;
    }

    private ObjectNode playback(JsonNode node, LayerType type, List<String> corrections) {
        ObjectNode out = NODES.objectNode();
        JsonNode in = node;
        if (in == null || !in.isObject()) {
            corrections.add("playback_params: " + describe(node) + ", used volume 0.8, pan centre, next bar");
            in = NODES.objectNode().put("volume", 0.8).put("pan", 0.0);
        }
        String path = "playback_params.";
        double volume = number(in, "volume", path + "volume", 0.8, corrections);
        if (volume > 1 && volume <= 100) {
            corrections.add(path + "volume: " + fmt(volume) + " read as percent, " + fmt(volume / 100));
            volume /= 100;
        }
        out.put("volume", clampValue(volume, 0.8, 0, 1, path + "volume", corrections));
        double pan = number(in, "pan", path + "pan", 0, corrections);
        double cleanPan = clampValue(pan, 0, -1, 1, path + "pan", corrections);
        if (type.role() == LayerRole.BASS && Math.abs(cleanPan) > 0.2) {
            corrections.add(path + "pan: " + fmt(cleanPan) + " on a bass layer, narrowed to keep the low end centred");
            cleanPan = Math.copySign(0.2, cleanPan);
        }
        out.put("pan", cleanPan);
        out.put("start_behavior", in.has("start_behavior")
                ? choice(in, "start_behavior", path + "start_behavior", STARTS, "next_bar", corrections) : "next_bar");
        out.put("fade_in_beats", in.has("fade_in_beats")
                ? clamp(in, "fade_in_beats", path + "fade_in_beats", 0, 0, 64, corrections) : 0);
        return out;
    }

    private ArrayNode effects(JsonNode node, List<String> corrections) {
        ArrayNode out = NODES.arrayNode();
        if (node == null || node.isNull()) {
            return out;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(entries::add);
        } else if (node.isObject()) {
            corrections.add("effects: a single object, read as a list of one");
            entries.add(node);
        } else {
            corrections.add("effects: " + describe(node) + ", used no effects");
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            String path = "effects[" + i + "]";
            if (out.size() == MAX_EFFECTS) {
                corrections.add("effects: kept the first " + MAX_EFFECTS + " of " + entries.size());
                break;
            }
            JsonNode fx = entries.get(i);
            if (!fx.isObject()) {
                corrections.add(path + ": " + describe(fx) + " is not an effect, dropped");
                continue;
            }
            EffectSpec.Type type;
            try {
                JsonNode t = fx.get("type");
                type = EffectSpec.Type.parse(t != null && t.isTextual() ? t.asText() : String.valueOf(t));
            } catch (IllegalArgumentException e) {
                corrections.add(path + ".type: " + describe(fx.get("type")) + " is not an effect type, dropped ("
                        + "expected hpf, lpf, bandpass, low_shelf, high_shelf, reverb, delay)");
                continue;
            }
            ObjectNode clean = NODES.objectNode();
            clean.put("type", type.name().toLowerCase(Locale.ROOT));
            switch (type) {
                case HPF, LPF, BANDPASS, LOW_SHELF, HIGH_SHELF -> {
                    double defaultCutoff = type == EffectSpec.Type.HPF ? 200 : type == EffectSpec.Type.LPF ? 5000 : 1000;
                    clean.put("cutoff_hz", clamp(fx, "cutoff_hz", path + ".cutoff_hz", defaultCutoff,
                            MIN_CUTOFF_HZ, MAX_CUTOFF_HZ, corrections));
                    clean.put("q", fx.has("q") ? clamp(fx, "q", path + ".q", 0.707, 0.1, 40, corrections) : 0.707);
                    if (type == EffectSpec.Type.LOW_SHELF || type == EffectSpec.Type.HIGH_SHELF) {
                        clean.put("gain_db", clamp(fx, "gain_db", path + ".gain_db", 0, -24, 24, corrections));
                    }
                }
                case REVERB -> {
                    clean.put("size", fx.has("size") ? clamp(fx, "size", path + ".size", 0.5, 0, 1, corrections) : 0.5);
                    String decayField = fx.has("decay_seconds") || !fx.has("decay") ? "decay_seconds" : "decay";
                    clean.put("decay_seconds", fx.has(decayField)
                            ? clamp(fx, decayField, path + "." + decayField, 2, 0.1, 30, corrections) : 2.0);
                    clean.put("mix", fx.has("mix") ? clamp(fx, "mix", path + ".mix", 0.25, 0, 1, corrections) : 0.25);
                }
                case DELAY -> {
                    String noteField = fx.has("note_value") || !fx.has("time") ? "note_value" : "time";
                    JsonNode note = fx.get(noteField);
                    String noteValue = "1/4";
                    if (note != null && note.isTextual()) {
                        try {
                            EffectSpec.beatsOf(note.asText());
                            noteValue = note.asText().trim();
                        } catch (IllegalArgumentException e) {
                            corrections.add(path + "." + noteField + ": \"" + abbreviate(note.asText())
                                    + "\" is not a note value, used 1/4");
                        }
                    } else if (note != null) {
                        corrections.add(path + "." + noteField + ": " + describe(note)
                                + ", expected a note value such as 1/4 or 1/8d, used 1/4");
                    }
                    clean.put("note_value", noteValue);
                    clean.put("feedback", fx.has("feedback")
                            ? clamp(fx, "feedback", path + ".feedback", 0.4, 0, 0.95, corrections) : 0.4);
                    clean.put("mix", fx.has("mix") ? clamp(fx, "mix", path + ".mix", 0.25, 0, 1, corrections) : 0.25);
                }
            }
            out.add(clean);
        }
        return out;
    }

    // ---- other actions ----------------------------------------------------------------------------------------

    private void speech(JsonNode raw, ObjectNode clean, List<String> corrections) {
        JsonNode textNode = raw.get("text");
        String text = textNode != null && textNode.isValueNode() && !textNode.isNull() ? textNode.asText() : "";
        text = text.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            throw new InvalidDecisionException("text: " + describe(textNode) + "; a speech needs a short line to say",
                    corrections);
        }
        if (text.length() > MAX_SPEECH_CHARS) {
            int cut = text.lastIndexOf(' ', MAX_SPEECH_CHARS);
            String shortened = text.substring(0, cut > MAX_SPEECH_CHARS / 2 ? cut : MAX_SPEECH_CHARS);
            corrections.add("text: " + text.length() + " characters cut to " + shortened.length()
                    + " (a drop is a short line)");
            text = shortened;
        }
        clean.put("text", text);
        clean.put("energy", (int) Math.round(clamp(raw, "energy", "energy", 5, 1, 10, corrections)));
    }

    private void setPhase(JsonNode raw, ObjectNode clean, List<String> corrections) {
        JsonNode node = raw.get("new_phase");
        String name = node != null && node.isTextual() ? LayerVocabulary.normalise(node.asText()) : "";
        Phase best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Phase phase : profile.phases()) {
            if (phase.name().equalsIgnoreCase(name)) {
                clean.put("new_phase", phase.name());
                return;
            }
            int d = name.isEmpty() ? Integer.MAX_VALUE
                    : name.contains(phase.name()) || phase.name().contains(name) ? 0
                    : LayerVocabulary.editDistance(name, phase.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = phase;
            }
        }
        if (best == null || bestDistance > Math.max(1, best.name().length() / 3)) {
            throw new InvalidDecisionException("new_phase: " + describe(node) + " is not a phase of " + profile.name()
                    + "; expected one of " + profile.phases().stream().map(Phase::name).toList(), corrections);
        }
        corrections.add("new_phase: " + describe(node) + " read as " + best.name());
        clean.put("new_phase", best.name());
    }

    private static void setTempo(JsonNode raw, ObjectNode clean, List<String> corrections) {
        double bpm = number(raw, "bpm", "bpm", Double.NaN, corrections);
        if (!Double.isFinite(bpm)) {
            throw new InvalidDecisionException("bpm: " + describe(raw.get("bpm")) + "; expected a tempo in "
                    + fmt(MIN_BPM) + ".." + fmt(MAX_BPM) + " BPM", corrections);
        }
        clean.put("bpm", clampValue(bpm, bpm, MIN_BPM, MAX_BPM, "bpm", corrections));
    }

    private static void setKey(JsonNode raw, ObjectNode clean, List<String> corrections) {
        JsonNode node = raw.get("key");
        try {
            clean.put("key", Key.parse(node != null && node.isTextual() ? node.asText() : "").displayName());
        } catch (IllegalArgumentException e) {
            throw new InvalidDecisionException("key: " + describe(node) + " is not a key; expected e.g. \"F minor\"",
                    corrections);
        }
    }

    // ---- value helpers ----------------------------------------------------------------------------------------

    /**
     * A numeric field: numbers as they are, numeric text parsed ("0.5", "128 bpm", "50%"), anything else (words,
     * booleans, objects, missing) logged and replaced by {@code fallback}. NaN and infinities are returned as read.
     */
    private static double number(JsonNode parent, String field, String path, double fallback, List<String> corrections) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (!Double.isNaN(fallback)) {
                corrections.add(path + ": missing, used " + fmt(fallback));
            }
            return fallback;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            String text = node.asText().trim().toLowerCase(Locale.ROOT);
            boolean percent = text.endsWith("%");
            String digits = text.replaceAll("(bpm|hz|bars?|%|db)$", "").trim();
            try {
                double value = Double.parseDouble(digits);
                if (percent) {
                    value /= 100;
                }
                corrections.add(path + ": text \"" + abbreviate(node.asText()) + "\" read as the number " + fmt(value));
                return value;
            } catch (NumberFormatException e) {
                // falls through to the fallback below
            }
        }
        corrections.add(path + ": " + describe(node) + " is not a number, used " + fmt(fallback));
        return fallback;
    }

    private static double clamp(JsonNode parent, String field, String path, double fallback, double min, double max,
                                List<String> corrections) {
        return clampValue(number(parent, field, path, fallback, corrections), fallback, min, max, path, corrections);
    }

    private static double clampValue(double value, double fallback, double min, double max, String path,
                                     List<String> corrections) {
        if (Double.isNaN(value)) {
            corrections.add(path + ": NaN, used " + fmt(fallback));
            return fallback;
        }
        if (value < min || value > max) {
            double clamped = Math.max(min, Math.min(max, value));
            corrections.add(path + ": " + fmt(value) + " clamped to " + fmt(clamped) + " (range " + fmt(min) + ".."
                    + fmt(max) + ")");
            return clamped;
        }
        return value;
    }

    private static String choice(JsonNode parent, String field, String path, Map<String, String> allowed,
                                 String fallback, List<String> corrections) {
        JsonNode node = parent.get(field);
        if (node != null && node.isTextual()) {
            String key = LayerVocabulary.normalise(node.asText());
            String value = allowed.get(key);
            if (value != null) {
                if (!value.equals(node.asText())) {
                    corrections.add(path + ": \"" + abbreviate(node.asText()) + "\" read as " + value);
                }
                return value;
            }
        }
        if (fallback != null) {
            corrections.add(path + ": " + describe(node) + " is not one of "
                    + new LinkedHashSet<>(allowed.values()) + ", used " + fallback);
        }
        return fallback;
    }

    private List<String> typeNames() {
        return profile.layerTypes().stream().map(LayerType::name).toList();
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isNull()) {
            return "null";
        }
        return abbreviate(node.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String fmt(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return Math.abs(value) >= 1e6 ? String.format(Locale.ROOT, "%.3g", value) : String.valueOf(value);
    }
}
