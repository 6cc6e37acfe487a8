package io.djia.core.analysis;

/**
 * Loudness of a programme per ITU-R BS.1770-4 and EBU R128 / Tech 3342.
 *
 * @param integratedLufs    gated integrated loudness; {@link Double#NEGATIVE_INFINITY} when no block passes the
 *                          absolute gate (silence or shorter than one 400 ms block)
 * @param loudnessRangeLu   EBU Tech 3342 loudness range; 0 when fewer than two 3 s windows pass the gates
 * @param truePeakDbtp      maximum of the 4x oversampled signal over all channels, dB true peak
 * @param samplePeakDbfs    maximum absolute sample value, dBFS
 * @param maxMomentaryLufs  loudest 400 ms window (ungated)
 * @param maxShortTermLufs  loudest 3 s window (ungated); equals the momentary maximum for programmes under 3 s
 */
public record LoudnessReport(double integratedLufs, double loudnessRangeLu, double truePeakDbtp,
        double samplePeakDbfs, double maxMomentaryLufs, double maxShortTermLufs) {
    public LoudnessReport {
        if (Double.isNaN(integratedLufs) || Double.isNaN(loudnessRangeLu) || loudnessRangeLu < 0
                || Double.isNaN(truePeakDbtp) || Double.isNaN(samplePeakDbfs)) {
            throw new IllegalArgumentException("loudness values must be numbers and the range >= 0, got I="
                    + integratedLufs + " LRA=" + loudnessRangeLu + " TP=" + truePeakDbtp);
        }
    }

    /** Whether any block passed the gates. */
    public boolean hasProgramme() {
        return integratedLufs != Double.NEGATIVE_INFINITY;
    }

    /**
     * Gain in dB that brings the integrated loudness to {@code targetLufs} without pushing the true peak above
     * {@code ceilingDbtp} (e.g. -14 LUFS and -1 dBTP for streaming). 0 for silence.
     */
    public double gainToReachDb(double targetLufs, double ceilingDbtp) {
        if (!hasProgramme()) {
            return 0;
        }
        double gain = targetLufs - integratedLufs;
        if (truePeakDbtp != Double.NEGATIVE_INFINITY) {
            gain = Math.min(gain, ceilingDbtp - truePeakDbtp);
        }
        return gain;
    }
}
