package io.djia.app.live;

/**
 * A {@link TimelineClock} anchored to a sound card: the card reports how many frames it has played, read at a
 * known time, and output frame {@code o} is heard {@code (o - played) / sampleRate} seconds after that reading.
 *
 * <p>Readings are coarse (drivers update the play position per period) and the card's crystal drifts from the
 * nanosecond clock by tens of ppm, so the anchor is not replaced by each reading: it is pulled towards it by a
 * small fraction (a first-order low-pass on the offset), which keeps predictions smooth to well under a frame of
 * jitter while following drift. A jump larger than {@link #SNAP_SECONDS} (an underrun, a restarted line) resets
 * the anchor at once.
 *
 * <p>{@link #update} from one thread (the control thread); the mapping may be read from any thread (the MIDI
 * clock sender): each reading publishes an immutable anchor.
 */
final class DeviceTimelineClock implements TimelineClock {
    static final double SNAP_SECONDS = 0.02;
    /** Fraction of the measured offset applied per reading: about 50 readings (100 ms at 2 ms) to settle. */
    private static final double PULL = 0.02;

    /** Output frame {@code outputFrame} is heard at {@code nanos}. */
    private record Anchor(long nanos, double outputFrame) {
    }

    private final int sampleRate;
    private final int latencyFrames;
    private final double framesPerNano;
    private volatile Anchor anchor;

    DeviceTimelineClock(int sampleRate, int latencyFrames, long nowNanos) {
        this.sampleRate = sampleRate;
        this.latencyFrames = latencyFrames;
        this.framesPerNano = sampleRate / 1e9;
        this.anchor = new Anchor(nowNanos, 0);
    }

    /** Takes a reading: the card had played {@code playedFrames} output frames at {@code nanos}. */
    void update(long playedFrames, long nanos) {
        Anchor a = anchor;
        double predicted = a.outputFrame() + (nanos - a.nanos()) * framesPerNano;
        double error = playedFrames - predicted;
        anchor = Math.abs(error) > SNAP_SECONDS * sampleRate
                ? new Anchor(nanos, playedFrames)
                : new Anchor(nanos, predicted + PULL * error);
    }

    @Override
    public double frameAt(long nanos) {
        Anchor a = anchor;
        return a.outputFrame() + (nanos - a.nanos()) * framesPerNano - latencyFrames;
    }

    @Override
    public long nanosAt(double frame) {
        Anchor a = anchor;
        return a.nanos() + Math.round((frame + latencyFrames - a.outputFrame()) / framesPerNano);
    }
}
