package io.djia.core.wav;

import io.djia.core.audio.AudioBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a whole buffer as a WAV file, atomically: the samples go to a temporary file in the target's folder,
 * which is forced to the device and renamed over the target. On any failure the temporary file is deleted
 * and an existing target is left as it was. Thread-safe: no shared state.
 */
public final class WavWriter {
    private WavWriter() {
    }

    /**
     * Writes {@code audio} with {@code encoding}, no dither, and loop metadata when {@code loopOrNull} is given.
     *
     * @return the number of samples clipped to the integer range (0 for float encodings)
     */
    public static long write(Path target, AudioBuffer audio, WavEncoding encoding, LoopMetadata loopOrNull)
            throws IOException {
        return write(target, audio, WavWriteOptions.defaults(encoding).withLoop(loopOrNull));
    }

    /**
     * Writes {@code audio} as the options say.
     *
     * @return the number of samples clipped to the integer range (0 for float encodings)
     * @throws IllegalArgumentException when a sample is NaN or infinite, or the loop ends after the last frame;
     *                                  the target is then untouched
     */
    public static long write(Path target, AudioBuffer audio, WavWriteOptions options) throws IOException {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(options, "options");
        if (options.loop().isPresent() && options.loop().get().loopEndFrame() > audio.frames()) {
            throw new IllegalArgumentException("loop ends at frame " + options.loop().get().loopEndFrame()
                    + " but the audio has " + audio.frames() + " frames");
        }
        try (WavStreamWriter writer = WavStreamWriter.openAtomic(target, audio.channels(), audio.sampleRate(), options)) {
            writer.append(audio);
            writer.commit();
            return writer.clippedSamples();
        }
    }
}
