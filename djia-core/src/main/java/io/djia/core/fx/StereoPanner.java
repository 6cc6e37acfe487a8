package io.djia.core.fx;

/**
 * Constant-power pan of a stereo signal: left gain {@code cos θ}, right gain {@code sin θ} with
 * {@code θ = (pan + 1) π/4}, so the centre is -3.01 dB on each side and the summed power is the same at
 * every position (the "-3 dB pan law"). Pan changes ramp both gains linearly over the smoothing time.
 */
public final class StereoPanner implements AudioProcessor {
    private final LinearRamp leftGain;
    private final LinearRamp rightGain;
    private final long rampFrames;
    private double pan;

    /** @param pan -1 (hard left) .. 0 (centre) .. 1 (hard right) */
    public StereoPanner(int sampleRate, double pan, double smoothingSeconds) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (!(smoothingSeconds >= 0)) {
            throw new IllegalArgumentException("smoothing time must be >= 0 s, got " + smoothingSeconds);
        }
        checkPan(pan);
        this.pan = pan;
        this.leftGain = new LinearRamp(leftGainOf(pan));
        this.rightGain = new LinearRamp(rightGainOf(pan));
        this.rampFrames = Math.round(smoothingSeconds * sampleRate);
    }

    public StereoPanner(int sampleRate, double pan) {
        this(sampleRate, pan, SmoothedGain.DEFAULT_SMOOTHING_SECONDS);
    }

    /** Left-channel gain of the constant-power law at {@code pan}. */
    public static double leftGainOf(double pan) {
        double p = Math.max(-1.0, Math.min(1.0, pan));
        // cos(pi/2) is 6e-17, not 0: make hard right exact so the left side is truly silent.
        return p >= 1.0 ? 0.0 : Math.cos((p + 1.0) * Math.PI / 4.0);
    }

    /** Right-channel gain of the constant-power law at {@code pan}. */
    public static double rightGainOf(double pan) {
        double p = Math.max(-1.0, Math.min(1.0, pan));
        return p >= 1.0 ? 1.0 : Math.sin((p + 1.0) * Math.PI / 4.0);
    }

    public double pan() {
        return pan;
    }

    /** Ramps to a new position. */
    public void setPan(double newPan) {
        checkPan(newPan);
        pan = newPan;
        leftGain.rampTo(leftGainOf(newPan), rampFrames);
        rightGain.rampTo(rightGainOf(newPan), rampFrames);
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        if (in.length != 2 || out.length != 2) {
            throw new IllegalArgumentException("the panner needs stereo in and out, got " + in.length
                    + " and " + out.length + " channels");
        }
        for (int i = 0; i < frames; i++) {
            double gl = leftGain.next();
            double gr = rightGain.next();
            out[0][i] = (float) (in[0][i] * gl);
            out[1][i] = (float) (in[1][i] * gr);
        }
    }

    @Override
    public void reset() {
        leftGain.jumpTo(leftGain.target());
        rightGain.jumpTo(rightGain.target());
    }

    private static void checkPan(double pan) {
        if (!(pan >= -1 && pan <= 1)) {
            throw new IllegalArgumentException("pan must be -1 (left) .. 1 (right), got " + pan);
        }
    }
}
