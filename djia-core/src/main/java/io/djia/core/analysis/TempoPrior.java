package io.djia.core.analysis;

/**
 * What tempo to expect: a log-Gaussian preference around {@code centreBpm} of width {@code widthOctaves}
 * (one standard deviation), and a hard range. A style's prior, from its nominal tempo, spans less than an
 * octave, so only one octave of the pulse can win; the default is broad and relies on the evidence.
 *
 * @param centreBpm    most likely tempo
 * @param minBpm       slowest tempo reported
 * @param maxBpm       fastest tempo reported
 * @param widthOctaves spread of the preference, in octaves (> 0)
 */
public record TempoPrior(double centreBpm, double minBpm, double maxBpm, double widthOctaves) {
    /** Any tempo from 55 to 215 BPM, mildly preferring 120. */
    public static final TempoPrior DEFAULT = new TempoPrior(120, 55, 215, 1.5);

    public TempoPrior {
        if (!(minBpm >= 20 && maxBpm <= 400 && minBpm < maxBpm)) {
            throw new IllegalArgumentException("tempo range must satisfy 20 <= min < max <= 400 BPM, got "
                    + minBpm + ".." + maxBpm);
        }
        if (!(centreBpm >= minBpm && centreBpm <= maxBpm)) {
            throw new IllegalArgumentException("prior centre " + centreBpm + " BPM lies outside its range "
                    + minBpm + ".." + maxBpm);
        }
        if (!(widthOctaves > 0)) {
            throw new IllegalArgumentException("prior width must be > 0 octaves, got " + widthOctaves);
        }
    }

    /**
     * The prior for a style whose nominal tempo is {@code styleBpm} (e.g. {@code StyleProfile.bpm()}): tempos
     * within a factor of 1.35 either side, preferring the nominal one.
     */
    public static TempoPrior around(double styleBpm) {
        if (!(styleBpm >= 30 && styleBpm <= 290)) {
            throw new IllegalArgumentException("style tempo must be 30..290 BPM, got " + styleBpm);
        }
        return new TempoPrior(styleBpm, styleBpm / 1.35, styleBpm * 1.35, 0.3);
    }

    /** Relative preference for {@code bpm}: 1 at the centre, 0 outside the range. */
    public double weight(double bpm) {
        if (bpm < minBpm || bpm > maxBpm) {
            return 0;
        }
        double octaves = Math.log(bpm / centreBpm) / Math.log(2);
        return Math.exp(-0.5 * (octaves / widthOctaves) * (octaves / widthOctaves));
    }
}
