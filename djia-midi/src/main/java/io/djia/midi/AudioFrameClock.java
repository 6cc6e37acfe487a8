package io.djia.midi;

/**
 * A {@link FrameClock} fed by the audio callback: a second-order delay-locked loop filters the jittery
 * callback times into a smooth estimate of when each frame is rendered, following the card's true rate.
 *
 * <p>The loop is the one of F. Adriaensen, "Using a DLL to filter time" (Linux Audio Conference 2005):
 * with period {@code tper} and bandwidth {@code B}, {@code omega = 2 pi B tper}, {@code b = sqrt(2) omega},
 * {@code c = omega^2}; on each period start {@code e = t - t1; t0 = t1; t1 += b e + e2; e2 += c e}, where
 * {@code e2} is the filtered period.
 *
 * <h2>Threads</h2>
 * {@link #blockStarted} is called by the audio thread only: no allocation, no locks (a sequence counter
 * publishes the loop state). {@link #nanosAtFrame} may be called from any thread.
 */
public final class AudioFrameClock implements FrameClock {
    private final int sampleRate;
    private final int blockFrames;
    private final double b;
    private final double c;

    // Audio-thread state: loop times relative to originNanos, so doubles keep sub-nanosecond precision.
    private boolean started;
    private long originNanos;
    private double t1;
    private double e2;
    private long f1;

    // Published state, guarded by the sequence counter (odd while being written).
    private volatile long sequence;
    private volatile long publishedOrigin;
    private volatile double publishedT0;
    private volatile double publishedT1;
    private volatile long publishedF0;
    private volatile double publishedPeriod;

    /**
     * @param sampleRate   frames per second
     * @param blockFrames  frames per audio callback
     * @param bandwidthHz  loop bandwidth: lower is smoother, higher follows rate changes faster (0.1..10)
     */
    public AudioFrameClock(int sampleRate, int blockFrames, double bandwidthHz) {
        if (sampleRate < 1000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sample rate must be 1000..384000 Hz, got " + sampleRate);
        }
        if (blockFrames < 1 || blockFrames > 65_536) {
            throw new IllegalArgumentException("block must be 1..65536 frames, got " + blockFrames);
        }
        double periodSeconds = blockFrames / (double) sampleRate;
        if (!(bandwidthHz >= 0.01 && bandwidthHz <= 0.25 / periodSeconds)) {
            throw new IllegalArgumentException("DLL bandwidth must be 0.01.." + 0.25 / periodSeconds
                    + " Hz for " + blockFrames + "-frame blocks, got " + bandwidthHz);
        }
        this.sampleRate = sampleRate;
        this.blockFrames = blockFrames;
        double omega = 2 * Math.PI * bandwidthHz * periodSeconds;
        this.b = Math.sqrt(2) * omega;
        this.c = omega * omega;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Audio thread: the callback for the block starting at {@code firstFrame} began at {@code nanos}. A
     * block out of sequence (an xrun, a restart) resets the loop.
     */
    public void blockStarted(long firstFrame, long nanos) {
        if (!started || firstFrame != f1) {
            started = true;
            originNanos = nanos;
            e2 = blockFrames * 1e9 / sampleRate;
            t1 = e2;
            f1 = firstFrame + blockFrames;
            publish(0.0, t1, firstFrame, e2);
            return;
        }
        double t = nanos - originNanos;
        double e = t - t1;
        double t0 = t1;
        t1 += b * e + e2;
        e2 += c * e;
        long f0 = f1;
        f1 += blockFrames;
        publish(t0, t1, f0, e2);
    }

    private void publish(double t0, double t1Value, long f0, double period) {
        long s = sequence;
        sequence = s + 1;
        publishedOrigin = originNanos;
        publishedT0 = t0;
        publishedT1 = t1Value;
        publishedF0 = f0;
        publishedPeriod = period;
        sequence = s + 2;
    }

    /**
     * Within the current period the loop's two times are interpolated; outside it the filtered period
     * {@code e2} carries the line on, as the one-period difference {@code t1 - t0} still holds a share of the
     * latest callback's jitter.
     */
    @Override
    public long nanosAtFrame(double frame) {
        while (true) {
            long s = sequence;
            if (s == 0) {
                return Long.MAX_VALUE;
            }
            long origin = publishedOrigin;
            double t0 = publishedT0;
            double t1Value = publishedT1;
            long f0 = publishedF0;
            double period = publishedPeriod;
            if ((s & 1) == 0 && s == sequence) {
                double offset = frame - f0;
                double t;
                if (offset < 0) {
                    t = t0 + offset * period / blockFrames;
                } else if (offset <= blockFrames) {
                    t = t0 + offset * (t1Value - t0) / blockFrames;
                } else {
                    t = t1Value + (offset - blockFrames) * period / blockFrames;
                }
                return origin + Math.round(t);
            }
            Thread.onSpinWait();
        }
    }

    /** The measured frame rate of the card in TimeSource terms (frames per second); NaN before audio runs. */
    public double measuredSampleRate() {
        while (true) {
            long s = sequence;
            if (s == 0) {
                return Double.NaN;
            }
            double period = publishedPeriod;
            if ((s & 1) == 0 && s == sequence) {
                return blockFrames * 1e9 / period;
            }
            Thread.onSpinWait();
        }
    }
}
