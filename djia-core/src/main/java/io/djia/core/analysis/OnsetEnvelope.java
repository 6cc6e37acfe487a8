package io.djia.core.analysis;

/**
 * An onset-strength signal: one value per STFT frame, frame {@code t} centred at {@code t * hopSize} samples.
 *
 * @param strength        log-band spectral flux over the whole spectrum with strong compression, so soft
 *                        onsets show: for picking onsets; >= 0
 * @param accent          the same flux with mild compression, closer to loudness, so a loud kick outweighs
 *                        a quiet hi-hat: for tempo and beats; >= 0
 * @param lowBandStrength the accent flux restricted to bands under 250 Hz (kick and bass), >= 0
 * @param hopSize         samples between frames
 * @param fftSize         analysis frame length in samples
 * @param sampleRate      of the analysed audio, Hz
 */
public record OnsetEnvelope(float[] strength, float[] accent, float[] lowBandStrength, int hopSize, int fftSize,
        int sampleRate) {
    public OnsetEnvelope {
        if (strength == null || accent == null || lowBandStrength == null || strength.length != accent.length
                || strength.length != lowBandStrength.length) {
            throw new IllegalArgumentException("strength, accent and low-band strength must be non-null and equally long");
        }
        if (hopSize < 1 || fftSize < hopSize || sampleRate <= 0) {
            throw new IllegalArgumentException("need 1 <= hop <= fftSize and a positive sample rate, got hop "
                    + hopSize + ", fftSize " + fftSize + ", rate " + sampleRate);
        }
        strength = strength.clone();
        accent = accent.clone();
        lowBandStrength = lowBandStrength.clone();
    }

    @Override
    public float[] strength() {
        return strength.clone();
    }

    @Override
    public float[] accent() {
        return accent.clone();
    }

    @Override
    public float[] lowBandStrength() {
        return lowBandStrength.clone();
    }

    /** Direct access for the analysers in this package, which do not modify it. */
    float[] strengthView() {
        return strength;
    }

    float[] accentView() {
        return accent;
    }

    float[] lowBandView() {
        return lowBandStrength;
    }

    public int frames() {
        return strength.length;
    }

    public double framesPerSecond() {
        return sampleRate / (double) hopSize;
    }

    /** Time in seconds of a (fractional) frame index. */
    public double secondsOfFrame(double frame) {
        return frame * hopSize / sampleRate;
    }

    /** Nearest frame to a time in seconds, clamped to the envelope. */
    public int frameAtSeconds(double seconds) {
        long frame = Math.round(seconds * sampleRate / hopSize);
        return (int) Math.max(0, Math.min(strength.length - 1, frame));
    }
}
