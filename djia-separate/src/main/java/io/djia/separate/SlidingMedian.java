package io.djia.separate;

/**
 * Running median over a window of {@code 2 * halfWidth + 1} values, truncated at the ends. The window is kept
 * sorted; in the middle of the signal each step overwrites the leaving value with the entering one and moves
 * it to its place, a few swaps for the short windows used here. Not thread-safe; reuse one per thread.
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
        float[] s = sorted;
        int size = 0;
        int last = Math.min(n - 1, halfWidth);
        for (int j = 0; j <= last; j++) {
            size = insert(in[j], size);
        }
        for (int i = 0; i < n; i++) {
            out[i] = (size & 1) == 1 ? s[size / 2] : 0.5f * (s[size / 2 - 1] + s[size / 2]);
            int leaving = i - halfWidth;
            int entering = i + halfWidth + 1;
            if (leaving >= 0 && entering < n) {
                replace(in[leaving], in[entering], size);
            } else if (leaving >= 0) {
                size = remove(in[leaving], size);
            } else if (entering < n) {
                size = insert(in[entering], size);
            }
        }
    }

    private int insert(float v, int size) {
        int pos = size;
        while (pos > 0 && sorted[pos - 1] > v) {
            sorted[pos] = sorted[pos - 1];
            pos--;
        }
        sorted[pos] = v;
        return size + 1;
    }

    private int remove(float v, int size) {
        int pos = indexOf(v, size);
        System.arraycopy(sorted, pos + 1, sorted, pos, size - pos - 1);
        return size - 1;
    }

    /** Swaps {@code leaving} for {@code entering} and restores the order. */
    private void replace(float leaving, float entering, int size) {
        float[] s = sorted;
        int pos = indexOf(leaving, size);
        while (pos > 0 && s[pos - 1] > entering) {
            s[pos] = s[pos - 1];
            pos--;
        }
        while (pos < size - 1 && s[pos + 1] < entering) {
            s[pos] = s[pos + 1];
            pos++;
        }
        s[pos] = entering;
    }

    private int indexOf(float v, int size) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
