package io.djia.app.live;

import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import java.util.List;

/**
 * Something the person at the set asks for. Values are validated where they are typed ({@link LivePrompt}); the
 * engine applies them on its control thread, at the next bar where they change the music.
 */
public sealed interface LiveRequest {
    /** Let the brain choose the next loop now (Enter at the prompt). */
    record Next() implements LiveRequest {
    }

    /** Make what the text describes ("deep rolling bass", "no drums", "faster"). */
    record Generate(String text) implements LiveRequest {
        public Generate {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("say what to generate, e.g. \"deep rolling bass\"");
            }
            text = text.strip();
        }
    }

    /** Stems new loops keep ("drums", "bass", "other", "vocals", "all"); empty: the brain chooses again. */
    record Stems(List<String> stems) implements LiveRequest {
        public Stems {
            stems = stems == null ? List.of() : List.copyOf(stems);
        }
    }

    /** Play at this tempo from the next bar (only when the engine keeps its own clock). */
    record ChangeTempo(double bpm) implements LiveRequest {
        public ChangeTempo {
            if (!(bpm >= 40 && bpm <= 240)) {
                throw new IllegalArgumentException("tempo must be 40..240 BPM, got " + bpm);
            }
        }
    }

    /** Make new loops in this key. */
    record ChangeKey(Key key) implements LiveRequest {
        public ChangeKey {
            if (key == null) {
                throw new IllegalArgumentException("a key is required, e.g. \"F minor\"");
            }
        }
    }

    /** Make new loops in this style; what plays keeps playing. */
    record ChangeStyle(StyleProfile profile) implements LiveRequest {
        public ChangeStyle {
            if (profile == null) {
                throw new IllegalArgumentException("a style is required (see `djia profiles`)");
            }
        }
    }

    /** Take a layer out at the next bar, fading over that bar. */
    record Remove(String layerId) implements LiveRequest {
        public Remove {
            if (layerId == null || layerId.isBlank()) {
                throw new IllegalArgumentException("name the layer to remove (see `layers`)");
            }
        }
    }
}
