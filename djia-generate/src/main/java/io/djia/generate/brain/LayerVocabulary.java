package io.djia.generate.brain;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.StyleProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Words people and models use for layers, mapped to roles, and the matching of a loose name to a profile's type. */
final class LayerVocabulary {
    static final Map<String, LayerRole> ROLE_WORDS = Map.ofEntries(
            Map.entry("drums", LayerRole.RHYTHM), Map.entry("drum", LayerRole.RHYTHM), Map.entry("beat", LayerRole.RHYTHM),
            Map.entry("beats", LayerRole.RHYTHM), Map.entry("rhythm", LayerRole.RHYTHM), Map.entry("kick", LayerRole.RHYTHM),
            Map.entry("break", LayerRole.RHYTHM), Map.entry("breaks", LayerRole.RHYTHM), Map.entry("riddim", LayerRole.RHYTHM),
            Map.entry("bass", LayerRole.BASS), Map.entry("bassline", LayerRole.BASS), Map.entry("sub", LayerRole.BASS),
            Map.entry("reese", LayerRole.BASS), Map.entry("808", LayerRole.BASS),
            Map.entry("pad", LayerRole.HARMONY), Map.entry("pads", LayerRole.HARMONY), Map.entry("chords", LayerRole.HARMONY),
            Map.entry("chord", LayerRole.HARMONY), Map.entry("strings", LayerRole.HARMONY), Map.entry("harmony", LayerRole.HARMONY),
            Map.entry("skank", LayerRole.HARMONY), Map.entry("drone", LayerRole.HARMONY),
            Map.entry("melody", LayerRole.LEAD), Map.entry("lead", LayerRole.LEAD), Map.entry("synth", LayerRole.LEAD),
            Map.entry("riff", LayerRole.LEAD), Map.entry("piano", LayerRole.LEAD), Map.entry("keys", LayerRole.LEAD),
            Map.entry("arp", LayerRole.LEAD), Map.entry("guitar", LayerRole.LEAD), Map.entry("vocal", LayerRole.LEAD),
            Map.entry("perc", LayerRole.PERCUSSION), Map.entry("percussion", LayerRole.PERCUSSION),
            Map.entry("hats", LayerRole.PERCUSSION), Map.entry("hihat", LayerRole.PERCUSSION),
            Map.entry("shaker", LayerRole.PERCUSSION), Map.entry("congas", LayerRole.PERCUSSION),
            Map.entry("texture", LayerRole.TEXTURE), Map.entry("noise", LayerRole.TEXTURE),
            Map.entry("atmosphere", LayerRole.TEXTURE), Map.entry("ambience", LayerRole.TEXTURE),
            Map.entry("fx", LayerRole.FX), Map.entry("effects", LayerRole.FX), Map.entry("effect", LayerRole.FX),
            Map.entry("riser", LayerRole.FX), Map.entry("sweep", LayerRole.FX), Map.entry("siren", LayerRole.FX));

    private LayerVocabulary() {
    }

    static String normalise(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }

    /**
     * The profile's layer type closest to a loose name: the exact name, then a name contained in it (or it in a
     * name), then a role word, then the nearest name by edit distance (at most a third of its letters).
     */
    static Optional<LayerType> resolve(StyleProfile profile, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = normalise(raw);
        Optional<LayerType> exact = profile.layerType(name);
        if (exact.isPresent()) {
            return exact;
        }
        for (LayerType type : profile.layerTypes()) {
            if (name.contains(type.name()) || (name.length() >= 3 && type.name().contains(name))) {
                return Optional.of(type);
            }
        }
        for (String word : name.split("_")) {
            LayerRole role = ROLE_WORDS.get(word);
            if (role == null) {
                role = roleNamed(word);
            }
            if (role != null) {
                List<LayerType> ofRole = profile.layerTypesWithRole(role);
                if (!ofRole.isEmpty()) {
                    return Optional.of(ofRole.get(0));
                }
            }
        }
        LayerType best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (LayerType type : profile.layerTypes()) {
            int d = editDistance(name, type.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = type;
            }
        }
        return best != null && bestDistance <= Math.max(1, best.name().length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static LayerRole roleNamed(String word) {
        for (LayerRole role : LayerRole.values()) {
            if (role.name().equalsIgnoreCase(word)) {
                return role;
            }
        }
        return null;
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
