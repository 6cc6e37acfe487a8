package io.djia.stretch;

/**
 * Streaming resampler by a fractional, changeable step (input frames per output frame), for pitch shifting
 * before the phase vocoder.
 *
 * <p>Band-limited interpolation with a Kaiser-windowed sinc (Smith, "Digital Audio Resampling", CCRMA): 16
 * zero crossings a side, beta 9 (about -90 dB side lobes), cutoff at 94 % of the lower of the two Nyquist
 * frequencies, so reading faster than the input is anti-aliased. Output {@code j} is the input at position
 * {@code x_j = x_(j-1) + step}, with {@code x_0 = 0}: resampling adds no delay to the content. An output is
 * released once the input reaches a fixed distance past it, the same for every step, so the hand-over to the
 * vocoder keeps a steady pace when the step changes. At step 1 on an integer position it copies the input.
 *
 * <p>Not thread-safe; no allocation after construction.
 */
final class FractionalResampler {
    private static final int ZERO_CROSSINGS = 16;
    private static final int TABLE_STEPS = 512;
    private static final double KAISER_BETA = 9.0;
    private static final double CUTOFF_GUARD = 0.94;

    /** Kernel {@code sinc(u) * kaiser(u / Z)} for {@code u = i / TABLE_STEPS}, {@code u} in [0, Z]. */
    private static final float[] KERNEL = buildKernel();

    private final int channels;
    private final float[][] history;
    private final int mask;
    private final int lookaheadFrames;
    private final double maxStep;
    private final double[] weights;
    private long written;
    private double position;
    private double step = 1.0;

    /**
     * @param maxStep        largest step that {@link #setStep} will be given
     * @param maxPushFrames  largest block passed to one {@link #push}
     */
    FractionalResampler(int channels, double maxStep, int maxPushFrames) {
        this.channels = channels;
        this.maxStep = maxStep;
        double minCutoff = CUTOFF_GUARD * Math.min(1.0, 1.0 / maxStep);
        this.lookaheadFrames = (int) Math.ceil(ZERO_CROSSINGS / minCutoff) + 2;
        int capacity = Integer.highestOneBit(Math.max(16, 2 * lookaheadFrames + maxPushFrames + 16)) * 2;
        this.history = new float[channels][capacity];
        this.mask = capacity - 1;
        this.weights = new double[2 * lookaheadFrames + 4];
    }

    /** Input frames an output waits for beyond its own position. */
    int lookaheadFrames() {
        return lookaheadFrames;
    }

    void setStep(double newStep) {
        if (!(newStep > 0 && newStep <= maxStep + 1e-9)) {
            throw new IllegalArgumentException("resampling step must be in (0, " + maxStep + "], got " + newStep);
        }
        step = newStep;
    }

    void reset() {
        for (float[] h : history) {
            java.util.Arrays.fill(h, 0f);
        }
        written = 0;
        position = 0;
    }

    /** Appends {@code frames} frames of {@code in[c][offset..]}. */
    void push(float[][] in, int offset, int frames) {
        for (int c = 0; c < channels; c++) {
            float[] src = in[c];
            float[] dst = history[c];
            for (int i = 0; i < frames; i++) {
                dst[(int) ((written + i) & mask)] = src[offset + i];
            }
        }
        written += frames;
    }

    /** Writes every output the input now allows, at most {@code maxFrames}, into {@code out[c][0..]}. */
    int pull(float[][] out, int maxFrames) {
        int produced = 0;
        while (produced < maxFrames && position + lookaheadFrames <= written) {
            long base = (long) Math.floor(position);
            double frac = position - base;
            if (step == 1.0 && frac == 0.0) {
                for (int c = 0; c < channels; c++) {
                    out[c][produced] = base < 0 ? 0f : history[c][(int) (base & mask)];
                }
            } else {
                interpolate(out, produced);
            }
            produced++;
            position += step;
        }
        return produced;
    }

    private void interpolate(float[][] out, int index) {
        double cutoff = CUTOFF_GUARD * Math.min(1.0, 1.0 / step);
        double half = ZERO_CROSSINGS / cutoff;
        long first = (long) Math.ceil(position - half);
        long last = (long) Math.floor(position + half);
        int taps = (int) (last - first + 1);
        for (int t = 0; t < taps; t++) {
            double u = Math.abs(position - (first + t)) * cutoff * TABLE_STEPS;
            int i = (int) u;
            if (i >= KERNEL.length - 1) {
                weights[t] = 0;
            } else {
                double f = u - i;
                weights[t] = cutoff * (KERNEL[i] + f * (KERNEL[i + 1] - KERNEL[i]));
            }
        }
        for (int c = 0; c < channels; c++) {
            float[] h = history[c];
            double sum = 0;
            for (int t = 0; t < taps; t++) {
                long idx = first + t;
                if (idx >= 0) {
                    sum += weights[t] * h[(int) (idx & mask)];
                }
            }
            out[c][index] = (float) sum;
        }
    }

    private static float[] buildKernel() {
        int n = ZERO_CROSSINGS * TABLE_STEPS + 2;
        float[] k = new float[n];
        double i0Beta = besselI0(KAISER_BETA);
        for (int i = 0; i < n; i++) {
            double u = i / (double) TABLE_STEPS;
            double r = u / ZERO_CROSSINGS;
            if (r >= 1.0) {
                k[i] = 0f;
                continue;
            }
            double sinc = u == 0 ? 1.0 : Math.sin(Math.PI * u) / (Math.PI * u);
            double kaiser = besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
            k[i] = (float) (sinc * kaiser);
        }
        return k;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
