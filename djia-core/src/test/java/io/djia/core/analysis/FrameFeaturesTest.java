package io.djia.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameFeaturesTest {
    private static final int N = 2048;
    private static final int HOP = 512;

    private static FrameFeatures features(float[] x) {
        return FrameFeatures.compute(x, TestSignals.RATE, N, HOP);
    }

    @Test
    void sineHasItsFrequencyAsCentroidAndRolloffAndIsNotFlat() {
        double amplitude = 0.5;
        FrameFeatures f = features(TestSignals.sine(440, amplitude, 2));
        int t = f.frames() / 2;
        double binHz = TestSignals.RATE / (double) N;
        assertEquals(440, f.centroidHz()[t], 5);
        assertEquals(440, f.rolloffHz()[t], 2 * binHz);
        assertTrue(f.flatness()[t] < 0.01, "flatness " + f.flatness()[t]);
        assertEquals(amplitude / Math.sqrt(2), f.rms()[t], 1e-3);
        double[] levels = f.bandLevelDb()[t];
        assertEquals(20 * Math.log10(amplitude) - 3.01, levels[Band.LOW_MID.ordinal()], 0.3);
        assertTrue(levels[Band.AIR.ordinal()] < levels[Band.LOW_MID.ordinal()] - 60);
        float[] chroma = f.chroma()[t];
        assertEquals(1.0f, chroma[9], 1e-6f);
        assertTrue(chroma[8] < 0.1 && chroma[10] < 0.1);
    }

    @Test
    void whiteNoiseIsFlatWithCentroidAtAQuarterOfTheRate() {
        FrameFeatures f = features(TestSignals.whiteNoise(2, 0.5, 9));
        double flatness = 0;
        double centroid = 0;
        int count = 0;
        for (int t = 10; t < f.frames() - 10; t++) {
            flatness += f.flatness()[t];
            centroid += f.centroidHz()[t];
            count++;
        }
        // The power of each bin of Gaussian-like noise is exponentially distributed: geometric/arithmetic
        // mean = e^-0.5772 = 0.56.
        assertEquals(0.56, flatness / count, 0.06);
        assertEquals(TestSignals.RATE / 4.0, centroid / count, TestSignals.RATE * 0.02);
    }

    @Test
    void fluxPeaksWhereTheToneStarts() {
        float[] x = new float[TestSignals.RATE * 2];
        TestSignals.addTone(x, 1.0, 1.0, 1000, 0.5, 10);
        FrameFeatures f = features(x);
        double[] flux = f.flux();
        int peak = 0;
        for (int t = 0; t < flux.length; t++) {
            if (flux[t] > flux[peak]) {
                peak = t;
            }
        }
        assertEquals(1.0, f.secondsOfFrame(peak), N / 2.0 / TestSignals.RATE);
        assertTrue(flux[f.frames() * 3 / 4] < 0.01 * flux[peak], "steady tone has no flux");
        assertEquals(0.0, flux[10], 1e-9);
    }

    @Test
    void bandProfileReadsLevelsAndShares() {
        BandProfile bass = BandProfile.of(TestSignals.stereo(TestSignals.sine(100, 0.5, 3)));
        assertEquals(20 * Math.log10(0.5) - 3.01, bass.levelDb(Band.BASS), 0.3);
        assertTrue(bass.share(Band.BASS) > 0.99);
        assertEquals(Band.BASS, bass.dominantBand());

        float[] split = TestSignals.mix(TestSignals.sine(40, 0.3, 3), TestSignals.sine(9000, 0.3, 3));
        BandProfile profile = BandProfile.of(TestSignals.mono(split));
        assertEquals(0.5, profile.share(Band.SUB), 0.03);
        assertEquals(0.5, profile.share(Band.AIR), 0.03);
        assertEquals(profile.levelDb(Band.SUB), profile.levelDb(Band.AIR), 0.3);
        assertEquals(BandProfile.SILENT_DB, BandProfile.of(TestSignals.mono(new float[4096])).levelDb(Band.MID));
    }
}
