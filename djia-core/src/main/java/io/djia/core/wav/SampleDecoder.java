package io.djia.core.wav;

/** Converts interleaved little-endian WAV samples to planar floats in [-1, 1). Stateless. */
final class SampleDecoder {
    private static final float SCALE_8 = 1f / 128f;
    private static final float SCALE_16 = 1f / 32768f;
    private static final float SCALE_24 = 1f / 8388608f;
    private static final double SCALE_32 = 1.0 / 2147483648.0;

    private SampleDecoder() {
    }

    /** Decodes {@code frames} frames from {@code src[0..]} into {@code dst[c][dstOffset..]}. */
    static void decode(WavEncoding encoding, byte[] src, int frames, float[][] dst, int dstOffset) {
        int channels = dst.length;
        int p = 0;
        for (int f = 0; f < frames; f++) {
            int d = dstOffset + f;
            for (int c = 0; c < channels; c++) {
                float v;
                switch (encoding) {
                    case PCM8 -> {
                        v = ((src[p] & 0xFF) - 128) * SCALE_8;
                        p += 1;
                    }
                    case PCM16 -> {
                        v = (short) ((src[p] & 0xFF) | (src[p + 1] << 8)) * SCALE_16;
                        p += 2;
                    }
                    case PCM24 -> {
                        // The top byte is shifted in signed, which sign-extends the 24-bit value.
                        v = ((src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8 | src[p + 2] << 16) * SCALE_24;
                        p += 3;
                    }
                    case PCM32 -> {
                        v = (float) (readInt(src, p) * SCALE_32);
                        p += 4;
                    }
                    case FLOAT32 -> {
                        v = Float.intBitsToFloat(readInt(src, p));
                        p += 4;
                    }
                    case FLOAT64 -> {
                        long bits = (readInt(src, p) & 0xFFFF_FFFFL) | ((long) readInt(src, p + 4) << 32);
                        v = (float) Double.longBitsToDouble(bits);
                        p += 8;
                    }
                    default -> throw new IllegalStateException("unhandled encoding " + encoding);
                }
                dst[c][d] = v;
            }
        }
    }

    private static int readInt(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }
}
