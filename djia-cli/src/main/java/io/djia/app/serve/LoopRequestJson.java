package io.djia.app.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.theory.Key;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Reads a {@code POST /generate} body into a {@link LoopRequest}, rejecting anything unexpected with a 400 that
 * names the field: unknown fields (so a typo is not silently ignored), wrong types, values out of range, and any
 * style that is not a built-in name (a client never chooses a file on the server). Thread-safe.
 */
final class LoopRequestJson {
    static final Set<String> FIELDS = Set.of("prompt", "style", "bpm", "key", "measures", "preferred_stems", "seed",
            "intensity");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final int DEFAULT_MEASURES = 4;

    private LoopRequestJson() {
    }

    /**
     * @param body        the request body (UTF-8 JSON)
     * @param defaultSeed called for a seed when the body has none
     * @throws ApiError 400 naming the field that is wrong
     */
    static LoopRequest parse(byte[] body, LongSupplier defaultSeed) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed_json", "the body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ApiError.badRequest("malformed_json", "the body could not be read as JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("malformed_json", "the body must be a JSON object such as"
                    + " {\"style\": \"techno_minimal\", \"prompt\": \"deep bass\"}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiError.badField(name, "unknown field; expected some of " + FIELDS.stream().sorted().toList());
            }
        }
        String prompt = text(root, "prompt", LoopRequest.MAX_PROMPT_CHARS);
        String style = style(root);
        Double bpm = null;
        if (present(root, "bpm")) {
            JsonNode n = root.get("bpm");
            if (!n.isNumber()) {
                throw ApiError.badField("bpm", "must be a number of beats per minute, got " + n.getNodeType());
            }
            bpm = n.doubleValue();
            if (!(bpm >= LoopRequest.MIN_BPM && bpm <= LoopRequest.MAX_BPM)) {
                throw ApiError.badField("bpm", "must be " + (int) LoopRequest.MIN_BPM + ".." + (int) LoopRequest.MAX_BPM
                        + ", got " + n.asText());
            }
        }
        String key = text(root, "key", 40);
        if (key != null) {
            try {
                key = Key.parse(key).displayName();
            } catch (IllegalArgumentException e) {
                throw ApiError.badField("key", e.getMessage());
            }
        }
        int measures = DEFAULT_MEASURES;
        if (present(root, "measures")) {
            measures = (int) integer(root, "measures", Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (measures != 1 && measures != 2 && measures != 4 && measures != 8) {
                throw ApiError.badField("measures", "must be 1, 2, 4 or 8 bars, got " + measures);
            }
        }
        Integer intensity = present(root, "intensity") ? (int) integer(root, "intensity", 1, 10) : null;
        long seed = present(root, "seed") ? integer(root, "seed", Long.MIN_VALUE, Long.MAX_VALUE)
                : defaultSeed.getAsLong();
        return new LoopRequest(prompt, style, bpm, key, measures, stems(root), seed, intensity);
    }

    private static boolean present(JsonNode root, String field) {
        return root.has(field) && !root.get(field).isNull();
    }

    private static String text(JsonNode root, String field, int maxChars) {
        if (!present(root, field)) {
            return null;
        }
        JsonNode n = root.get(field);
        if (!n.isTextual()) {
            throw ApiError.badField(field, "must be a string, got " + n.getNodeType());
        }
        String value = n.textValue();
        if (value.length() > maxChars) {
            throw ApiError.badField(field, "must be at most " + maxChars + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ApiError.badField(field, "must not hold control characters (found one at index " + i + ")");
            }
        }
        return value;
    }

    private static String style(JsonNode root) {
        String style = text(root, "style", 64);
        if (style == null || style.isBlank()) {
            throw ApiError.badField("style", "missing; expected one of " + ProfileLibrary.BUILT_IN);
        }
        String name = style.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!ProfileLibrary.BUILT_IN.contains(name)) {
            throw ApiError.badField("style", "unknown style \"" + style + "\"; expected one of " + ProfileLibrary.BUILT_IN);
        }
        return name;
    }

    private static long integer(JsonNode root, String field, long min, long max) {
        JsonNode n = root.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiError.badField(field, "must be a whole number in " + min + ".." + max + ", got " + n);
        }
        long value = n.longValue();
        if (value < min || value > max) {
            throw ApiError.badField(field, "must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** A stem name or a list of them, as the original API allowed both. */
    private static List<String> stems(JsonNode root) {
        if (!present(root, "preferred_stems")) {
            return List.of();
        }
        JsonNode n = root.get("preferred_stems");
        List<JsonNode> items = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(items::add);
        } else {
            items.add(n);
        }
        if (items.size() > LoopRequest.STEMS.size()) {
            throw ApiError.badField("preferred_stems", "at most " + LoopRequest.STEMS.size() + " stems, got " + items.size());
        }
        List<String> stems = new ArrayList<>();
        for (JsonNode item : items) {
            String stem = item.isTextual() ? item.textValue().trim().toLowerCase(Locale.ROOT) : null;
            if (stem == null || !LoopRequest.STEMS.contains(stem)) {
                throw ApiError.badField("preferred_stems", "unknown stem " + item + "; expected some of "
                        + LoopRequest.STEMS);
            }
            if (!stems.contains(stem)) {
                stems.add(stem);
            }
        }
        if (stems.contains("random") && stems.size() > 1) {
            throw ApiError.badField("preferred_stems", "\"random\" stands alone, got " + stems);
        }
        return stems;
    }
}
