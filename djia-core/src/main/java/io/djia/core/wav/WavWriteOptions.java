package io.djia.core.wav;

import java.util.Objects;
import java.util.Optional;

/**
 * How to write a WAV file: the encoding, the dither for integer encodings, and optional loop metadata.
 * Start from {@link #defaults(WavEncoding)}, which has no dither and no loop.
 */
public record WavWriteOptions(WavEncoding encoding, Dither dither, Optional<LoopMetadata> loop) {
    public WavWriteOptions {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(dither, "dither");
        Objects.requireNonNull(loop, "loop");
    }

    public static WavWriteOptions defaults(WavEncoding encoding) {
        return new WavWriteOptions(encoding, Dither.NONE, Optional.empty());
    }

    public WavWriteOptions withDither(Dither newDither) {
        return new WavWriteOptions(encoding, newDither, loop);
    }

    /** With loop metadata; {@code null} removes it. */
    public WavWriteOptions withLoop(LoopMetadata newLoop) {
        return new WavWriteOptions(encoding, dither, Optional.ofNullable(newLoop));
    }
}
