package io.djia.generate;

import java.util.concurrent.CancellationException;

/** A generation stopped because its {@link GenerationMonitor} asked it to. */
public final class GenerationCancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    public GenerationCancelledException(String message) {
        super(message);
    }
}
