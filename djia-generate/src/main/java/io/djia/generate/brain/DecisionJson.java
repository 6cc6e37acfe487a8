package io.djia.generate.brain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.djia.core.fx.EffectSpec;
import java.io.IOException;
import java.util.Locale;

/**
 * The decision JSON: snake_case fields, an {@code action_type} discriminator, lower-case enum values
 * ({@code add_replace}, {@code next_bar}, {@code fade_out_bar}) and compact effects that carry only the fields
 * their type reads ({@code {"type": "hpf", "cutoff_hz": 800.0, "q": 0.707}}). Effects are read back through
 * {@link EffectSpec#fromJson}. Thread-safe.
 */
public final class DecisionJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("djia-decisions").addSerializer(EffectSpec.class, new EffectSerializer()))
            .build();

    private DecisionJson() {
    }

    /** The configured mapper (also serialises {@link DecisionLog} entries for set.json). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One-line JSON of a decision. */
    public static String toJson(Decision decision) {
        try {
            return MAPPER.writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision cannot be written as JSON: " + decision, e);
        }
    }

    /** The decision as a JSON tree. */
    public static JsonNode toTree(Decision decision) {
        return MAPPER.valueToTree(decision);
    }

    /** Reads JSON text into a tree; NaN and Infinity literals are accepted so a validator can correct them. */
    public static JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            throw new DecisionParseException("", "empty decision text; expected a JSON object with an action_type");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new DecisionParseException("", "decision must be a JSON object, got: " + abbreviate(json));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DecisionParseException("", "decision is not valid JSON (" + e.getOriginalMessage() + "): "
                    + abbreviate(json));
        }
    }

    /**
     * Parses a decision strictly (no repair; see {@link DecisionValidator} for lenient reading).
     *
     * @throws DecisionParseException naming the field that is missing or wrong
     */
    public static Decision parse(String json) {
        return fromTree(readTree(json));
    }

    /** Converts a tree strictly into a decision; errors name the field. */
    public static Decision fromTree(JsonNode node) {
        if (!node.hasNonNull("action_type")) {
            throw new DecisionParseException("action_type",
                    "missing; expected one of manage_layer, speech, set_phase, set_tempo, set_key");
        }
        JsonNode filled = withOptionalDefaults(node);
        try {
            return MAPPER.treeToValue(filled, Decision.class);
        } catch (JsonMappingException e) {
            String path = fieldPath(e);
            String message = rootMessage(e);
            if (message != null && message.startsWith("Cannot map `null` into type")) {
                message = "missing; a value is required";
            }
            return throwWithField(filled, path, message);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DecisionParseException("", rootMessage(e));
        }
    }

    /** Optional numeric fields the records default (a missing primitive would otherwise read as an error). */
    private static JsonNode withOptionalDefaults(JsonNode node) {
        JsonNode playback = node.get("playback_params");
        if (playback instanceof ObjectNode p && !p.has("fade_in_beats")) {
            ObjectNode copy = node.deepCopy();
            ((ObjectNode) copy.get("playback_params")).put("fade_in_beats", 0.0);
            return copy;
        }
        return node;
    }

    /**
     * A record constructor that rejects a value reports only the object it was building; its message starts
     * with the field ("measures must be 1, 2, 4 or 8"), so the field is added to the path when the object has it.
     */
    private static Decision throwWithField(JsonNode root, String path, String message) {
        JsonNode at = root;
        for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
            String name = part.replaceAll("\\[\\d+]$", "");
            at = at == null ? null : at.get(name);
            if (at != null && !name.equals(part)) {
                at = at.get(Integer.parseInt(part.substring(name.length() + 1, part.length() - 1)));
            }
        }
        String fullPath = path;
        if (at != null && at.isObject() && message != null) {
            String[] words = message.split("[\\s:]+", 3);
            for (int i = 0; i < Math.min(2, words.length); i++) {
                if (at.has(words[i])) {
                    fullPath = path.isEmpty() ? words[i] : path + "." + words[i];
                    break;
                }
            }
        }
        throw new DecisionParseException(fullPath, message);
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof JsonMappingException jme) {
            return jme.getOriginalMessage();
        }
        return t.getMessage();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    /** A decision that could not be read; {@link #field()} is the dotted path ("sample_details.measures"). */
    public static final class DecisionParseException extends IllegalArgumentException {
        private final String field;

        DecisionParseException(String field, String problem) {
            super(field.isEmpty() ? problem : "decision field " + field + ": " + problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Writes only the fields an effect type reads, in the names {@link EffectSpec#fromJson} accepts. */
    private static final class EffectSerializer extends StdSerializer<EffectSpec> {
        EffectSerializer() {
            super(EffectSpec.class);
        }

        @Override
        public void serialize(EffectSpec fx, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("type", fx.type().name().toLowerCase(Locale.ROOT));
            switch (fx.type()) {
                case HPF, LPF, BANDPASS -> {
                    gen.writeNumberField("cutoff_hz", fx.cutoffHz());
                    gen.writeNumberField("q", fx.q());
                }
                case LOW_SHELF, HIGH_SHELF -> {
                    gen.writeNumberField("cutoff_hz", fx.cutoffHz());
                    gen.writeNumberField("q", fx.q());
                    gen.writeNumberField("gain_db", fx.gainDb());
                }
                case REVERB -> {
                    gen.writeNumberField("size", fx.size());
                    gen.writeNumberField("decay_seconds", fx.decaySeconds());
                    gen.writeNumberField("mix", fx.mix());
                }
                case DELAY -> {
                    gen.writeStringField("note_value", fx.noteValue());
                    gen.writeNumberField("feedback", fx.feedback());
                    gen.writeNumberField("mix", fx.mix());
                }
            }
            gen.writeEndObject();
        }
    }
}
