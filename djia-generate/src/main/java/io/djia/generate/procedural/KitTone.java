package io.djia.generate.procedural;

/**
 * The sound of a drum kit: how its kick, snare, clap and metals are synthesised. One per drum style.
 *
 * @param kickDecay       seconds from the end of the hold to -60 dB
 * @param kickHold        seconds at full level before the decay (punch)
 * @param kickSweep       start frequency as a multiple of the final pitch
 * @param kickPitchTime   time constant of the pitch drop, seconds
 * @param kickClick       level of the beater click, 0..1
 * @param kickDrive       saturation drive (1 = clean)
 * @param snareHz         fundamental of the snare's drum-head tone
 * @param snareToneDecay  seconds to -60 dB of the head tone
 * @param snareNoiseDecay seconds to -60 dB of the wires (noise)
 * @param snareNoiseHz    centre of the wire noise band
 * @param snareNoiseMix   wires level relative to the tone
 * @param clapDecay       seconds to -60 dB of the clap's reverberant tail
 * @param closedDecay     closed hi-hat decay, seconds
 * @param openDecay       open hi-hat decay, seconds
 * @param hatBandHz       centre of the metal band-pass
 * @param crushBits       sample resolution for lo-fi kits (0 = full)
 * @param decimate        sample-and-hold factor for lo-fi kits (1 = none)
 * @param room            early-reflection amount 0..1
 */
record KitTone(double kickDecay, double kickHold, double kickSweep, double kickPitchTime, double kickClick,
               double kickDrive, double snareHz, double snareToneDecay, double snareNoiseDecay, double snareNoiseHz,
               double snareNoiseMix, double clapDecay, double closedDecay, double openDecay, double hatBandHz,
               int crushBits, int decimate, double room) {

    static KitTone of(DrumStyle style) {
        return switch (style) {
            case TECHNO, TECHNO_PERC -> new KitTone(0.42, 0.035, 5.0, 0.011, 0.3, 1.35, 200, 0.1, 0.18, 4000, 0.8,
                    0.17, 0.07, 0.33, 10500, 0, 1, 0.1);
            case HOUSE, HOUSE_PERC -> new KitTone(0.46, 0.03, 3.6, 0.013, 0.22, 1.35, 190, 0.1, 0.2, 3800, 0.75,
                    0.24, 0.06, 0.38, 10000, 0, 1, 0.2);
            case BOOM_BAP -> new KitTone(0.36, 0.03, 3.0, 0.012, 0.3, 2.2, 185, 0.13, 0.23, 3300, 0.85,
                    0.2, 0.05, 0.3, 7500, 12, 2, 0.2);
            case TRIP_HOP -> new KitTone(0.55, 0.04, 3.0, 0.014, 0.2, 2.6, 165, 0.16, 0.32, 2600, 0.8,
                    0.25, 0.055, 0.34, 6800, 12, 2, 0.35);
            case ROCK, GENERIC -> new KitTone(0.32, 0.025, 2.4, 0.012, 0.55, 1.4, 205, 0.16, 0.3, 4600, 0.9,
                    0.2, 0.09, 0.5, 9500, 0, 1, 0.35);
            case BREAKBEAT -> new KitTone(0.26, 0.02, 3.2, 0.01, 0.4, 1.8, 225, 0.1, 0.19, 5200, 0.95,
                    0.15, 0.1, 0.32, 9000, 12, 1, 0.3);
            case ONE_DROP -> new KitTone(0.5, 0.035, 2.6, 0.014, 0.15, 1.2, 240, 0.12, 0.2, 3600, 0.6,
                    0.2, 0.06, 0.28, 9000, 0, 1, 0.3);
            case GLITCH -> new KitTone(0.2, 0.01, 6.0, 0.015, 0.5, 3.0, 260, 0.06, 0.1, 6000, 1.0,
                    0.1, 0.03, 0.12, 11000, 6, 3, 0.0);
            case SUBTLE -> new KitTone(0.34, 0.025, 2.4, 0.012, 0.06, 1.0, 180, 0.09, 0.2, 3000, 0.5,
                    0.2, 0.05, 0.25, 9000, 0, 1, 0.4);
            case TIMPANI -> new KitTone(0.3, 0.02, 2.0, 0.02, 0.1, 1.0, 180, 0.1, 0.2, 3000, 0.5,
                    0.2, 0.05, 0.25, 9000, 0, 1, 0.5);
            case SHAKER -> new KitTone(0.3, 0.02, 3.0, 0.02, 0.3, 1.5, 220, 0.1, 0.18, 5000, 0.9,
                    0.15, 0.08, 0.3, 9500, 0, 1, 0.15);
        };
    }
}
