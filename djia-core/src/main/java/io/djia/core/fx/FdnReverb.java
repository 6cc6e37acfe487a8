package io.djia.core.fx;

/**
 * Stereo feedback-delay-network reverb after J.-M. Jot and A. Chaigne, "Digital delay networks for
 * designing artificial reverberators" (AES 90th Convention, 1991).
 *
 * <p>Signal path: pre-delay, four Schroeder all-pass diffusers per channel (early echo density), then eight
 * delay lines of mutually prime lengths mixed by a normalised 8x8 Hadamard matrix (lossless, every line
 * feeds every other on each pass). Each line has Jot's absorption filter
 * {@code H_i(z) = g_i (1 - b_i) / (1 - b_i z^-1)} with {@code g_i = 10^(-3 m_i / (T60 fs))}, so every
 * recirculation loses exactly 60 dB per {@code decaySeconds} at DC and the same in every line (no line
 * rings longer than the others, which is what makes simple reverbs sound metallic); {@code b_i} makes
 * the decay at Nyquist {@code highFrequencyDecayRatio} times as long, like air absorption. Left and right
 * read orthogonal Hadamard rows of the lines, so the two sides are decorrelated. A 10 Hz DC blocker
 * cleans the wet signal, and the wet level is normalised by {@code sqrt(1 - g^2) / g} so it does not grow
 * with the decay time or size. Output: {@code (1 - mix) dry + mix wet}.
 */
public final class FdnReverb implements AudioProcessor {
    private static final int LINES = 8;
    /** Line lengths at size 0.4; mutually prime after rounding to primes. */
    private static final double[] BASE_DELAY_SECONDS = {
        0.0211, 0.0249, 0.0293, 0.0331, 0.0373, 0.0419, 0.0461, 0.0503};
    /** All-pass diffuser lengths, different left and right so the early field is already decorrelated. */
    private static final double[][] DIFFUSER_SECONDS = {
        {0.0043, 0.0031, 0.0111, 0.0079}, {0.0047, 0.0029, 0.0103, 0.0089}};
    private static final double DIFFUSION_GAIN = 0.6;
    /** Orthogonal Hadamard rows: inputs and outputs of the two channels. */
    private static final double[] IN_LEFT = {1, 1, 1, 1, -1, -1, -1, -1};
    private static final double[] IN_RIGHT = {1, -1, -1, 1, 1, -1, -1, 1};
    private static final double[] OUT_LEFT = {1, -1, 1, -1, 1, -1, 1, -1};
    private static final double[] OUT_RIGHT = {1, 1, -1, -1, 1, 1, -1, -1};
    private static final double HADAMARD_SCALE = 1.0 / Math.sqrt(LINES);
    /** Sets the wet impulse-response energy to about a quarter of the input energy (-6 dB). */
    private static final double WET_LEVEL = 1.5;
    private static final double PARAMETER_RAMP_SECONDS = 0.02;
    public static final double DEFAULT_HIGH_FREQUENCY_DECAY_RATIO = 0.5;
    private static final float TINY = 1e-20f;

    private final int sampleRate;
    private final double highFrequencyDecayRatio;
    private final float[][] lines = new float[LINES][];
    private final int[] linePositions = new int[LINES];
    private final double[] loopGain = new double[LINES];
    private final double[] pole = new double[LINES];
    private final double[] absorptionState = new double[LINES];
    private final double[] taps = new double[LINES];
    private final float[][] diffusers = new float[2 * DIFFUSER_SECONDS[0].length][];
    private final int[] diffuserPositions = new int[diffusers.length];
    private final float[] preDelayLeft;
    private final float[] preDelayRight;
    private final LinearRamp mix;
    private final long parameterRampFrames;
    private final double dcPole;
    private int preDelayPosition;
    private double decaySeconds;
    private double wetGain;
    private double dcInLeft;
    private double dcOutLeft;
    private double dcInRight;
    private double dcOutRight;

    /**
     * @param size                    room size 0..1: scales the line lengths (about 13 to 40 ms apart)
     * @param decaySeconds            RT60 at low and mid frequencies
     * @param preDelaySeconds         gap before the reverb starts, 0..0.25 s
     * @param mix                     wet share 0..1
     * @param highFrequencyDecayRatio RT60 at Nyquist over RT60 at DC, (0, 1]
     */
    public FdnReverb(int sampleRate, double size, double decaySeconds, double preDelaySeconds, double mix,
                     double highFrequencyDecayRatio) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (!(size >= 0 && size <= 1)) {
            throw new IllegalArgumentException("reverb size must be 0..1, got " + size);
        }
        if (!(preDelaySeconds >= 0 && preDelaySeconds <= 0.25)) {
            throw new IllegalArgumentException("pre-delay must be 0..0.25 s, got " + preDelaySeconds);
        }
        if (!(highFrequencyDecayRatio > 0 && highFrequencyDecayRatio <= 1)) {
            throw new IllegalArgumentException("high-frequency decay ratio must be in (0, 1], got " + highFrequencyDecayRatio);
        }
        checkDecay(decaySeconds);
        checkMix(mix);
        this.sampleRate = sampleRate;
        this.highFrequencyDecayRatio = highFrequencyDecayRatio;
        double scale = 0.6 + size;
        int previous = 0;
        for (int i = 0; i < LINES; i++) {
            int length = nextPrime(Math.max(previous + 1, (int) Math.round(BASE_DELAY_SECONDS[i] * scale * sampleRate)));
            lines[i] = new float[length];
            previous = length;
        }
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < DIFFUSER_SECONDS[c].length; k++) {
                int length = Math.max(1, (int) Math.round(DIFFUSER_SECONDS[c][k] * sampleRate));
                diffusers[c * DIFFUSER_SECONDS[c].length + k] = new float[length];
            }
        }
        int preDelayFrames = (int) Math.round(preDelaySeconds * sampleRate);
        this.preDelayLeft = new float[preDelayFrames];
        this.preDelayRight = new float[preDelayFrames];
        this.mix = new LinearRamp(mix);
        this.parameterRampFrames = Math.round(PARAMETER_RAMP_SECONDS * sampleRate);
        this.dcPole = 1.0 - 2.0 * Math.PI * 10.0 / sampleRate;
        applyDecay(decaySeconds);
    }

    /** A reverb with the default high-frequency damping (half the RT60 at Nyquist). */
    public FdnReverb(int sampleRate, double size, double decaySeconds, double preDelaySeconds, double mix) {
        this(sampleRate, size, decaySeconds, preDelaySeconds, mix, DEFAULT_HIGH_FREQUENCY_DECAY_RATIO);
    }

    public double decaySeconds() {
        return decaySeconds;
    }

    /** Changes the RT60 in place (tails continue); no allocation. */
    public void setDecaySeconds(double newDecaySeconds) {
        checkDecay(newDecaySeconds);
        applyDecay(newDecaySeconds);
    }

    public void setMix(double newMix) {
        checkMix(newMix);
        mix.rampTo(newMix, parameterRampFrames);
    }

    private void applyDecay(double newDecaySeconds) {
        decaySeconds = newDecaySeconds;
        double alphaSquaredTerm = 1.0 - 1.0 / (highFrequencyDecayRatio * highFrequencyDecayRatio);
        double meanSquaredGain = 0;
        for (int i = 0; i < LINES; i++) {
            int m = lines[i].length;
            double g = Math.pow(10.0, -3.0 * m / (newDecaySeconds * sampleRate));
            // Jot & Chaigne: b = ln(10)/4 * log10(g) * (1 - 1/alpha^2) gives RT60(pi) = alpha * RT60(0).
            pole[i] = Math.log(10.0) / 4.0 * Math.log10(g) * alphaSquaredTerm;
            loopGain[i] = g * (1.0 - pole[i]);
            meanSquaredGain += g * g / LINES;
        }
        // Energy injected once leaves through the loop gain and recirculates as g^2 / (1 - g^2): undo it so
        // the wet level stays about the same whatever the size and decay.
        wetGain = WET_LEVEL * Math.sqrt((1.0 - meanSquaredGain) / meanSquaredGain);
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        if (in.length != 2 || out.length != 2) {
            throw new IllegalArgumentException("the reverb needs stereo in and out, got " + in.length
                    + " and " + out.length + " channels");
        }
        float[] inL = in[0];
        float[] inR = in[1];
        float[] outL = out[0];
        float[] outR = out[1];
        int diffusersPerSide = DIFFUSER_SECONDS[0].length;
        for (int n = 0; n < frames; n++) {
            double xl = inL[n];
            double xr = inR[n];
            double sl = xl;
            double sr = xr;
            if (preDelayLeft.length > 0) {
                sl = preDelayLeft[preDelayPosition];
                sr = preDelayRight[preDelayPosition];
                preDelayLeft[preDelayPosition] = (float) xl;
                preDelayRight[preDelayPosition] = (float) xr;
                preDelayPosition = preDelayPosition + 1 == preDelayLeft.length ? 0 : preDelayPosition + 1;
            }
            for (int k = 0; k < diffusersPerSide; k++) {
                sl = allPass(k, sl);
                sr = allPass(diffusersPerSide + k, sr);
            }
            double wetL = 0;
            double wetR = 0;
            for (int i = 0; i < LINES; i++) {
                double a = loopGain[i] * lines[i][linePositions[i]] + pole[i] * absorptionState[i];
                if (Math.abs(a) < 1e-30) {
                    a = 0;
                }
                absorptionState[i] = a;
                taps[i] = a;
                wetL += OUT_LEFT[i] * a;
                wetR += OUT_RIGHT[i] * a;
            }
            hadamard(taps);
            for (int i = 0; i < LINES; i++) {
                float w = (float) (taps[i] * HADAMARD_SCALE + HADAMARD_SCALE * (IN_LEFT[i] * sl + IN_RIGHT[i] * sr));
                float[] line = lines[i];
                line[linePositions[i]] = Math.abs(w) < TINY ? 0f : w;
                linePositions[i] = linePositions[i] + 1 == line.length ? 0 : linePositions[i] + 1;
            }
            // One-pole DC blocker: y[n] = x[n] - x[n-1] + R y[n-1].
            double yl = wetL - dcInLeft + dcPole * dcOutLeft;
            double yr = wetR - dcInRight + dcPole * dcOutRight;
            dcInLeft = wetL;
            dcInRight = wetR;
            dcOutLeft = Math.abs(yl) < 1e-30 ? 0 : yl;
            dcOutRight = Math.abs(yr) < 1e-30 ? 0 : yr;
            double wet = mix.next();
            outL[n] = (float) ((1.0 - wet) * xl + wet * wetGain * HADAMARD_SCALE * yl);
            outR[n] = (float) ((1.0 - wet) * xr + wet * wetGain * HADAMARD_SCALE * yr);
        }
    }

    /** Schroeder all-pass: v = x + g v[n-M], y = v[n-M] - g v. */
    private double allPass(int index, double x) {
        float[] buffer = diffusers[index];
        int position = diffuserPositions[index];
        double delayed = buffer[position];
        double v = x + DIFFUSION_GAIN * delayed;
        float stored = (float) v;
        buffer[position] = Math.abs(stored) < TINY ? 0f : stored;
        diffuserPositions[index] = position + 1 == buffer.length ? 0 : position + 1;
        return delayed - DIFFUSION_GAIN * v;
    }

    /** In-place unnormalised fast Walsh-Hadamard transform of 8 values (24 additions), written out. */
    private static void hadamard(double[] v) {
        double a0 = v[0] + v[1];
        double a1 = v[0] - v[1];
        double a2 = v[2] + v[3];
        double a3 = v[2] - v[3];
        double a4 = v[4] + v[5];
        double a5 = v[4] - v[5];
        double a6 = v[6] + v[7];
        double a7 = v[6] - v[7];
        double b0 = a0 + a2;
        double b1 = a1 + a3;
        double b2 = a0 - a2;
        double b3 = a1 - a3;
        double b4 = a4 + a6;
        double b5 = a5 + a7;
        double b6 = a4 - a6;
        double b7 = a5 - a7;
        v[0] = b0 + b4;
        v[1] = b1 + b5;
        v[2] = b2 + b6;
        v[3] = b3 + b7;
        v[4] = b0 - b4;
        v[5] = b1 - b5;
        v[6] = b2 - b6;
        v[7] = b3 - b7;
    }

    @Override
    public void reset() {
        for (int i = 0; i < LINES; i++) {
            java.util.Arrays.fill(lines[i], 0f);
            linePositions[i] = 0;
            absorptionState[i] = 0;
        }
        for (int k = 0; k < diffusers.length; k++) {
            java.util.Arrays.fill(diffusers[k], 0f);
            diffuserPositions[k] = 0;
        }
        java.util.Arrays.fill(preDelayLeft, 0f);
        java.util.Arrays.fill(preDelayRight, 0f);
        preDelayPosition = 0;
        dcInLeft = 0;
        dcOutLeft = 0;
        dcInRight = 0;
        dcOutRight = 0;
        mix.jumpTo(mix.target());
    }

    /** Until the tail is 90 dB down: 1.5 RT60 plus the pre-delay and the longest line. */
    @Override
    public long tailFrames() {
        return (long) Math.ceil(1.5 * decaySeconds * sampleRate) + preDelayLeft.length + lines[LINES - 1].length;
    }

    private static int nextPrime(int n) {
        int candidate = Math.max(2, n);
        while (!isPrime(candidate)) {
            candidate++;
        }
        return candidate;
    }

    private static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkDecay(double decaySeconds) {
        if (!(decaySeconds > 0 && decaySeconds <= 30)) {
            throw new IllegalArgumentException("reverb decay must be in (0, 30] s, got " + decaySeconds);
        }
    }

    private static void checkMix(double mix) {
        if (!(mix >= 0 && mix <= 1)) {
            throw new IllegalArgumentException("wet mix must be 0..1, got " + mix);
        }
    }
}
