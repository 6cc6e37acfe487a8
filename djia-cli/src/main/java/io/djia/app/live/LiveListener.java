package io.djia.app.live;

/** Receives the engine's one-line messages (what was decided, what started, what failed). */
@FunctionalInterface
public interface LiveListener {
    LiveListener NONE = line -> { };

    /** Called from the engine's control thread; must not block for long. */
    void message(String line);
}
