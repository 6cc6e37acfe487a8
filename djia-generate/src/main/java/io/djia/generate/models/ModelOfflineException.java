package io.djia.generate.models;

import java.io.IOException;

/** The model hub cannot be reached; the message says where to download the files by hand and where to put them. */
public final class ModelOfflineException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelOfflineException(String message, Throwable cause) {
        super(message, cause);
    }
}
