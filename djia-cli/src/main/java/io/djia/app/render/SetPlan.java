package io.djia.app.render;

import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import java.util.List;

/**
 * Everything decided about a set before a sample is rendered.
 *
 * @param profile     the style
 * @param tempo       the set's tempo
 * @param key         the set's key
 * @param totalFrames exact length of the set in frames
 * @param totalBars   bars that the set touches (the last may be partial)
 * @param sampleRate  output rate
 * @param decisions   every decision with the bar it was made at, in order
 * @param events      the resulting layer events, in bar order
 * @param phases      the phase changes, in order
 */
public record SetPlan(StyleProfile profile, Tempo tempo, Key key, long totalFrames, long totalBars, int sampleRate,
                      List<TimedDecision> decisions, List<LayerEvent> events, List<PhaseMark> phases) {
    public SetPlan {
        decisions = List.copyOf(decisions);
        events = List.copyOf(events);
        phases = List.copyOf(phases);
    }

    /** A phase that began at a bar. */
    public record PhaseMark(String name, long bar) {
    }
}
