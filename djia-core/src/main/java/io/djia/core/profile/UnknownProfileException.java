package io.djia.core.profile;

import java.util.List;

/** A profile name that is neither built in nor a file. The message lists the valid names. */
public final class UnknownProfileException extends IllegalArgumentException {
    private final List<String> validNames;

    public UnknownProfileException(String name, List<String> validNames) {
        super("unknown profile \"" + name + "\"; valid profiles: " + String.join(", ", validNames)
                + " (or a path to a profile .json file)");
        this.validNames = List.copyOf(validNames);
    }

    public List<String> validNames() {
        return validNames;
    }
}
