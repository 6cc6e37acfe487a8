package io.djia.app.serve;

import java.util.List;

/**
 * What a remote live set asks the server for: the body of {@code POST /generate}. Start from
 * {@link #of(String, String)} and add what the user set: {@code RemoteRequest.of("dub", "heavy bass").withBpm(72.0)}.
 *
 * @param style          a built-in style name (see {@code djia profiles})
 * @param prompt         free text ("deep rolling bass"); empty lets the server's brain choose
 * @param bpm            tempo, or null for the style's
 * @param key            key ("F minor"), or null for the style's
 * @param measures       loop length: 1, 2, 4 or 8 bars
 * @param preferredStems stems wanted ("drums", "bass", "other", "vocals", "all", "random"), empty for the brain's
 * @param seed           seed for a reproducible loop, or null to let the server draw one
 * @param intensity      energy 1..10, or null for the brain's
 */
public record RemoteRequest(String style, String prompt, Double bpm, String key, int measures,
                            List<String> preferredStems, Long seed, Integer intensity) {
    public RemoteRequest {
        if (style == null || style.isBlank()) {
            throw new IllegalArgumentException("a style is required, e.g. techno_minimal (see `djia profiles`)");
        }
        prompt = prompt == null ? "" : prompt;
        if (prompt.length() > LoopRequest.MAX_PROMPT_CHARS) {
            throw new IllegalArgumentException("the prompt must be at most " + LoopRequest.MAX_PROMPT_CHARS
                    + " characters, got " + prompt.length());
        }
        if (bpm != null && !(bpm >= LoopRequest.MIN_BPM && bpm <= LoopRequest.MAX_BPM)) {
            throw new IllegalArgumentException("bpm must be " + LoopRequest.MIN_BPM + ".." + LoopRequest.MAX_BPM
                    + ", got " + bpm);
        }
        if (measures != 1 && measures != 2 && measures != 4 && measures != 8) {
            throw new IllegalArgumentException("measures must be 1, 2, 4 or 8, got " + measures);
        }
        if (intensity != null && (intensity < 1 || intensity > 10)) {
            throw new IllegalArgumentException("intensity must be 1..10, got " + intensity);
        }
        preferredStems = preferredStems == null ? List.of() : List.copyOf(preferredStems);
        for (String stem : preferredStems) {
            if (!LoopRequest.STEMS.contains(stem)) {
                throw new IllegalArgumentException("unknown stem \"" + stem + "\"; expected some of " + LoopRequest.STEMS);
            }
        }
    }

    /** A 4-bar loop of {@code style} for {@code prompt}, everything else left to the server. */
    public static RemoteRequest of(String style, String prompt) {
        return new RemoteRequest(style, prompt, null, null, 4, List.of(), null, null);
    }

    public RemoteRequest withBpm(Double value) {
        return new RemoteRequest(style, prompt, value, key, measures, preferredStems, seed, intensity);
    }

    public RemoteRequest withKey(String value) {
        return new RemoteRequest(style, prompt, bpm, value, measures, preferredStems, seed, intensity);
    }

    public RemoteRequest withMeasures(int value) {
        return new RemoteRequest(style, prompt, bpm, key, value, preferredStems, seed, intensity);
    }

    public RemoteRequest withPreferredStems(List<String> value) {
        return new RemoteRequest(style, prompt, bpm, key, measures, value, seed, intensity);
    }

    public RemoteRequest withSeed(Long value) {
        return new RemoteRequest(style, prompt, bpm, key, measures, preferredStems, value, intensity);
    }

    public RemoteRequest withIntensity(Integer value) {
        return new RemoteRequest(style, prompt, bpm, key, measures, preferredStems, seed, value);
    }
}
