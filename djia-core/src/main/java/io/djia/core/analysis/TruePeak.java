package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;

/**
 * Inter-sample peak by 4x polyphase interpolation (ITU-R BS.1770-4 Annex 2).
 *
 * <p>The interpolator is a Kaiser-windowed sinc of 65 taps cut off at the original Nyquist frequency. Phase 0
 * hits the original samples; phases 1..3 sit a quarter, half and three quarters of a sample later. Blocks
 * whose neighbourhood cannot exceed the peak found so far (local sample peak times the largest absolute tap
 * sum of a phase) are skipped, which leaves the result exact and saves most of the work on typical audio.
 */
final class TruePeak {
    private static final int FACTOR = 4;
    private static final int HALF_TAPS = 8;
    private static final int BLOCK = 256;
    /** PHASES[p][j] multiplies x[i + j - HALF_TAPS + 1] to give the value at i + p / FACTOR. */
    private static final float[][] PHASES = design();
    private static final double MAX_TAP_SUM = maxAbsTapSum();

    private TruePeak() {
    }

    /** Linear true peak over all channels, never below {@code samplePeak}. */
    static double linear(AudioBuffer audio, float samplePeak) {
        double peak = samplePeak;
        for (int c = 0; c < audio.channels(); c++) {
            peak = Math.max(peak, channelPeak(audio.channel(c), peak));
        }
        return peak;
    }

    private static double channelPeak(float[] x, double peakSoFar) {
        int n = x.length;
        double peak = peakSoFar;
        int taps = 2 * HALF_TAPS;
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            float local = 0;
            for (int i = Math.max(0, start - HALF_TAPS); i < Math.min(n, end + HALF_TAPS); i++) {
                local = Math.max(local, Math.abs(x[i]));
            }
            if (local * MAX_TAP_SUM <= peak) {
                continue;
            }
            for (int i = start; i < end; i++) {
                int first = i - HALF_TAPS + 1;
                for (int p = 1; p < FACTOR; p++) {
                    float[] h = PHASES[p];
                    float acc = 0f;
                    if (first >= 0 && first + taps <= n) {
                        for (int j = 0; j < taps; j++) {
                            acc += h[j] * x[first + j];
                        }
                    } else {
                        for (int j = 0; j < taps; j++) {
                            int k = first + j;
                            if (k >= 0 && k < n) {
                                acc += h[j] * x[k];
                            }
                        }
                    }
                    peak = Math.max(peak, Math.abs(acc));
                }
            }
        }
        return peak;
    }

    private static float[][] design() {
        double beta = 6.0;
        int taps = 2 * HALF_TAPS;
        float[][] phases = new float[FACTOR][taps];
        for (int p = 0; p < FACTOR; p++) {
            double frac = p / (double) FACTOR;
            double sum = 0;
            double[] h = new double[taps];
            for (int j = 0; j < taps; j++) {
                // Distance in original samples from the interpolated point to x[i + j - HALF_TAPS + 1].
                double t = (j - HALF_TAPS + 1) - frac;
                double window = kaiser(t / (HALF_TAPS + 0.25), beta);
                h[j] = sinc(t) * window;
                sum += h[j];
            }
            for (int j = 0; j < taps; j++) {
                phases[p][j] = (float) (h[j] / sum);
            }
        }
        return phases;
    }

    private static double maxAbsTapSum() {
        double max = 0;
        for (float[] h : PHASES) {
            double s = 0;
            for (float v : h) {
                s += Math.abs(v);
            }
            max = Math.max(max, s);
        }
        // Guard against float rounding in the accumulation.
        return max * 1.0001;
    }

    private static double sinc(double t) {
        return t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
    }

    /** Kaiser window at relative position u in [-1, 1]. */
    private static double kaiser(double u, double beta) {
        if (Math.abs(u) >= 1) {
            return 0;
        }
        return besselI0(beta * Math.sqrt(1 - u * u)) / besselI0(beta);
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 30; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
