package io.djia.separate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlidingMedianTest {
    @Test
    void matchesSortingEveryWindowIncludingDuplicatesAndTruncatedEnds() {
        SplittableRandom random = new SplittableRandom(4);
        for (int half : new int[] {1, 2, 6, 11, 23}) {
            SlidingMedian median = new SlidingMedian(half);
            for (int n : new int[] {1, 2, half, 2 * half + 1, 300}) {
                float[] in = new float[n];
                for (int i = 0; i < n; i++) {
                    // Few distinct values, so duplicates enter and leave the window all the time.
                    in[i] = random.nextInt(7) * 0.5f;
                }
                float[] out = new float[n];
                median.filter(in, n, half, out);
                for (int i = 0; i < n; i++) {
                    float[] window = Arrays.copyOfRange(in, Math.max(0, i - half), Math.min(n, i + half + 1));
                    Arrays.sort(window);
                    int m = window.length;
                    float expected = (m & 1) == 1 ? window[m / 2] : 0.5f * (window[m / 2 - 1] + window[m / 2]);
                    assertEquals(expected, out[i], 0f, "half " + half + ", n " + n + ", i " + i);
                }
            }
        }
    }
}
