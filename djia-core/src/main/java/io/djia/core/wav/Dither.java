package io.djia.core.wav;

/**
 * Dither added before quantising to integer PCM.
 *
 * <p>TPDF (triangular) dither of +-1 LSB peak, the sum of two independent uniform variables, which makes the
 * first two moments of the quantisation error independent of the signal (Lipshitz, Wannamaker and Vanderkooy,
 * "Quantization and Dither: A Theoretical Survey", JAES 40(5), 1992). Off by default so that writing and
 * reading back is exact to the LSB and byte-identical; turn it on with a seed for final 16-bit renders.
 * Applies to PCM8/16/24 only: 32-bit integer and float files hold a float sample without loss.
 *
 * @param enabled whether to add dither
 * @param seed    seed of the noise, so the same render gives the same bytes
 */
public record Dither(boolean enabled, long seed) {
    /** No dither: plain rounding to the nearest step. */
    public static final Dither NONE = new Dither(false, 0L);

    /** Seeded TPDF dither. */
    public static Dither tpdf(long seed) {
        return new Dither(true, seed);
    }
}
