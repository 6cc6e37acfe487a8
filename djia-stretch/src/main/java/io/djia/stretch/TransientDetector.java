package io.djia.stretch;

import io.djia.core.spectral.RealFft;
import io.djia.core.spectral.WindowType;

/**
 * Streaming onset detector on the mono sum of the vocoder input, a few milliseconds of resolution.
 *
 * <p>The detection function is a log-compressed spectral flux with a three-bin maximum filter on the previous
 * frame (Bello et al. 2005, "A tutorial on onset detection in music signals"; Böck and Widmer 2013,
 * "SuperFlux"), on ~23 ms Hann frames every ~6 ms, long enough that a bass period does not pulse in it. A frame is an onset when its flux is a local maximum and
 * exceeds {@value #THRESHOLD_FACTOR} times the mean of the last ~70 ms plus a floor, at least 30 ms after the
 * previous onset. Positions are input frames; an onset is reported once the frame after its peak is seen.
 *
 * <p>Not thread-safe; no allocation after construction.
 */
final class TransientDetector {
    private static final double THRESHOLD_FACTOR = 1.5;
    /** Flux floor per analysed bin: a steady signal's frame-to-frame jitter stays well below it. */
    private static final double FLOOR_PER_BIN = 0.02;
    /** Log compression {@code log(1 + GAMMA * amplitude)}, amplitude 1 for a full-scale sine. */
    private static final double GAMMA = 100.0;
    private static final double LOW_HZ = 30.0;
    private static final double HIGH_HZ = 16_000.0;
    private static final int MEAN_FRAMES = 24;
    private static final int ONSET_CAPACITY = 64;
    /**
     * Measured lead of the flux peak over a sharp onset: log flux jumps as soon as a sound enters the right
     * edge of the window, so the peak comes about a third of a window before the onset's centre.
     */
    private static final double LEAD_FRACTION_OF_FRAME = 0.25;

    private final int frameSize;
    private final int hop;
    private final RealFft fft;
    private final float[] window;
    private final float[] ring;
    private final int ringMask;
    private final float[] frame;
    private final float[] re;
    private final float[] im;
    private final float[] logMag;
    private final float[] prevLogMag;
    private final int kLo;
    private final int kHi;
    private final double amplitudeScale;
    private final double floor;
    private final int minGapFrames;
    private final int lead;
    private final double[] recent = new double[MEAN_FRAMES];
    private final long[] onsets = new long[ONSET_CAPACITY];
    private int onsetHead;
    private int onsetCount;

    private long written;
    private long nextCentre;
    private long frameIndex;
    private double fluxBeforeLast;
    private double fluxLast;
    private double recentSum;
    private long lastOnsetFrame;

    TransientDetector(int sampleRate, int maxPushFrames) {
        this.frameSize = nearestPowerOfTwo(sampleRate * 0.0232);
        this.hop = frameSize / 4;
        this.fft = new RealFft(frameSize);
        this.window = WindowType.HANN.create(frameSize);
        int capacity = Integer.highestOneBit(frameSize + maxPushFrames + hop) * 2;
        this.ring = new float[capacity];
        this.ringMask = capacity - 1;
        this.frame = new float[frameSize];
        int bins = frameSize / 2 + 1;
        this.re = new float[bins];
        this.im = new float[bins];
        this.logMag = new float[bins];
        this.prevLogMag = new float[bins];
        double binHz = sampleRate / (double) frameSize;
        this.kLo = Math.max(1, (int) Math.round(LOW_HZ / binHz));
        this.kHi = Math.min(bins - 2, (int) Math.round(Math.min(HIGH_HZ, 0.45 * sampleRate) / binHz));
        this.amplitudeScale = 4.0 / frameSize;
        this.floor = FLOOR_PER_BIN * (kHi - kLo + 1);
        this.minGapFrames = Math.max(1, (int) Math.round(0.030 * sampleRate / hop));
        this.lead = (int) Math.round(LEAD_FRACTION_OF_FRAME * frameSize);
        reset();
    }

    private static int nearestPowerOfTwo(double x) {
        int p = Integer.highestOneBit((int) Math.max(2, x));
        return (x / p > 1.5) ? p * 2 : p;
    }

    void reset() {
        java.util.Arrays.fill(ring, 0f);
        java.util.Arrays.fill(prevLogMag, 0f);
        java.util.Arrays.fill(recent, 0);
        written = 0;
        nextCentre = 0;
        frameIndex = 0;
        fluxBeforeLast = 0;
        fluxLast = 0;
        recentSum = 0;
        lastOnsetFrame = Long.MIN_VALUE / 2;
        onsetHead = 0;
        onsetCount = 0;
    }

    int frameSize() {
        return frameSize;
    }

    /** Input frames after which every onset up to a position has been reported: see {@link #finalizedUpTo}. */
    int delayFrames() {
        return frameSize / 2 + 2 * hop + lead;
    }

    /** Every onset at or before this input position has been reported. */
    long finalizedUpTo() {
        // Frames up to nextCentre - hop are analysed; the last one's peak status waits for the next frame.
        return nextCentre - 2L * hop + lead;
    }

    /** Appends mono samples and analyses every frame they complete. */
    void push(float[] mono, int offset, int frames) {
        for (int i = 0; i < frames; i++) {
            ring[(int) ((written + i) & ringMask)] = mono[offset + i];
        }
        written += frames;
        while (nextCentre + frameSize / 2 <= written) {
            analyse(nextCentre);
            nextCentre += hop;
            frameIndex++;
        }
    }

    boolean hasOnset() {
        return onsetCount > 0;
    }

    long peekOnset() {
        return onsets[onsetHead];
    }

    void popOnset() {
        onsetHead = (onsetHead + 1) % ONSET_CAPACITY;
        onsetCount--;
    }

    private void analyse(long centre) {
        long start = centre - frameSize / 2;
        for (int i = 0; i < frameSize; i++) {
            long idx = start + i;
            frame[i] = idx < 0 ? 0f : ring[(int) (idx & ringMask)] * window[i];
        }
        fft.forward(frame, re, im);
        double flux = 0;
        for (int k = kLo - 1; k <= kHi + 1; k++) {
            double amp = Math.sqrt((double) re[k] * re[k] + (double) im[k] * im[k]) * amplitudeScale;
            logMag[k] = (float) PhaseMath.log(1.0 + GAMMA * amp);
        }
        for (int k = kLo; k <= kHi; k++) {
            float reference = Math.max(prevLogMag[k], Math.max(prevLogMag[k - 1], prevLogMag[k + 1]));
            float rise = logMag[k] - reference;
            if (rise > 0) {
                flux += rise;
            }
        }
        System.arraycopy(logMag, 0, prevLogMag, 0, logMag.length);

        // The previous frame is an onset if it is a local peak above the adaptive threshold.
        long candidate = frameIndex - 1;
        if (candidate >= 1) {
            double mean = recentSum / MEAN_FRAMES;
            boolean peak = fluxLast > fluxBeforeLast && fluxLast >= flux;
            if (peak && fluxLast > THRESHOLD_FACTOR * mean + floor && candidate - lastOnsetFrame >= minGapFrames) {
                lastOnsetFrame = candidate;
                addOnset(centre - hop + lead);
            }
        }
        // The mean covers the frames before the candidate, so a peak does not raise its own threshold.
        recentSum -= recent[(int) (frameIndex % MEAN_FRAMES)];
        recent[(int) (frameIndex % MEAN_FRAMES)] = fluxBeforeLast;
        recentSum += fluxBeforeLast;
        fluxBeforeLast = fluxLast;
        fluxLast = flux;
    }

    private void addOnset(long position) {
        if (onsetCount == ONSET_CAPACITY) {
            popOnset();
        }
        onsets[(onsetHead + onsetCount) % ONSET_CAPACITY] = position;
        onsetCount++;
    }
}
