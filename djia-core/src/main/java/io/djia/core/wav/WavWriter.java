package io.djia.core.wav;

import io.djia.core.audio.AudioBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /**
     * The bytes of the WAV file {@link #write(Path, AudioBuffer, WavEncoding, LoopMetadata)} would write without a
     * loop, built in memory for network replies: same header, no dither, so the same audio gives the same bytes.
     *
     * @throws IllegalArgumentException when a sample is NaN or infinite, or the file would not fit in one array
     */
    public static byte[] toBytes(AudioBuffer audio, WavEncoding encoding) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(encoding, "encoding");
        byte[] fmt = WavStreamWriter.formatChunk(encoding, audio.channels(), audio.sampleRate());
        boolean hasFact = encoding.isFloatingPoint();
        long dataBytes = (long) audio.frames() * audio.channels() * encoding.bytesPerSample();
        long total = 12 + 8 + fmt.length + (hasFact ? 12 : 0) + 8 + dataBytes + (dataBytes & 1);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a WAV file of " + total + " bytes does not fit in memory as one array;"
                    + " write it to a file instead");
        }
        SampleEncoder.requireFinite(audio.planar(), 0, audio.frames(), 0);
        byte[] out = new byte[(int) total];
        ByteBuffer header = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(RiffIds.RIFF).putInt((int) (total - 8)).putInt(RiffIds.WAVE);
        header.putInt(RiffIds.FMT).putInt(fmt.length).put(fmt);
        if (hasFact) {
            header.putInt(RiffIds.FACT).putInt(4).putInt(audio.frames());
        }
        header.putInt(RiffIds.DATA).putInt((int) dataBytes);
        new SampleEncoder(encoding, Dither.NONE).encode(audio.planar(), 0, audio.frames(), out, header.position());
        return out;
    }
}
