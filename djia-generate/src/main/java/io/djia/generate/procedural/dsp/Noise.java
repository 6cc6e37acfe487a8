package io.djia.generate.procedural.dsp;

/**
 * Fast seeded white noise: Marsaglia's xorshift64 (shifts 13, 7, 17; "Xorshift RNGs", J. Stat. Software,
 * 2003). Uniform in [-1, 1); the same seed gives the same sequence on every platform.
 */
public final class Noise {
    private long state;

    public Noise(long seed) {
        // A zero state would stay zero forever; mix the seed so nearby seeds give unrelated streams.
        long s = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        s ^= s >>> 31;
        this.state = s == 0 ? 0x9E3779B97F4A7C15L : s;
    }

    /** Next sample, uniform in [-1, 1). */
    public double white() {
        long s = state;
        s ^= s << 13;
        s ^= s >>> 7;
        s ^= s << 17;
        state = s;
        return (s >>> 11) * 0x1.0p-52 - 1.0;
    }

    /** Next value uniform in [0, 1). */
    public double uniform() {
        return 0.5 * (white() + 1.0);
    }
}
