package io.djia.app.render;

import io.djia.generate.brain.Decision;
import java.util.List;

/**
 * A decision and when it was made.
 *
 * @param bar         bar index (0-based) the decision applies at
 * @param timeSeconds time of that bar from the start of the set
 * @param decision    what was decided
 * @param notes       corrections the planner made to keep the set's rules (empty when none)
 */
public record TimedDecision(long bar, double timeSeconds, Decision decision, List<String> notes) {
    public TimedDecision {
        notes = List.copyOf(notes);
    }
}
