package io.djia.core.wav;

import java.util.SplittableRandom;

/**
 * Converts planar floats to interleaved little-endian WAV samples: rounds to the nearest step, adds TPDF dither
 * when asked, clips integer encodings to their range and counts the clipped samples. One per file.
 */
final class SampleEncoder {
    private final WavEncoding encoding;
    private final SplittableRandom ditherNoise;
    private long clippedSamples;

    SampleEncoder(WavEncoding encoding, Dither dither) {
        this.encoding = encoding;
        boolean dithers = dither.enabled() && (encoding == WavEncoding.PCM8 || encoding == WavEncoding.PCM16
                || encoding == WavEncoding.PCM24);
        this.ditherNoise = dithers ? new SplittableRandom(dither.seed()) : null;
    }

    long clippedSamples() {
        return clippedSamples;
    }

    /**
     * Throws {@link IllegalArgumentException} naming the first NaN or infinite sample in the range. Called
     * before encoding, so a rejected block leaves the file untouched.
     */
    static void requireFinite(float[][] src, int offset, int frames, long firstFrameIndex) {
        for (int c = 0; c < src.length; c++) {
            float[] ch = src[c];
            for (int i = offset; i < offset + frames; i++) {
                if (!Float.isFinite(ch[i])) {
                    throw new IllegalArgumentException("sample " + ch[i] + " at channel " + c + ", frame "
                            + (firstFrameIndex + i - offset) + ": a WAV file can only hold finite samples");
                }
            }
        }
    }

    /** Encodes {@code frames} frames from {@code src[c][offset..]} into {@code dst[dstOffset..]}; returns the end offset. */
    int encode(float[][] src, int offset, int frames, byte[] dst, int dstOffset) {
        int channels = src.length;
        int p = dstOffset;
        for (int f = offset; f < offset + frames; f++) {
            for (int c = 0; c < channels; c++) {
                float x = src[c][f];
                switch (encoding) {
                    case PCM8 -> dst[p++] = (byte) (quantise(x, 128.0, -128, 127) + 128);
                    case PCM16 -> {
                        long q = quantise(x, 32768.0, -32768, 32767);
                        dst[p++] = (byte) q;
                        dst[p++] = (byte) (q >> 8);
                    }
                    case PCM24 -> {
                        long q = quantise(x, 8388608.0, -8388608, 8388607);
                        dst[p++] = (byte) q;
                        dst[p++] = (byte) (q >> 8);
                        dst[p++] = (byte) (q >> 16);
                    }
                    case PCM32 -> {
                        p = writeInt(dst, p, (int) quantise(x, 2147483648.0, Integer.MIN_VALUE, Integer.MAX_VALUE));
                    }
                    case FLOAT32 -> p = writeInt(dst, p, Float.floatToRawIntBits(x));
                    case FLOAT64 -> {
                        long bits = Double.doubleToRawLongBits(x);
                        p = writeInt(dst, p, (int) bits);
                        p = writeInt(dst, p, (int) (bits >>> 32));
                    }
                    default -> throw new IllegalStateException("unhandled encoding " + encoding);
                }
            }
        }
        return p;
    }

    /** Nearest integer step of {@code x * fullScale} (plus dither), clipped to [min, max]. */
    private long quantise(float x, double fullScale, long min, long max) {
        double v = x * fullScale;
        if (ditherNoise != null) {
            // Sum of two uniform [-0.5, 0.5) LSB variables: triangular on (-1, 1) LSB.
            v += ditherNoise.nextDouble() + ditherNoise.nextDouble() - 1.0;
        }
        long q = (long) Math.floor(v + 0.5);
        if (q > max) {
            clippedSamples++;
            return max;
        }
        if (q < min) {
            clippedSamples++;
            return min;
        }
        return q;
    }

    private static int writeInt(byte[] dst, int p, int v) {
        dst[p] = (byte) v;
        dst[p + 1] = (byte) (v >> 8);
        dst[p + 2] = (byte) (v >> 16);
        dst[p + 3] = (byte) (v >> 24);
        return p + 4;
    }
}
