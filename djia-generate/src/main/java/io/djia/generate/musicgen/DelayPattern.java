package io.djia.generate.musicgen;

/**
 * MusicGen's delay interleaving of codebooks (Copet et al., "Simple and Controllable Music Generation", 2023,
 * section 2.2): codebook k runs k steps behind codebook 0, so one decoder step predicts every codebook at once
 * while each still sees the coarser codebooks of its own frame.
 *
 * <p>The decoded sequence has {@code frames + codebooks} positions. Position 0 holds the start (pad) token in
 * every codebook. Codebook k holds the code of frame f at position {@code f + k + 1}; its other positions hold
 * the pad token (the first k+1 as start padding, the last codebooks-k-1 as end padding). This matches
 * Transformers' {@code build_delay_pattern_mask} with {@code max_length = frames + codebooks}. Immutable.
 */
public final class DelayPattern {
    private final int codebooks;
    private final int frames;

    public DelayPattern(int codebooks, int frames) {
        if (codebooks < 1) {
            throw new IllegalArgumentException("codebooks must be >= 1, got " + codebooks);
        }
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        }
        this.codebooks = codebooks;
        this.frames = frames;
    }

    public int codebooks() {
        return codebooks;
    }

    public int frames() {
        return frames;
    }

    /** Sequence positions including the start position: frames + codebooks. */
    public int positions() {
        return frames + codebooks;
    }

    /** Decoder steps needed: each step predicts the next position, so positions - 1. */
    public int decodingSteps() {
        return positions() - 1;
    }

    /**
     * The frame whose code codebook {@code codebook} holds at {@code position}, or -1 where the pattern forces
     * the pad token.
     */
    public int frameAt(int codebook, int position) {
        if (codebook < 0 || codebook >= codebooks || position < 0 || position >= positions()) {
            throw new IndexOutOfBoundsException("codebook " + codebook + ", position " + position + " outside a pattern of "
                    + codebooks + " codebooks and " + positions() + " positions");
        }
        int frame = position - codebook - 1;
        return frame >= 0 && frame < frames ? frame : -1;
    }

    /** The position holding {@code frame} of {@code codebook}. */
    public int positionOf(int codebook, int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IndexOutOfBoundsException("frame " + frame + " outside 0.." + (frames - 1));
        }
        return frame + codebook + 1;
    }

    /**
     * Removes the delays: {@code sequence[codebook][position]} (all positions) to {@code codes[codebook][frame]}.
     */
    public long[][] undelay(long[][] sequence) {
        if (sequence.length != codebooks) {
            throw new IllegalArgumentException("sequence has " + sequence.length + " codebooks, pattern has " + codebooks);
        }
        long[][] codes = new long[codebooks][frames];
        for (int k = 0; k < codebooks; k++) {
            if (sequence[k].length != positions()) {
                throw new IllegalArgumentException("codebook " + k + " has " + sequence[k].length + " positions, expected " + positions());
            }
            System.arraycopy(sequence[k], k + 1, codes[k], 0, frames);
        }
        return codes;
    }

    /** Applies the delays: {@code codes[codebook][frame]} to the full sequence, pad where the pattern says. */
    public long[][] delay(long[][] codes, long padToken) {
        if (codes.length != codebooks) {
            throw new IllegalArgumentException("codes have " + codes.length + " codebooks, pattern has " + codebooks);
        }
        long[][] sequence = new long[codebooks][positions()];
        for (int k = 0; k < codebooks; k++) {
            if (codes[k].length != frames) {
                throw new IllegalArgumentException("codebook " + k + " has " + codes[k].length + " frames, expected " + frames);
            }
            java.util.Arrays.fill(sequence[k], padToken);
            System.arraycopy(codes[k], 0, sequence[k], k + 1, frames);
        }
        return sequence;
    }
}
