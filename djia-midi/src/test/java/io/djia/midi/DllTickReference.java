package io.djia.midi;

/**
 * The alternative to the least-squares fit, kept for comparison: a second-order delay-locked loop on the
 * tick times (F. Adriaensen, "Using a DLL to filter time", LAC 2005), {@code omega = 2 pi B T},
 * {@code b = sqrt(2) omega}, {@code c = omega^2}, per tick {@code e = t - t1; t1 += b e + e2; e2 += c e}.
 * It counts ticks in arrival order and has no outlier or drop handling.
 */
final class DllTickReference {
    private final double bandwidthHz;
    private long ticks;
    private double t1;
    private double e2;
    private double firstNanos;
    private double b;
    private double c;

    DllTickReference(double bandwidthHz) {
        this.bandwidthHz = bandwidthHz;
    }

    void tick(long t) {
        ticks++;
        if (ticks == 1) {
            firstNanos = t;
            return;
        }
        if (ticks == 2) {
            e2 = t - firstNanos;
            t1 = t + e2;
            double omega = 2 * Math.PI * bandwidthHz * e2 / 1e9;
            b = Math.sqrt(2) * omega;
            c = omega * omega;
            return;
        }
        double e = t - t1;
        t1 += b * e + e2;
        e2 += c * e;
    }

    /** Tick index of the latest tick (0-based). */
    long lastTick() {
        return ticks - 1;
    }

    double bpm() {
        return 60e9 / (24 * e2);
    }

    /** Predicted time of tick {@code tick} (0-based, after the latest). */
    double predict(long tick) {
        return t1 + (tick - ticks) * e2;
    }
}
