package io.djia.generate.models;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the declared inputs and outputs of a model file without running it. */
@FunctionalInterface
public interface SignatureReader {
    /**
     * @throws IOException when the file cannot be read or is not a model the runtime accepts; the message says why
     */
    GraphSignature read(Path file) throws IOException;
}
