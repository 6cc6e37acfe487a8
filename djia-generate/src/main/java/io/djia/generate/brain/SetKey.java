package io.djia.generate.brain;

import io.djia.core.theory.Key;

/** Change the set's key. The name is validated by {@link Key#parse}. */
public record SetKey(String key, String reasoning) implements Decision {
    public SetKey {
        Key.parse(key);
        reasoning = reasoning == null ? "" : reasoning;
    }
}
