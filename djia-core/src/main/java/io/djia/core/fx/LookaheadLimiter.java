package io.djia.core.fx;

/**
 * Look-ahead brickwall limiter for the master bus: the output never exceeds the ceiling, and inter-sample
 * (true) peaks are held under it too.
 *
 * <p>Per frame it estimates the true peak around each sample with a 4x polyphase windowed-sinc interpolator
 * (12 taps per phase, the oversampling method of ITU-R BS.1770-4 Annex 2), derives the gain that sample
 * needs ({@code ceiling / peak}, at most 1), takes the minimum over the look-ahead window, lets it recover
 * with an exponential release, and smooths it with a moving average as long as the window. Because the
 * average of window minima can only be at or below every value in the window, the gain has fully arrived
 * when the peak reaches the output, with a smooth attack and no overshoot. The audio is delayed by
 * {@link #latencyFrames()}. A final clamp guards against rounding.
 */
public final class LookaheadLimiter implements AudioProcessor {
    public static final double DEFAULT_CEILING_DB = -1.0;
    public static final double DEFAULT_LOOKAHEAD_SECONDS = 0.004;
    public static final double DEFAULT_RELEASE_SECONDS = 0.08;
    private static final int TAPS = 12;
    private static final int PHASES = 4;
    /** The interpolator looks at the interval after sample n - INTERPOLATOR_DELAY. */
    private static final int INTERPOLATOR_DELAY = TAPS / 2;
    /** Aim a little under the ceiling: the 12-tap interpolator can miss a true peak by a few hundredths of a dB. */
    private static final double SAFETY_MARGIN_DB = 0.1;
    private static final int RESUM_INTERVAL = 1 << 16;
    private static final double[][] INTERPOLATOR = interpolatorTaps();

    private final int channels;
    private final float ceiling;
    private final double target;
    private final int window;
    private final int latency;
    private final double releaseCoefficient;
    private final float[][] history;
    private final float[][] delayLine;
    private final double[] dequeValues;
    private final long[] dequeIndices;
    private final double[] averageRing;
    private int historyPosition;
    private int delayPosition;
    private int dequeHead;
    private int dequeSize;
    private int averagePosition;
    private double averageSum;
    private double released;
    private double previousIntervalPeak;
    private long frame;
    private int framesSinceResum;

    public LookaheadLimiter(int sampleRate, int channels, double ceilingDb, double lookaheadSeconds,
                            double releaseSeconds) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (!(ceilingDb <= 0 && ceilingDb >= -40)) {
            throw new IllegalArgumentException("limiter ceiling must be -40..0 dBFS, got " + ceilingDb);
        }
        if (!(lookaheadSeconds >= 0.0005 && lookaheadSeconds <= 0.05)) {
            throw new IllegalArgumentException("look-ahead must be 0.5..50 ms, got " + lookaheadSeconds * 1000 + " ms");
        }
        if (!(releaseSeconds > 0 && releaseSeconds <= 5)) {
            throw new IllegalArgumentException("release must be in (0, 5] s, got " + releaseSeconds);
        }
        this.channels = channels;
        this.ceiling = (float) Math.pow(10.0, ceilingDb / 20.0);
        this.target = Math.pow(10.0, (ceilingDb - SAFETY_MARGIN_DB) / 20.0);
        this.window = Math.max(1, (int) Math.round(lookaheadSeconds * sampleRate));
        this.latency = window - 1 + INTERPOLATOR_DELAY;
        this.releaseCoefficient = 1.0 - Math.exp(-1.0 / (releaseSeconds * sampleRate));
        // Each sample is stored twice, TAPS apart, so the last TAPS samples are always one contiguous run.
        this.history = new float[channels][2 * TAPS];
        this.delayLine = new float[channels][latency + 1];
        this.dequeValues = new double[window + 1];
        this.dequeIndices = new long[window + 1];
        this.averageRing = new double[window];
        reset();
    }

    /** Stereo limiter with 4 ms look-ahead and 80 ms release. */
    public static LookaheadLimiter master(int sampleRate, double ceilingDb) {
        return new LookaheadLimiter(sampleRate, 2, ceilingDb, DEFAULT_LOOKAHEAD_SECONDS, DEFAULT_RELEASE_SECONDS);
    }

    public double ceilingDb() {
        return 20.0 * Math.log10(ceiling);
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        for (int n = 0; n < frames; n++) {
            double intervalPeak = 0;
            int newest = historyPosition;
            for (int c = 0; c < channels; c++) {
                float x = in[c][n];
                history[c][newest] = x;
                history[c][newest + TAPS] = x;
                delayLine[c][delayPosition] = x;
                intervalPeak = Math.max(intervalPeak, intervalPeak(history[c], newest + 1));
            }
            historyPosition = newest + 1 == TAPS ? 0 : newest + 1;
            // A sample needs room for the true peaks on both sides of it.
            double needed = Math.max(intervalPeak, previousIntervalPeak);
            previousIntervalPeak = intervalPeak;
            double required = needed > target ? target / needed : 1.0;
            double windowMinimum = pushAndMinimum(required);
            released = Math.min(windowMinimum, released + (1.0 - released) * releaseCoefficient);
            double gain = movingAverage(released);
            int oldest = delayPosition + 1 == latency + 1 ? 0 : delayPosition + 1;
            for (int c = 0; c < channels; c++) {
                float y = (float) (delayLine[c][oldest] * gain);
                out[c][n] = y > ceiling ? ceiling : (y < -ceiling ? -ceiling : y);
            }
            delayPosition = oldest;
            frame++;
        }
    }

    /**
     * Largest magnitude among sample n-6 and the three points interpolated between it and n-5;
     * {@code history[oldest .. oldest + TAPS)} holds samples n-11 .. n.
     */
    private static double intervalPeak(float[] history, int oldest) {
        double peak = Math.abs(history[oldest + TAPS - 1 - INTERPOLATOR_DELAY]);
        for (int phase = 1; phase < PHASES; phase++) {
            double[] taps = INTERPOLATOR[phase];
            double sum = 0;
            for (int k = 0; k < TAPS; k++) {
                sum += taps[k] * history[oldest + k];
            }
            peak = Math.max(peak, Math.abs(sum));
        }
        return peak;
    }

    /** Sliding-window minimum with a monotonic deque: O(1) amortised, no allocation. */
    private double pushAndMinimum(double value) {
        int capacity = dequeValues.length;
        while (dequeSize > 0) {
            int last = (dequeHead + dequeSize - 1) % capacity;
            if (dequeValues[last] >= value) {
                dequeSize--;
            } else {
                break;
            }
        }
        int tail = (dequeHead + dequeSize) % capacity;
        dequeValues[tail] = value;
        dequeIndices[tail] = frame;
        dequeSize++;
        while (dequeIndices[dequeHead] <= frame - window) {
            dequeHead = (dequeHead + 1) % capacity;
            dequeSize--;
        }
        return dequeValues[dequeHead];
    }

    private double movingAverage(double value) {
        averageSum += value - averageRing[averagePosition];
        averageRing[averagePosition] = value;
        averagePosition = averagePosition + 1 == window ? 0 : averagePosition + 1;
        // Re-add from scratch now and then so rounding in the running sum cannot accumulate over hours.
        if (++framesSinceResum >= RESUM_INTERVAL) {
            framesSinceResum = 0;
            double sum = 0;
            for (double v : averageRing) {
                sum += v;
            }
            averageSum = sum;
        }
        return Math.min(1.0, averageSum / window);
    }

    @Override
    public void reset() {
        for (int c = 0; c < channels; c++) {
            java.util.Arrays.fill(history[c], 0f);
            java.util.Arrays.fill(delayLine[c], 0f);
        }
        java.util.Arrays.fill(averageRing, 1.0);
        averageSum = window;
        historyPosition = 0;
        delayPosition = 0;
        dequeHead = 0;
        dequeSize = 0;
        averagePosition = 0;
        released = 1.0;
        previousIntervalPeak = 0;
        frame = 0;
        framesSinceResum = 0;
    }

    /**
     * Taps of phase p (value at fraction p/4 after the centre sample), applied oldest first to the last 12
     * samples: windowed sinc, Blackman window over +/-6 samples.
     */
    private static double[][] interpolatorTaps() {
        double[][] taps = new double[PHASES][TAPS];
        for (int phase = 0; phase < PHASES; phase++) {
            double fraction = phase / (double) PHASES;
            for (int k = 0; k < TAPS; k++) {
                // Sample k (oldest = 0) sits at offset d from the interpolated point.
                double d = k - (TAPS - 1 - INTERPOLATOR_DELAY) - fraction;
                double sinc = d == 0 ? 1.0 : Math.sin(Math.PI * d) / (Math.PI * d);
                double u = d / INTERPOLATOR_DELAY;
                double blackman = Math.abs(u) >= 1 ? 0
                        : 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
                taps[phase][k] = sinc * blackman;
            }
        }
        return taps;
    }
}
