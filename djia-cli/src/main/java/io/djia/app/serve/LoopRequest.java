package io.djia.app.serve;

import java.util.List;

/**
 * One loop to generate, as a client asked for it (already validated at the edge by {@link LoopRequestJson}).
 *
 * @param prompt         free text for the brain ("deep rolling bass"); empty lets the brain choose
 * @param style          a built-in profile name, never a path
 * @param bpm            tempo override in BPM, or null for the style's
 * @param key            key override ("F minor", "Ebm", "atonal"), or null for the style's
 * @param measures       loop length in bars: 1, 2, 4 or 8
 * @param preferredStems stems the client wants, or empty to take the brain's choice
 * @param seed           random seed; the same request and seed give the same loop
 * @param intensity      energy 1..10, or null to take the brain's choice
 */
public record LoopRequest(String prompt, String style, Double bpm, String key, int measures, List<String> preferredStems,
                          long seed, Integer intensity) {
    /** Stem names a client may ask for (Demucs' four stems, the whole mix, or a random pick). */
    public static final List<String> STEMS = List.of("drums", "bass", "other", "vocals", "all", "random");
    public static final double MIN_BPM = 40;
    public static final double MAX_BPM = 240;
    public static final int MAX_PROMPT_CHARS = 500;

    public LoopRequest {
        prompt = prompt == null ? "" : prompt;
        preferredStems = preferredStems == null ? List.of() : List.copyOf(preferredStems);
        if (style == null || style.isBlank()) {
            throw new IllegalArgumentException("a style is required");
        }
        if (bpm != null && !(bpm >= MIN_BPM && bpm <= MAX_BPM)) {
            throw new IllegalArgumentException("bpm must be " + MIN_BPM + ".." + MAX_BPM + ", got " + bpm);
        }
        if (measures != 1 && measures != 2 && measures != 4 && measures != 8) {
            throw new IllegalArgumentException("measures must be 1, 2, 4 or 8, got " + measures);
        }
        if (intensity != null && (intensity < 1 || intensity > 10)) {
            throw new IllegalArgumentException("intensity must be 1..10, got " + intensity);
        }
        for (String stem : preferredStems) {
            if (!STEMS.contains(stem)) {
                throw new IllegalArgumentException("unknown stem \"" + stem + "\"; expected one of " + STEMS);
            }
        }
    }
}
