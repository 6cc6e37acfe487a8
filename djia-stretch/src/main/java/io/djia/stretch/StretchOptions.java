package io.djia.stretch;

import java.util.Objects;

/**
 * What a stretch does: the time ratio, the pitch shift, formant preservation and the quality mode.
 *
 * @param ratio             output duration / input duration, in [{@value #MIN_RATIO}, {@value #MAX_RATIO}];
 *                          1.25 makes the audio 25 % longer (slower)
 * @param pitchSemitones    pitch shift in semitones, fractional for cents (+7.5 = seven semitones and 50
 *                          cents), in [-{@value #MAX_PITCH_SEMITONES}, +{@value #MAX_PITCH_SEMITONES}]
 * @param formantPreserved  keep the spectral envelope (vowels, body resonances) in place when shifting pitch
 * @param quality           {@link Quality#STANDARD} (fast) or {@link Quality#FINE} (multi-resolution)
 */
public record StretchOptions(double ratio, double pitchSemitones, boolean formantPreserved, Quality quality) {
    public static final double MIN_RATIO = 0.25;
    public static final double MAX_RATIO = 4.0;
    public static final double MAX_PITCH_SEMITONES = 24.0;

    public StretchOptions {
        if (!(ratio >= MIN_RATIO && ratio <= MAX_RATIO)) {
            throw new IllegalArgumentException("time ratio (output length / input length) must be between "
                    + MIN_RATIO + " and " + MAX_RATIO + ", got " + ratio);
        }
        if (!(Math.abs(pitchSemitones) <= MAX_PITCH_SEMITONES)) {
            throw new IllegalArgumentException("pitch shift must be between -" + MAX_PITCH_SEMITONES + " and +"
                    + MAX_PITCH_SEMITONES + " semitones, got " + pitchSemitones);
        }
        Objects.requireNonNull(quality, "quality");
    }

    /** Ratio 1, no pitch shift, no formant preservation, standard quality. */
    public static StretchOptions defaults() {
        return new StretchOptions(1.0, 0.0, false, Quality.STANDARD);
    }

    public StretchOptions withRatio(double newRatio) {
        return new StretchOptions(newRatio, pitchSemitones, formantPreserved, quality);
    }

    /** The ratio that takes music from {@code fromBpm} to {@code toBpm}: {@code fromBpm / toBpm}. */
    public StretchOptions withTempo(double fromBpm, double toBpm) {
        if (!(fromBpm > 0 && toBpm > 0 && Double.isFinite(fromBpm) && Double.isFinite(toBpm))) {
            throw new IllegalArgumentException("tempi must be positive BPM values, got " + fromBpm + " -> " + toBpm);
        }
        return withRatio(fromBpm / toBpm);
    }

    public StretchOptions withPitchSemitones(double semitones) {
        return new StretchOptions(ratio, semitones, formantPreserved, quality);
    }

    /** Pitch shift of {@code semitones} plus {@code cents} hundredths of a semitone. */
    public StretchOptions withPitch(int semitones, double cents) {
        return withPitchSemitones(semitones + cents / 100.0);
    }

    public StretchOptions withFormantPreserved(boolean preserved) {
        return new StretchOptions(ratio, pitchSemitones, preserved, quality);
    }

    public StretchOptions withQuality(Quality newQuality) {
        return new StretchOptions(ratio, pitchSemitones, formantPreserved, newQuality);
    }

    /** Frequency factor of the pitch shift, {@code 2^(semitones / 12)}. */
    public double pitchScale() {
        return pitchScaleOf(pitchSemitones);
    }

    static double pitchScaleOf(double semitones) {
        return Math.pow(2.0, semitones / 12.0);
    }
}
