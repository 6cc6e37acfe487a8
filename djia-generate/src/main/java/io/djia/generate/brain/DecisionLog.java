package io.djia.generate.brain;

import java.util.List;

/**
 * One entry of a set's decision log (set.json): when a decision was taken, by which brain, and any
 * corrections or fallbacks that happened on the way.
 *
 * @param bar         the bar the decision was taken at (0-based)
 * @param timeSeconds set time of that bar
 * @param brain       the brain that produced it ("rules", "llm:model.gguf", "rules (llm fallback)")
 * @param decision    the decision as applied
 * @param notes       corrections made by {@link DecisionValidator} and fallback reasons, one line each
 */
public record DecisionLog(long bar, double timeSeconds, String brain, Decision decision, List<String> notes) {
    public DecisionLog {
        if (bar < 0) {
            throw new IllegalArgumentException("bar must be >= 0, got " + bar);
        }
        if (decision == null) {
            throw new IllegalArgumentException("a log entry needs its decision");
        }
        brain = brain == null ? "" : brain;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public DecisionLog(long bar, double timeSeconds, Decision decision) {
        this(bar, timeSeconds, "", decision, List.of());
    }
}
