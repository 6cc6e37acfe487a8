package io.djia.generate.procedural;

/**
 * Loudness a recipe is mastered to.
 *
 * @param targetRmsDb  RMS over the whole clip in dBFS (a stand-in for LUFS on full-band material)
 * @param overshootDb  how far peaks may exceed the -1 dBFS ceiling before the soft clipper tames them; the
 *                     gain is lowered when they would exceed it by more
 */
record Level(double targetRmsDb, double overshootDb) {
    Level {
        if (!(targetRmsDb < 0 && targetRmsDb > -60)) {
            throw new IllegalArgumentException("target RMS must be in (-60, 0) dBFS, got " + targetRmsDb);
        }
        if (!(overshootDb >= 0 && overshootDb <= 6)) {
            throw new IllegalArgumentException("overshoot must be 0..6 dB, got " + overshootDb);
        }
    }
}
