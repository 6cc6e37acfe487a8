package io.djia.core.wav;

import java.util.Objects;

/**
 * The sample format of a WAV file.
 *
 * @param encoding      container encoding of each sample
 * @param bitsPerSample significant bits: equal to the container's bits, or fewer for files that declare it
 *                      (a 20-bit recording in 24-bit containers reports {@code PCM24} and 20)
 * @param channels      interleaved channels in the file, 1 or more
 * @param sampleRate    frames per second
 */
public record WavFormat(WavEncoding encoding, int bitsPerSample, int channels, int sampleRate) {
    public WavFormat {
        Objects.requireNonNull(encoding, "encoding");
        if (bitsPerSample < 1 || bitsPerSample > encoding.containerBits()) {
            throw new IllegalArgumentException("bits per sample must be 1.." + encoding.containerBits()
                    + " for " + encoding + ", got " + bitsPerSample);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    /** A format whose significant bits fill the container. */
    public static WavFormat of(WavEncoding encoding, int channels, int sampleRate) {
        return new WavFormat(encoding, encoding.containerBits(), channels, sampleRate);
    }

    /** Bytes of one frame (all channels of one sample instant). */
    public int blockAlign() {
        return channels * encoding.bytesPerSample();
    }
}
