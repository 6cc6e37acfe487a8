package io.djia.generate.musicgen;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.generate.GenerationRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the text prompt for a request, in the plain descriptive style MusicGen was trained on ("genre, sound,
 * mood, instruments, bpm, key").
 *
 * <p>Without free text: the style and what the layer is ("techno minimal bassline"), the layer's and the style's
 * keywords, the brain's keywords, words for the intensity, the tempo and the key, and "instrumental loop". With
 * free text, the user's words come first and stand for the sound; only tempo and key are added, so the clip
 * still fits the set. Keywords are de-duplicated without regard to case and capped at {@link #MAX_KEYWORDS}.
 */
public final class PromptBuilder {
    /** Most keywords a prompt carries, so the style does not drown the layer's own words. */
    public static final int MAX_KEYWORDS = 8;

    private PromptBuilder() {
    }

    public static String build(GenerationRequest request) {
        String tempo = Math.round(request.tempo().bpm()) + " bpm";
        String key = request.key().atonal() ? "" : ", in " + request.key().displayName();
        String user = request.prompt().strip();
        if (!user.isEmpty()) {
            return user + ", " + tempo + key;
        }
        LayerType layer = request.profile().layerType(request.layerType()).orElseThrow();
        String style = request.profile().name().replace('_', ' ').replace('-', ' ').trim();
        Set<String> seen = new LinkedHashSet<>();
        List<String> keywords = new ArrayList<>();
        for (List<String> source : List.of(request.keywords(), layer.keywords(), request.profile().keywords())) {
            for (String word : source) {
                String w = word == null ? "" : word.strip();
                if (!w.isEmpty() && keywords.size() < MAX_KEYWORDS && seen.add(w.toLowerCase(Locale.ROOT))) {
                    keywords.add(w);
                }
            }
        }
        StringBuilder sb = new StringBuilder(style).append(' ').append(roleWords(layer));
        for (String w : keywords) {
            sb.append(", ").append(w);
        }
        return sb.append(", ").append(intensityWords(request.intensity())).append(", ").append(tempo).append(key)
                .append(", instrumental loop").toString();
    }

    /** What a layer of this role is called in a prompt. */
    static String roleWords(LayerType layer) {
        LayerRole role = layer.role();
        String name = layer.name().replace('_', ' ');
        return switch (role) {
            case RHYTHM -> "drum loop";
            case PERCUSSION -> name + " percussion";
            case BASS -> "bassline";
            case HARMONY -> name + " chords";
            case LEAD -> name + " melody";
            case TEXTURE -> name + " texture";
            case FX -> name + " sound effect";
        };
    }

    /** Energy words for intensity 1..10. */
    static String intensityWords(int intensity) {
        if (intensity <= 2) {
            return "calm, sparse";
        } else if (intensity <= 4) {
            return "relaxed, laid-back";
        } else if (intensity <= 6) {
            return "steady groove";
        } else if (intensity <= 8) {
            return "energetic, driving";
        }
        return "intense, peak-time energy";
    }
}
