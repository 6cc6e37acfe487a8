package io.djia.generate.musicgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DelayPatternTest {
    private static final int P = -1;

    @Test
    void fourCodebooksThreeFramesMatchTheHandTable() {
        DelayPattern pattern = new DelayPattern(4, 3);
        assertEquals(7, pattern.positions());
        assertEquals(6, pattern.decodingSteps());
        // Row = codebook, column = sequence position; P = pad. Codebook k lags k steps behind codebook 0.
        int[][] expected = {
            {P, 0, 1, 2, P, P, P},
            {P, P, 0, 1, 2, P, P},
            {P, P, P, 0, 1, 2, P},
            {P, P, P, P, 0, 1, 2},
        };
        for (int k = 0; k < 4; k++) {
            for (int t = 0; t < 7; t++) {
                assertEquals(expected[k][t], pattern.frameAt(k, t), "codebook " + k + " position " + t);
            }
        }
    }

    @Test
    void padsExactlyWhereTransformersBuildDelayPatternMaskPutsThem() {
        // build_delay_pattern_mask: position t of codebook k is padding when t <= k (start) or
        // t >= max_length - codebooks + 1 + k (end), with max_length = frames + codebooks.
        for (int frames : new int[] {1, 2, 5, 50}) {
            DelayPattern pattern = new DelayPattern(4, frames);
            int maxLength = frames + 4;
            for (int k = 0; k < 4; k++) {
                for (int t = 0; t < maxLength; t++) {
                    boolean pad = t <= k || t >= maxLength - 4 + 1 + k;
                    assertEquals(pad, pattern.frameAt(k, t) < 0, "frames " + frames + " codebook " + k + " position " + t);
                }
            }
        }
    }

    @Test
    void undelayInvertsDelay() {
        DelayPattern pattern = new DelayPattern(4, 3);
        long[][] codes = {{10, 11, 12}, {20, 21, 22}, {30, 31, 32}, {40, 41, 42}};
        long[][] sequence = pattern.delay(codes, 2048);
        assertArrayEquals(new long[] {2048, 10, 11, 12, 2048, 2048, 2048}, sequence[0]);
        assertArrayEquals(new long[] {2048, 2048, 2048, 2048, 40, 41, 42}, sequence[3]);
        long[][] back = pattern.undelay(sequence);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(codes[k], back[k]);
        }
        assertEquals(5, pattern.positionOf(2, 2));
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new DelayPattern(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new DelayPattern(4, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> new DelayPattern(4, 3).frameAt(4, 0));
        assertThrows(IllegalArgumentException.class, () -> new DelayPattern(4, 3).undelay(new long[4][6]));
    }
}
