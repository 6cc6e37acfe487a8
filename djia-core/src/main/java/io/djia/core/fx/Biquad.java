package io.djia.core.fx;

/**
 * One RBJ cookbook biquad per channel (Direct Form I, double state), with parameters that glide.
 *
 * <p>{@link #setCutoffHz} and the other setters do not jump: the cutoff moves on a log-frequency
 * exponential glide (time constant {@code smoothingSeconds}), the coefficients are recomputed every
 * {@value #CONTROL_INTERVAL} frames and linearly interpolated per sample in between. Direct Form I keeps
 * only past inputs and outputs, which are valid for any coefficient set, so a sweep makes neither zipper
 * noise nor clicks; the interpolated (a1, a2) stay inside the stability triangle because it is convex.
 */
public final class Biquad implements AudioProcessor {
    /** Frames between coefficient recomputations while gliding. */
    static final int CONTROL_INTERVAL = 16;
    /** Default glide time constant. */
    public static final double DEFAULT_SMOOTHING_SECONDS = 0.03;
    private static final double LOWEST_HZ = 5.0;
    private static final double TINY = 1e-30;

    private final BiquadType type;
    private final int sampleRate;
    private final double highestHz;
    private final double glideCoefficient;
    private final double[] coefficients = new double[5];
    private final double[] nextCoefficients = new double[5];
    private final double[] coefficientSteps = new double[5];
    private final double[] x1;
    private final double[] x2;
    private final double[] y1;
    private final double[] y2;

    private double targetLogHz;
    private double targetQ;
    private double targetGainDb;
    private double logHz;
    private double q;
    private double gainDb;
    private boolean gliding;
    private boolean paramsAtTarget;
    private int controlCounter;

    /** A filter with the default glide time. */
    public Biquad(BiquadType type, int sampleRate, int channels, double frequencyHz, double q, double gainDb) {
        this(type, sampleRate, channels, frequencyHz, q, gainDb, DEFAULT_SMOOTHING_SECONDS);
    }

    /**
     * @param frequencyHz      cutoff (LPF/HPF/shelves) or centre (band-pass, peaking), clamped to 5 Hz..0.49 fs
     * @param q                quality factor; 0.7071 gives Butterworth low- and high-pass
     * @param gainDb           gain of shelves and peaking filters, ignored by the others
     * @param smoothingSeconds glide time constant of parameter changes; 0 switches instantly
     */
    public Biquad(BiquadType type, int sampleRate, int channels, double frequencyHz, double q, double gainDb,
                  double smoothingSeconds) {
        if (type == null) {
            throw new IllegalArgumentException("biquad type is required");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (!(smoothingSeconds >= 0)) {
            throw new IllegalArgumentException("smoothing time must be >= 0 s, got " + smoothingSeconds);
        }
        this.type = type;
        this.sampleRate = sampleRate;
        this.highestHz = 0.49 * sampleRate;
        this.glideCoefficient = smoothingSeconds == 0 ? 1.0
                : 1.0 - Math.exp(-CONTROL_INTERVAL / (smoothingSeconds * sampleRate));
        this.x1 = new double[channels];
        this.x2 = new double[channels];
        this.y1 = new double[channels];
        this.y2 = new double[channels];
        checkParameters(frequencyHz, q, gainDb);
        this.targetLogHz = Math.log(clampHz(frequencyHz));
        this.targetQ = q;
        this.targetGainDb = gainDb;
        this.logHz = targetLogHz;
        this.q = q;
        this.gainDb = gainDb;
        RbjCookbook.compute(type, sampleRate, Math.exp(logHz), q, gainDb, coefficients);
    }

    public BiquadType type() {
        return type;
    }

    /** The cutoff the filter is gliding to. */
    public double cutoffHz() {
        return Math.exp(targetLogHz);
    }

    /** Glides the cutoff (or centre) frequency to {@code cutoffHz}. */
    public void setCutoffHz(double cutoffHz) {
        setParameters(cutoffHz, targetQ, targetGainDb);
    }

    /** Glides all three parameters to new targets; no allocation. */
    public void setParameters(double cutoffHz, double newQ, double newGainDb) {
        checkParameters(cutoffHz, newQ, newGainDb);
        targetLogHz = Math.log(clampHz(cutoffHz));
        targetQ = newQ;
        targetGainDb = newGainDb;
        if (glideCoefficient >= 1.0) {
            logHz = targetLogHz;
            q = targetQ;
            gainDb = targetGainDb;
            RbjCookbook.compute(type, sampleRate, Math.exp(logHz), q, gainDb, coefficients);
            return;
        }
        // Restart the control clock at the change, so the glide does not depend on block boundaries.
        gliding = true;
        paramsAtTarget = false;
        controlCounter = 0;
        System.arraycopy(coefficients, 0, nextCoefficients, 0, 5);
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        if (!gliding) {
            for (int c = 0; c < x1.length; c++) {
                processSteady(c, in[c], out[c], 0, frames);
            }
            return;
        }
        int done = 0;
        while (done < frames && gliding) {
            if (controlCounter == 0) {
                startControlInterval();
                if (!gliding) {
                    break;
                }
            }
            int run = Math.min(frames - done, CONTROL_INTERVAL - controlCounter);
            processGliding(in, out, done, run);
            controlCounter = (controlCounter + run) % CONTROL_INTERVAL;
            done += run;
        }
        if (done < frames) {
            for (int c = 0; c < x1.length; c++) {
                processSteady(c, in[c], out[c], done, frames - done);
            }
        }
    }

    private void startControlInterval() {
        // The previous interval ended on nextCoefficients; copy them exactly so interpolation never drifts.
        System.arraycopy(nextCoefficients, 0, coefficients, 0, 5);
        if (paramsAtTarget) {
            gliding = false;
            return;
        }
        logHz += (targetLogHz - logHz) * glideCoefficient;
        q += (targetQ - q) * glideCoefficient;
        gainDb += (targetGainDb - gainDb) * glideCoefficient;
        if (Math.abs(targetLogHz - logHz) < 1e-4 && Math.abs(targetQ - q) < 1e-4
                && Math.abs(targetGainDb - gainDb) < 1e-3) {
            logHz = targetLogHz;
            q = targetQ;
            gainDb = targetGainDb;
            paramsAtTarget = true;
        }
        RbjCookbook.compute(type, sampleRate, Math.exp(logHz), q, gainDb, nextCoefficients);
        for (int k = 0; k < 5; k++) {
            coefficientSteps[k] = (nextCoefficients[k] - coefficients[k]) / CONTROL_INTERVAL;
        }
    }

    private void processGliding(float[][] in, float[][] out, int offset, int run) {
        double b0 = coefficients[RbjCookbook.B0];
        double b1 = coefficients[RbjCookbook.B1];
        double b2 = coefficients[RbjCookbook.B2];
        double a1 = coefficients[RbjCookbook.A1];
        double a2 = coefficients[RbjCookbook.A2];
        double db0 = coefficientSteps[RbjCookbook.B0];
        double db1 = coefficientSteps[RbjCookbook.B1];
        double db2 = coefficientSteps[RbjCookbook.B2];
        double da1 = coefficientSteps[RbjCookbook.A1];
        double da2 = coefficientSteps[RbjCookbook.A2];
        for (int i = offset; i < offset + run; i++) {
            b0 += db0;
            b1 += db1;
            b2 += db2;
            a1 += da1;
            a2 += da2;
            for (int c = 0; c < x1.length; c++) {
                double x = in[c][i];
                double y = b0 * x + b1 * x1[c] + b2 * x2[c] - a1 * y1[c] - a2 * y2[c];
                if (Math.abs(y) < TINY) {
                    y = 0.0;
                }
                x2[c] = x1[c];
                x1[c] = x;
                y2[c] = y1[c];
                y1[c] = y;
                out[c][i] = (float) y;
            }
        }
        coefficients[RbjCookbook.B0] = b0;
        coefficients[RbjCookbook.B1] = b1;
        coefficients[RbjCookbook.B2] = b2;
        coefficients[RbjCookbook.A1] = a1;
        coefficients[RbjCookbook.A2] = a2;
    }

    private void processSteady(int c, float[] in, float[] out, int offset, int run) {
        double b0 = coefficients[RbjCookbook.B0];
        double b1 = coefficients[RbjCookbook.B1];
        double b2 = coefficients[RbjCookbook.B2];
        double a1 = coefficients[RbjCookbook.A1];
        double a2 = coefficients[RbjCookbook.A2];
        double xm1 = x1[c];
        double xm2 = x2[c];
        double ym1 = y1[c];
        double ym2 = y2[c];
        for (int i = offset; i < offset + run; i++) {
            double x = in[i];
            double y = b0 * x + b1 * xm1 + b2 * xm2 - a1 * ym1 - a2 * ym2;
            // Flush values far below audibility so silence never decays into slow subnormals.
            if (Math.abs(y) < TINY) {
                y = 0.0;
            }
            xm2 = xm1;
            xm1 = x;
            ym2 = ym1;
            ym1 = y;
            out[i] = (float) y;
        }
        x1[c] = xm1;
        x2[c] = xm2;
        y1[c] = ym1;
        y2[c] = ym2;
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(x1, 0);
        java.util.Arrays.fill(x2, 0);
        java.util.Arrays.fill(y1, 0);
        java.util.Arrays.fill(y2, 0);
        logHz = targetLogHz;
        q = targetQ;
        gainDb = targetGainDb;
        gliding = false;
        controlCounter = 0;
        RbjCookbook.compute(type, sampleRate, Math.exp(logHz), q, gainDb, coefficients);
    }

    private double clampHz(double hz) {
        return Math.max(LOWEST_HZ, Math.min(highestHz, hz));
    }

    private static void checkParameters(double frequencyHz, double q, double gainDb) {
        if (!(frequencyHz > 0) || Double.isInfinite(frequencyHz)) {
            throw new IllegalArgumentException("filter frequency must be a positive number of Hz, got " + frequencyHz);
        }
        if (!(q > 0 && q <= 100)) {
            throw new IllegalArgumentException("filter Q must be in (0, 100], got " + q);
        }
        if (!(Math.abs(gainDb) <= 48)) {
            throw new IllegalArgumentException("filter gain must be within +/-48 dB, got " + gainDb);
        }
    }
}
