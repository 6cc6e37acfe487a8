package io.djia.generate.brain;

import java.util.List;

/**
 * Decides what the set does next. The rule brain and the LLM brain are siblings behind this interface.
 * A brain is called once per decision point (normally a loop boundary) with the current state.
 */
public interface Brain extends AutoCloseable {
    /** Decisions to apply now, in order (may be empty: keep playing). */
    List<Decision> decide(SetState state);

    /** Short name for logs and set.json, e.g. "rules" or "llm:model.gguf". */
    String name();

    /**
     * Notes about the last {@link #decide} call for the decision log: corrections made to a model's output,
     * and why the rule brain stepped in when it did. Empty for brains that never correct themselves.
     */
    default List<String> lastNotes() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
