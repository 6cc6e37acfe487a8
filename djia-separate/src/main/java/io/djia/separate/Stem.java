package io.djia.separate;

import java.util.Locale;

/** The four stems every separator returns, in the order of the Demucs models. */
public enum Stem {
    DRUMS("drums"),
    BASS("bass"),
    OTHER("other"),
    VOCALS("vocals");

    private final String id;

    Stem(String id) {
        this.id = id;
    }

    /** Lower-case name used in files, decisions and the CLI: "drums", "bass", "other", "vocals". */
    public String id() {
        return id;
    }

    /** Parses a stem name, ignoring case and surrounding spaces. */
    public static Stem parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (Stem s : values()) {
                if (s.id.equals(n)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown stem \"" + name + "\"; expected drums, bass, other or vocals");
    }

    @Override
    public String toString() {
        return id;
    }
}
