package io.djia.separate;

import java.util.Arrays;

/**
 * Running median over a window of {@code 2 * halfWidth + 1} values, truncated at the ends, keeping the window
 * sorted so each step costs one binary search and one array shift. Not thread-safe; reuse one per thread.
 */
final class SlidingMedian {
    private final float[] sorted;

    SlidingMedian(int halfWidth) {
        this.sorted = new float[2 * halfWidth + 1];
    }

    /** Writes the median of {@code in[max(0, i - h) .. min(n - 1, i + h)]} to {@code out[i]} for i < n. */
    void filter(float[] in, int n, int halfWidth, float[] out) {
        if (2 * halfWidth + 1 > sorted.length) {
            throw new IllegalArgumentException("window " + (2 * halfWidth + 1) + " exceeds the planned " + sorted.length);
        }
        int size = 0;
        int last = Math.min(n - 1, halfWidth);
        for (int j = 0; j <= last; j++) {
            size = insert(in[j], size);
        }
        for (int i = 0; i < n; i++) {
            out[i] = (size & 1) == 1 ? sorted[size / 2] : 0.5f * (sorted[size / 2 - 1] + sorted[size / 2]);
            int leaving = i - halfWidth;
            if (leaving >= 0) {
                size = remove(in[leaving], size);
            }
            int entering = i + halfWidth + 1;
            if (entering < n) {
                size = insert(in[entering], size);
            }
        }
    }

    private int insert(float v, int size) {
        int pos = Arrays.binarySearch(sorted, 0, size, v);
        if (pos < 0) {
            pos = -pos - 1;
        }
        System.arraycopy(sorted, pos, sorted, pos + 1, size - pos);
        sorted[pos] = v;
        return size + 1;
    }

    private int remove(float v, int size) {
        int pos = Arrays.binarySearch(sorted, 0, size, v);
        System.arraycopy(sorted, pos + 1, sorted, pos, size - pos - 1);
        return size - 1;
    }
}
