package io.djia.separate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which stems a brain wants from a new clip: "all", "random", named stems ("drums,bass", "vocals"), or nothing
 * said ("auto"), in which case the {@link StemSelector} picks what complements the mix.
 *
 * @param kind  what was asked
 * @param stems the named stems, in the order given; empty unless {@code kind} is {@link Kind#NAMED}
 */
public record StemPreference(Kind kind, List<Stem> stems) {
    /** Kinds of preference. */
    public enum Kind { AUTO, ALL, RANDOM, NAMED }

    public StemPreference {
        Objects.requireNonNull(kind, "kind");
        stems = stems == null ? List.of() : List.copyOf(stems);
        if ((kind == Kind.NAMED) == stems.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.NAMED ? "a named preference needs at least one stem"
                    : kind + " takes no stem names, got " + stems);
        }
    }

    public static StemPreference auto() {
        return new StemPreference(Kind.AUTO, List.of());
    }

    public static StemPreference all() {
        return new StemPreference(Kind.ALL, List.of());
    }

    public static StemPreference random() {
        return new StemPreference(Kind.RANDOM, List.of());
    }

    public static StemPreference of(Stem... stems) {
        return new StemPreference(Kind.NAMED, List.of(stems));
    }

    /** Parses "drums,bass", "all", "random", "auto", one name, or blank (auto). */
    public static StemPreference parse(String text) {
        return parse(text == null ? List.of() : List.of(text.split(",")));
    }

    /**
     * Parses a brain's list ({@code ["drums", "bass"]}, {@code ["all"]}...); items may themselves hold commas.
     * "all" anywhere means all; "random" must stand alone; duplicates are dropped.
     */
    public static StemPreference parse(Collection<String> items) {
        List<String> words = new ArrayList<>();
        if (items != null) {
            for (String item : items) {
                if (item == null) {
                    continue;
                }
                for (String w : item.split(",")) {
                    String t = w.trim().toLowerCase(Locale.ROOT);
                    if (!t.isEmpty()) {
                        words.add(t);
                    }
                }
            }
        }
        if (words.isEmpty() || (words.size() == 1 && words.get(0).equals("auto"))) {
            return auto();
        }
        if (words.contains("all")) {
            return all();
        }
        if (words.contains("random")) {
            if (words.size() > 1) {
                throw new IllegalArgumentException("\"random\" cannot be combined with stem names, got " + words);
            }
            return random();
        }
        Set<Stem> seen = EnumSet.noneOf(Stem.class);
        List<Stem> named = new ArrayList<>();
        for (String w : words) {
            Stem s;
            try {
                s = Stem.parse(w);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown stem \"" + w
                        + "\"; expected drums, bass, other, vocals, several of them separated by commas, all, random or auto");
            }
            if (seen.add(s)) {
                named.add(s);
            }
        }
        return new StemPreference(Kind.NAMED, named);
    }

    @Override
    public String toString() {
        return kind == Kind.NAMED ? String.join(",", stems.stream().map(Stem::id).toList())
                : kind.name().toLowerCase(Locale.ROOT);
    }
}
