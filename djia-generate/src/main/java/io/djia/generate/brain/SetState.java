package io.djia.generate.brain;

import io.djia.core.analysis.BandProfile;
import io.djia.core.fx.EffectSpec;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import java.util.List;

/**
 * What a brain knows when it decides.
 *
 * @param profile         the style
 * @param tempo           current tempo
 * @param key             current key
 * @param phase           current phase name
 * @param bar             current bar (0-based)
 * @param totalBars       planned length of the set in bars (0 = open-ended, as in a live session)
 * @param elapsedSeconds  time since the set began
 * @param activeLayers    what plays now
 * @param recentDecisions the last few decisions, oldest first
 * @param userRequest     free text from the user, which takes priority (empty when none)
 * @param seed            the set's seed, for reproducible choices
 */
public record SetState(StyleProfile profile, Tempo tempo, Key key, String phase, long bar, long totalBars,
                       double elapsedSeconds, List<ActiveLayer> activeLayers, List<Decision> recentDecisions,
                       String userRequest, long seed) {
    public SetState {
        activeLayers = activeLayers == null ? List.of() : List.copyOf(activeLayers);
        recentDecisions = recentDecisions == null ? List.of() : List.copyOf(recentDecisions);
        userRequest = userRequest == null ? "" : userRequest;
    }

    /**
     * A layer that is playing.
     *
     * @param layerId     its slot id
     * @param type        its layer type name
     * @param stems       the stems it uses
     * @param volume      0..1
     * @param startedBar  the bar it started on
     * @param bars        its loop length
     * @param effects     its effect chain (empty when none or unknown)
     * @param bandProfile its energy per frequency band, or null when not measured
     */
    public record ActiveLayer(String layerId, String type, List<String> stems, double volume, long startedBar, int bars,
                              List<EffectSpec> effects, BandProfile bandProfile) {
        public ActiveLayer {
            stems = stems == null ? List.of("all") : List.copyOf(stems);
            effects = effects == null ? List.of() : List.copyOf(effects);
        }

        /** A layer without effects or band profile. */
        public ActiveLayer(String layerId, String type, List<String> stems, double volume, long startedBar, int bars) {
            this(layerId, type, stems, volume, startedBar, bars, List.of(), null);
        }
    }
}
