package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;

/** Small numeric helpers shared by the analysers. */
final class Signals {
    private Signals() {
    }

    /** Average of all channels as one new array. */
    static float[] mono(AudioBuffer audio) {
        int n = audio.frames();
        if (audio.channels() == 1) {
            return audio.channel(0).clone();
        }
        float[] out = new float[n];
        for (int c = 0; c < audio.channels(); c++) {
            float[] ch = audio.channel(c);
            for (int i = 0; i < n; i++) {
                out[i] += ch[i];
            }
        }
        float scale = 1f / audio.channels();
        for (int i = 0; i < n; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /** Smallest power of two >= x (at least 2). */
    static int powerOfTwoAtLeast(double x) {
        int p = 2;
        while (p < x) {
            p <<= 1;
        }
        return p;
    }

    /** Power of two nearest to x on a log scale (at least 1). */
    static int powerOfTwoNear(double x) {
        int p = 1;
        while (p * 2 <= x) {
            p <<= 1;
        }
        return (x / p > (2.0 * p) / x) ? p * 2 : p;
    }

    /** Offset in (-0.5, 0.5) of the vertex of the parabola through (-1, a), (0, b), (1, c). */
    static double parabolicOffset(double a, double b, double c) {
        double denominator = a - 2 * b + c;
        if (denominator >= 0) {
            return 0;
        }
        double offset = 0.5 * (a - c) / denominator;
        return Math.max(-0.5, Math.min(0.5, offset));
    }
}
