package io.djia.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference signals from EBU Tech 3341 (loudness) and Tech 3342 (loudness range). */
class LoudnessMeterTest {
    private static final int RATE = 48_000;

    /** Stereo 1 kHz sine, each channel at the given peak level in dBFS, one segment per (level, seconds) pair. */
    private static AudioBuffer stereoSine(int rate, double... levelsAndSeconds) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < levelsAndSeconds.length; i += 2) {
            double amplitude = Math.pow(10, levelsAndSeconds[i] / 20);
            int n = (int) Math.round(levelsAndSeconds[i + 1] * rate);
            float[] part = new float[n];
            for (int k = 0; k < n; k++) {
                part[k] = (float) (amplitude * Math.sin(2 * Math.PI * 1000.0 * (total + k) / rate));
            }
            parts.add(part);
            total += n;
        }
        float[] left = new float[total];
        int pos = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, left, pos, part.length);
            pos += part.length;
        }
        return new AudioBuffer(new float[][] {left, left.clone()}, rate);
    }

    @Test
    void kWeightingAt48kMatchesTheStandardsTable() {
        double[][] k = LoudnessMeter.kWeightingCoefficients(48_000);
        // ITU-R BS.1770-4, Tables 1 and 2.
        assertEquals(1.53512485958697, k[0][0], 1e-9);
        assertEquals(-2.69169618940638, k[0][1], 1e-9);
        assertEquals(1.19839281085285, k[0][2], 1e-9);
        assertEquals(-1.69065929318241, k[0][3], 1e-9);
        assertEquals(0.73248077421585, k[0][4], 1e-9);
        assertEquals(-1.99004745483398, k[1][3], 1e-9);
        assertEquals(0.99007225036621, k[1][4], 1e-9);
    }

    @Test
    void sineAtMinus23DbfsPerChannelReadsMinus23Lufs() {
        for (int rate : new int[] {44_100, 48_000, 96_000}) {
            LoudnessReport r = LoudnessMeter.measure(stereoSine(rate, -23, 20));
            assertEquals(-23.0, r.integratedLufs(), 0.1, "at " + rate + " Hz");
            assertEquals(0.0, r.loudnessRangeLu(), 0.1);
            assertEquals(-23.0, r.truePeakDbtp(), 0.05);
            assertEquals(-23.0, r.maxMomentaryLufs(), 0.1);
        }
    }

    @Test
    void sineAtMinus33DbfsReadsMinus33Lufs() {
        assertEquals(-33.0, LoudnessMeter.integratedLufs(stereoSine(RATE, -33, 20)), 0.1);
    }

    @Test
    void relativeGateRemovesQuietPassages() {
        // Tech 3341 case 3: -36, -23, -36 dBFS for 10, 60, 10 s reads -23.0 LUFS; without the relative gate the
        // quiet passages would pull the result down by about 1.2 LU.
        AudioBuffer audio = stereoSine(RATE, -36, 10, -23, 60, -36, 10);
        assertEquals(-23.0, LoudnessMeter.integratedLufs(audio), 0.1);
    }

    @Test
    void absoluteGateIgnoresNearSilence() {
        // Tech 3341 case 4: -72, -36, -23, -36, -72 dBFS for 10, 10, 60, 10, 10 s reads -23.0 LUFS.
        AudioBuffer audio = stereoSine(RATE, -72, 10, -36, 10, -23, 60, -36, 10, -72, 10);
        assertEquals(-23.0, LoudnessMeter.integratedLufs(audio), 0.1);
        // Only -72 dBFS: every block is under the absolute gate.
        assertEquals(Double.NEGATIVE_INFINITY, LoudnessMeter.integratedLufs(stereoSine(RATE, -72, 5)));
    }

    @Test
    void loudPassagesAverageAsEnergy() {
        // Tech 3341 case 5: -26, -20, -26 dBFS for 20, 20.1, 20 s reads -23.0 LUFS.
        AudioBuffer audio = stereoSine(RATE, -26, 20, -20, 20.1, -26, 20);
        assertEquals(-23.0, LoudnessMeter.integratedLufs(audio), 0.1);
    }

    @Test
    void loudnessRangeFollowsTech3342() {
        assertEquals(10.0, LoudnessMeter.measure(stereoSine(RATE, -20, 20, -30, 20)).loudnessRangeLu(), 1.0);
        assertEquals(5.0, LoudnessMeter.measure(stereoSine(RATE, -20, 20, -15, 20)).loudnessRangeLu(), 1.0);
        assertEquals(20.0, LoudnessMeter.measure(stereoSine(RATE, -40, 20, -20, 20)).loudnessRangeLu(), 1.0);
        AudioBuffer steps = stereoSine(RATE, -50, 20, -35, 20, -20, 20, -35, 20, -50, 20);
        assertEquals(15.0, LoudnessMeter.measure(steps).loudnessRangeLu(), 1.0);
    }

    @Test
    void truePeakFindsInterSamplePeaks() {
        // A sine at a quarter of the sample rate sampled 45 degrees off its crest: samples reach only
        // 1/sqrt(2) (-3.01 dBFS) but the waveform reaches 1.0 (0 dBTP).
        int n = RATE;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 0.25 * i + Math.PI / 4));
        }
        LoudnessReport r = LoudnessMeter.measure(new AudioBuffer(new float[][] {x}, RATE));
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), r.samplePeakDbfs(), 0.01);
        assertEquals(20 * Math.log10(0.5), r.truePeakDbtp(), 0.2);
    }

    @Test
    void gainToReachTargetRespectsTheCeiling() {
        LoudnessReport r = LoudnessMeter.measure(stereoSine(RATE, -23, 10));
        assertEquals(9.0, r.gainToReachDb(-14, 0), 0.1);
        // Peak is -23 dBTP, so a -20 dBTP ceiling allows only +3 dB.
        assertEquals(3.0, r.gainToReachDb(-14, -20), 0.1);
    }

    @Test
    void surroundChannelsWeighMoreAndLfeIsIgnored() {
        double[] w = LoudnessMeter.channelWeights(6);
        assertEquals(0.0, w[3]);
        assertEquals(1.41, w[4]);
        AudioBuffer stereo = stereoSine(RATE, -23, 10);
        float[] ch = stereo.channel(0);
        float[] silent = new float[ch.length];
        float[] loudLfe = ch.clone();
        for (int i = 0; i < loudLfe.length; i++) {
            loudLfe[i] *= 10;
        }
        AudioBuffer surround = new AudioBuffer(new float[][] {ch, ch, silent, loudLfe, silent, silent}, RATE);
        assertEquals(-23.0, LoudnessMeter.integratedLufs(surround), 0.1);
        AudioBuffer rearOnly = new AudioBuffer(new float[][] {silent, silent, silent, silent, ch, ch}, RATE);
        assertTrue(Math.abs(LoudnessMeter.integratedLufs(rearOnly) - (-23.0 + 10 * Math.log10(1.41))) < 0.1);
    }
}
