package io.djia.core.wav;

/**
 * Sample encodings of the WAV data chunk, named by their container size.
 *
 * <p>Integer PCM is little-endian two's complement, except 8-bit PCM which is unsigned (offset 128) as
 * the WAVE format prescribes. Float encodings are IEEE 754 little-endian.
 */
public enum WavEncoding {
    PCM8(1, false),
    PCM16(2, false),
    PCM24(3, false),
    PCM32(4, false),
    FLOAT32(4, true),
    FLOAT64(8, true);

    private final int bytesPerSample;
    private final boolean floatingPoint;

    WavEncoding(int bytesPerSample, boolean floatingPoint) {
        this.bytesPerSample = bytesPerSample;
        this.floatingPoint = floatingPoint;
    }

    /** Bytes one sample of one channel occupies in the file. */
    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Bits of the container: 8, 16, 24, 32 or 64. */
    public int containerBits() {
        return bytesPerSample * 8;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Integer encodings quantise, and so may clip and take dither; float encodings store samples as they are. */
    public boolean isInteger() {
        return !floatingPoint;
    }
}
