package io.djia.core.fx;

/**
 * Feed-forward, stereo-linked compressor after D. Giannoulis, M. Massberg and J. D. Reiss, "Digital
 * Dynamic Range Compressor Design - A Tutorial and Analysis" (JAES 60(6), 2012).
 *
 * <p>The level detector is either RMS (mean square over the channels, one-pole average over
 * {@code rmsSeconds}; a sine reads 3.01 dB below its peak) or peak (largest absolute sample, held by a
 * follower that rises at once and falls with the release time). The static
 * curve has a quadratic soft knee of {@code kneeDb} around the threshold and slope {@code 1/ratio} above
 * it. The gain reduction in dB is smoothed with separate attack and release one-poles ("smooth branching"
 * detector of the paper), then the makeup gain is added. Below the knee with no makeup the gain is exactly
 * 1, so quiet material passes bit-for-bit.
 */
public final class Compressor implements AudioProcessor {

    /** How the level is measured. */
    public enum Detector {
        RMS, PEAK
    }

    private static final double POWER_TO_DB = 10.0 / Math.log(10.0);
    private static final double AMPLITUDE_TO_DB = 20.0 / Math.log(10.0);
    private static final double DB_TO_LOG_AMPLITUDE = Math.log(10.0) / 20.0;

    private final double thresholdDb;
    private final double ratio;
    private final double kneeDb;
    private final double makeupDb;
    private final Detector detector;
    private final double attackCoefficient;
    private final double releaseCoefficient;
    private final double rmsCoefficient;
    /** Detector level (mean square or peak, linear) below which the curve is flat: skips the logarithm. */
    private final double kneeStartLevel;
    private double meanSquare;
    private double peakLevel;
    private double reductionDb;

    /**
     * @param thresholdDb    level where compression starts, dBFS
     * @param ratio          input dB change per output dB change above the threshold, >= 1
     * @param kneeDb         width of the soft knee, 0 = hard knee
     * @param attackSeconds  time constant of increasing gain reduction
     * @param releaseSeconds time constant of decreasing gain reduction
     * @param makeupDb       gain added after compression
     * @param rmsSeconds     averaging time constant of the RMS detector (ignored by the peak detector)
     */
    public Compressor(int sampleRate, double thresholdDb, double ratio, double kneeDb, double attackSeconds,
                      double releaseSeconds, double makeupDb, Detector detector, double rmsSeconds) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (!(thresholdDb <= 0 && thresholdDb >= -80)) {
            throw new IllegalArgumentException("threshold must be -80..0 dBFS, got " + thresholdDb);
        }
        if (!(ratio >= 1 && ratio <= 1000)) {
            throw new IllegalArgumentException("ratio must be 1..1000 (1 = no compression), got " + ratio);
        }
        if (!(kneeDb >= 0 && kneeDb <= 40)) {
            throw new IllegalArgumentException("knee must be 0..40 dB, got " + kneeDb);
        }
        if (!(attackSeconds > 0 && attackSeconds <= 2)) {
            throw new IllegalArgumentException("attack must be in (0, 2] s, got " + attackSeconds);
        }
        if (!(releaseSeconds > 0 && releaseSeconds <= 10)) {
            throw new IllegalArgumentException("release must be in (0, 10] s, got " + releaseSeconds);
        }
        if (!(Math.abs(makeupDb) <= 40)) {
            throw new IllegalArgumentException("makeup gain must be within +/-40 dB, got " + makeupDb);
        }
        if (detector == null) {
            throw new IllegalArgumentException("a detector (RMS or PEAK) is required");
        }
        if (!(rmsSeconds > 0 && rmsSeconds <= 1)) {
            throw new IllegalArgumentException("RMS time must be in (0, 1] s, got " + rmsSeconds);
        }
        this.thresholdDb = thresholdDb;
        this.ratio = ratio;
        this.kneeDb = kneeDb;
        this.makeupDb = makeupDb;
        this.detector = detector;
        this.attackCoefficient = Math.exp(-1.0 / (attackSeconds * sampleRate));
        this.releaseCoefficient = Math.exp(-1.0 / (releaseSeconds * sampleRate));
        this.rmsCoefficient = 1.0 - Math.exp(-1.0 / (rmsSeconds * sampleRate));
        double kneeStartDb = thresholdDb - kneeDb / 2.0;
        this.kneeStartLevel = detector == Detector.RMS
                ? Math.pow(10.0, kneeStartDb / 10.0) : Math.pow(10.0, kneeStartDb / 20.0);
    }

    /**
     * The gentle glue compressor of the master bus: RMS, -10 dBFS threshold, 2:1, 6 dB knee, 10 ms attack,
     * 200 ms release, no makeup. Transparent below about -13 dBFS RMS.
     */
    public static Compressor busGlue(int sampleRate) {
        return new Compressor(sampleRate, -10.0, 2.0, 6.0, 0.010, 0.200, 0.0, Detector.RMS, 0.010);
    }

    /** The static curve: output level in dB for a steady input level in dB (before smoothing and makeup). */
    public double staticOutputDb(double inputDb) {
        return inputDb + gainComputerDb(inputDb);
    }

    /** Gain reduction (<= 0 dB) of the static curve at detector level {@code levelDb}. */
    private double gainComputerDb(double levelDb) {
        double over = levelDb - thresholdDb;
        if (2.0 * over < -kneeDb) {
            return 0.0;
        }
        if (2.0 * Math.abs(over) <= kneeDb && kneeDb > 0) {
            double x = over + kneeDb / 2.0;
            return (1.0 / ratio - 1.0) * x * x / (2.0 * kneeDb);
        }
        return (1.0 / ratio - 1.0) * over;
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        int channels = in.length;
        double inverseChannels = 1.0 / channels;
        for (int i = 0; i < frames; i++) {
            double level;
            if (detector == Detector.RMS) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    double x = in[c][i];
                    sum += x * x;
                }
                meanSquare += rmsCoefficient * (sum * inverseChannels - meanSquare);
                if (meanSquare < 1e-30) {
                    meanSquare = 0;
                }
                level = meanSquare;
            } else {
                double peak = 0;
                for (int c = 0; c < channels; c++) {
                    peak = Math.max(peak, Math.abs(in[c][i]));
                }
                // Peak follower: instant rise, release-time fall, so a steady tone reads its crest level.
                peakLevel = peak >= peakLevel ? peak : peak + releaseCoefficient * (peakLevel - peak);
                if (peakLevel < 1e-30) {
                    peakLevel = 0;
                }
                level = peakLevel;
            }
            double target = 0.0;
            if (level > kneeStartLevel) {
                double levelDb = (detector == Detector.RMS ? POWER_TO_DB : AMPLITUDE_TO_DB) * Math.log(level);
                target = gainComputerDb(levelDb);
            }
            double coefficient = target < reductionDb ? attackCoefficient : releaseCoefficient;
            reductionDb = coefficient * reductionDb + (1.0 - coefficient) * target;
            if (reductionDb > -1e-9) {
                reductionDb = 0.0;
            }
            double totalDb = reductionDb + makeupDb;
            if (totalDb == 0.0) {
                for (int c = 0; c < channels; c++) {
                    out[c][i] = in[c][i];
                }
            } else {
                double gain = Math.exp(totalDb * DB_TO_LOG_AMPLITUDE);
                for (int c = 0; c < channels; c++) {
                    out[c][i] = (float) (in[c][i] * gain);
                }
            }
        }
    }

    @Override
    public void reset() {
        meanSquare = 0;
        peakLevel = 0;
        reductionDb = 0;
    }
}
