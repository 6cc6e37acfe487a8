package io.djia.core.fx;

/** Volume: a linear gain on every channel whose changes ramp linearly over {@code smoothingSeconds}. */
public final class SmoothedGain implements AudioProcessor {
    /** Default ramp time of a gain change: short enough to feel immediate, long enough not to click. */
    public static final double DEFAULT_SMOOTHING_SECONDS = 0.02;

    private final LinearRamp gain;
    private final long rampFrames;

    /** @param gain linear gain (1 = unity) */
    public SmoothedGain(int sampleRate, double gain, double smoothingSeconds) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (!(smoothingSeconds >= 0)) {
            throw new IllegalArgumentException("smoothing time must be >= 0 s, got " + smoothingSeconds);
        }
        checkGain(gain);
        this.gain = new LinearRamp(gain);
        this.rampFrames = Math.round(smoothingSeconds * sampleRate);
    }

    public SmoothedGain(int sampleRate, double gain) {
        this(sampleRate, gain, DEFAULT_SMOOTHING_SECONDS);
    }

    /** Ramps to a new linear gain. */
    public void setGain(double newGain) {
        checkGain(newGain);
        gain.rampTo(newGain, rampFrames);
    }

    /** Ramps to the linear equivalent of {@code gainDb}. */
    public void setGainDb(double gainDb) {
        setGain(Math.pow(10.0, gainDb / 20.0));
    }

    /** The gain being ramped to. */
    public double gain() {
        return gain.target();
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        int channels = in.length;
        if (!gain.isRamping()) {
            float g = (float) gain.current();
            for (int c = 0; c < channels; c++) {
                float[] src = in[c];
                float[] dst = out[c];
                for (int i = 0; i < frames; i++) {
                    dst[i] = src[i] * g;
                }
            }
            return;
        }
        for (int i = 0; i < frames; i++) {
            double g = gain.next();
            for (int c = 0; c < channels; c++) {
                out[c][i] = (float) (in[c][i] * g);
            }
        }
    }

    @Override
    public void reset() {
        gain.jumpTo(gain.target());
    }

    private static void checkGain(double gain) {
        if (!(gain >= 0 && gain <= 16)) {
            throw new IllegalArgumentException("gain must be a linear factor in 0..16, got " + gain);
        }
    }
}
