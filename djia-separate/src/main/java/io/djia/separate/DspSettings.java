package io.djia.separate;

/**
 * Parameters of the {@link DspSeparator}.
 *
 * @param fftSize             STFT size in samples, a power of two (4096 = 93 ms at 44.1 kHz)
 * @param hopSize             STFT hop in samples, a power of two <= fftSize / 2
 * @param harmonicMedianMs    length of the median along time that keeps sustained partials
 * @param percussiveMedianHz  width of the median along frequency that keeps broadband transients
 * @param margin              separation margin (Driedger et al. 2014): a bin counts as harmonic only where the
 *                            harmonic estimate exceeds margin times the percussive one, and the other way round;
 *                            what is neither goes to "other". 1 = no residual
 * @param power               exponent of the soft masks (Fitzgerald 2010); 2 = Wiener-like
 * @param bassCrossoverHz     centre of the low-pass that takes bass from the harmonic part
 * @param crossoverOctaves    width of the crossover's raised-cosine transition, in octaves
 * @param kickDecayLagMs      how far ahead and back a low bin's level is compared to tell a decaying kick from
 *                            a held bass note (also compared at half this lag)
 * @param kickMaskSharpness   exponent that hardens the kick/bass decision under the crossover (1 = as estimated)
 * @param vocalLowHz          lower edge of the voice band
 * @param vocalHighHz         upper edge of the voice band
 * @param centreSharpness     exponent on the left/right similarity: higher keeps only what is firmly centred
 */
public record DspSettings(int fftSize, int hopSize, double harmonicMedianMs, double percussiveMedianHz,
                          double margin, double power, double bassCrossoverHz, double crossoverOctaves,
                          double kickDecayLagMs, double kickMaskSharpness, double vocalLowHz, double vocalHighHz,
                          double centreSharpness) {
    public DspSettings {
        if (fftSize < 256 || fftSize > 16384 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two in 256..16384, got " + fftSize);
        }
        if (hopSize < 32 || hopSize > fftSize / 2 || Integer.bitCount(hopSize) != 1) {
            throw new IllegalArgumentException("hopSize must be a power of two in [32, fftSize / 2], got " + hopSize);
        }
        if (!(harmonicMedianMs >= 20 && harmonicMedianMs <= 2000)) {
            throw new IllegalArgumentException("harmonicMedianMs must be 20..2000, got " + harmonicMedianMs);
        }
        if (!(percussiveMedianHz >= 20 && percussiveMedianHz <= 5000)) {
            throw new IllegalArgumentException("percussiveMedianHz must be 20..5000, got " + percussiveMedianHz);
        }
        if (!(margin >= 1 && margin <= 10)) {
            throw new IllegalArgumentException("margin must be 1..10, got " + margin);
        }
        if (!(power >= 0.5 && power <= 8)) {
            throw new IllegalArgumentException("mask power must be 0.5..8, got " + power);
        }
        if (!(bassCrossoverHz >= 40 && bassCrossoverHz <= 1000)) {
            throw new IllegalArgumentException("bassCrossoverHz must be 40..1000, got " + bassCrossoverHz);
        }
        if (!(crossoverOctaves > 0 && crossoverOctaves <= 4)) {
            throw new IllegalArgumentException("crossoverOctaves must be in (0, 4], got " + crossoverOctaves);
        }
        if (!(kickDecayLagMs >= 10 && kickDecayLagMs <= 500)) {
            throw new IllegalArgumentException("kickDecayLagMs must be 10..500, got " + kickDecayLagMs);
        }
        if (!(kickMaskSharpness >= 1 && kickMaskSharpness <= 8)) {
            throw new IllegalArgumentException("kickMaskSharpness must be 1..8, got " + kickMaskSharpness);
        }
        if (!(vocalLowHz >= 50 && vocalHighHz > vocalLowHz && vocalHighHz <= 20_000)) {
            throw new IllegalArgumentException("voice band must satisfy 50 <= low < high <= 20000 Hz, got "
                    + vocalLowHz + ".." + vocalHighHz);
        }
        if (!(centreSharpness >= 0.5 && centreSharpness <= 32)) {
            throw new IllegalArgumentException("centreSharpness must be 0.5..32, got " + centreSharpness);
        }
    }

    /** Settings tuned on synthetic drum, bass and pad loops at 44.1 kHz (see DspSeparatorTest). */
    public static DspSettings defaults() {
        return new DspSettings(4096, 1024, 300, 250, 1.0, 2.0, 150, 1.0, 70, 3, 150, 7000, 4);
    }

    public DspSettings withStft(int fftSize, int hopSize) {
        return new DspSettings(fftSize, hopSize, harmonicMedianMs, percussiveMedianHz, margin, power,
                bassCrossoverHz, crossoverOctaves, kickDecayLagMs, kickMaskSharpness, vocalLowHz, vocalHighHz,
                centreSharpness);
    }

    public DspSettings withMedians(double harmonicMedianMs, double percussiveMedianHz) {
        return new DspSettings(fftSize, hopSize, harmonicMedianMs, percussiveMedianHz, margin, power,
                bassCrossoverHz, crossoverOctaves, kickDecayLagMs, kickMaskSharpness, vocalLowHz, vocalHighHz,
                centreSharpness);
    }

    public DspSettings withMargin(double margin) {
        return new DspSettings(fftSize, hopSize, harmonicMedianMs, percussiveMedianHz, margin, power,
                bassCrossoverHz, crossoverOctaves, kickDecayLagMs, kickMaskSharpness, vocalLowHz, vocalHighHz,
                centreSharpness);
    }

    public DspSettings withPower(double power) {
        return new DspSettings(fftSize, hopSize, harmonicMedianMs, percussiveMedianHz, margin, power,
                bassCrossoverHz, crossoverOctaves, kickDecayLagMs, kickMaskSharpness, vocalLowHz, vocalHighHz,
                centreSharpness);
    }

    public DspSettings withBassCrossover(double bassCrossoverHz, double crossoverOctaves) {
        return new DspSettings(fftSize, hopSize, harmonicMedianMs, percussiveMedianHz, margin, power,
                bassCrossoverHz, crossoverOctaves, kickDecayLagMs, kickMaskSharpness, vocalLowHz, vocalHighHz,
                centreSharpness);
    }

    public DspSettings withKickSplit(double kickDecayLagMs, double kickMaskSharpness) {
        return new DspSettings(fftSize, hopSize, harmonicMedianMs, percussiveMedianHz, margin, power,
                bassCrossoverHz, crossoverOctaves, kickDecayLagMs, kickMaskSharpness, vocalLowHz, vocalHighHz,
                centreSharpness);
    }

    public DspSettings withVoice(double vocalLowHz, double vocalHighHz, double centreSharpness) {
        return new DspSettings(fftSize, hopSize, harmonicMedianMs, percussiveMedianHz, margin, power,
                bassCrossoverHz, crossoverOctaves, kickDecayLagMs, kickMaskSharpness, vocalLowHz, vocalHighHz,
                centreSharpness);
    }
}
