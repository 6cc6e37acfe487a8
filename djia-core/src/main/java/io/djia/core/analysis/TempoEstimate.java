package io.djia.core.analysis;

/**
 * A tempo estimate.
 *
 * @param bpm        beats per minute; 0 when no pulse was found
 * @param confidence 0..1: normalised autocorrelation of the onset envelope at the beat period
 */
public record TempoEstimate(double bpm, double confidence) {
    public static final TempoEstimate NONE = new TempoEstimate(0, 0);

    public TempoEstimate {
        if (!(bpm == 0 || (bpm >= 20 && bpm <= 400))) {
            throw new IllegalArgumentException("tempo must be 0 (none) or 20..400 BPM, got " + bpm);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    public boolean found() {
        return bpm > 0;
    }
}
