package io.djia.core.fx;

/**
 * A value that moves in a straight line to a target over a whole number of frames, then holds it.
 *
 * <p>The ramp is computed from a frame counter ({@code start + (target - start) * i / frames}), not by
 * repeated addition, so it lands exactly on the target and does not depend on block sizes.
 * Single-threaded; no allocation.
 */
public final class LinearRamp {
    private double value;
    private double start;
    private double target;
    private long position;
    private long length;

    public LinearRamp(double initial) {
        this.value = initial;
        this.target = initial;
    }

    /** Starts a ramp from the current value; frame {@code frames} after now is the first at {@code target}. */
    public void rampTo(double newTarget, long frames) {
        if (frames <= 0) {
            jumpTo(newTarget);
            return;
        }
        start = value;
        target = newTarget;
        position = 0;
        length = frames;
    }

    /** Sets the value at once, cancelling any ramp. */
    public void jumpTo(double newValue) {
        value = newValue;
        target = newValue;
        length = 0;
    }

    /** The value for the current frame; then advances one frame. */
    public double next() {
        double current = value;
        if (length > 0) {
            position++;
            if (position >= length) {
                value = target;
                length = 0;
            } else {
                value = start + (target - start) * ((double) position / length);
            }
        }
        return current;
    }

    /** The value for the current frame, without advancing. */
    public double current() {
        return value;
    }

    public double target() {
        return target;
    }

    public boolean isRamping() {
        return length > 0;
    }
}
