package io.djia.app.render;

import java.io.IOException;

/** Where rendered blocks go: a WAV file, a sound card, or memory in tests. */
public interface AudioSink extends AutoCloseable {
    /** Writes {@code frames} frames of planar audio; the caller keeps ownership of {@code block}. */
    void write(float[][] block, int frames) throws IOException;

    @Override
    void close() throws IOException;
}
