package io.djia.app.render;

import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavStreamWriter;
import io.djia.core.wav.WavWriteOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a render into a 24-bit WAV file that appears at its path only on {@link #commit()}; closing
 * without commit deletes the temporary file, so a failed render leaves nothing behind.
 */
public final class WavFileSink implements AudioSink {
    private final WavStreamWriter writer;

    private WavFileSink(WavStreamWriter writer) {
        this.writer = writer;
    }

    public static WavFileSink open(Path target, int sampleRate, int channels) throws IOException {
        return new WavFileSink(WavStreamWriter.openAtomic(target, channels, sampleRate,
                WavWriteOptions.defaults(WavEncoding.PCM24)));
    }

    @Override
    public void write(float[][] block, int frames) throws IOException {
        writer.append(block, 0, frames);
    }

    /** Finishes the file and moves it into place. */
    public void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
