package io.djia.stretch;

import static io.djia.stretch.Signals.RATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Attacks stay sharp and on time; steady tones stay clean; stereo images stay put. */
class TransientAndPhaseTest {

    @ParameterizedTest
    @EnumSource(Quality.class)
    void clickTrackKeepsSharpOnsetsOnTime(Quality quality) {
        double ratio = 1.25;
        int frames = 2 * RATE;
        float[] x = new float[frames];
        int period = RATE / 4;
        int first = RATE / 10;
        int clicks = 0;
        for (int at = first; at + RATE / 50 < frames; at += period) {
            Signals.addClick(x, at, 0.8, RATE);
            clicks++;
        }
        // A quiet pad underneath, so the clicks are not alone in an empty spectrum.
        float[] pad = Signals.sine(220, 0.05, frames, RATE);
        for (int i = 0; i < frames; i++) {
            x[i] += pad[i];
        }
        float[] y = Stretch.offline(Signals.mono(x), StretchOptions.defaults().withRatio(ratio).withQuality(quality))
                .channel(0);
        int tolerance = (int) (0.005 * RATE);
        for (int n = 0; n < clicks; n++) {
            int source = first + n * period;
            int ideal = (int) Math.round(source * ratio);
            ClickShape in = ClickShape.measure(x, source);
            ClickShape out = ClickShape.measure(y, ideal);
            assertTrue(Math.abs(out.onset - ideal) <= tolerance + Math.abs(in.onset - source),
                    "click " + n + " at " + out.onset + ", ideal " + ideal);
            double crestChange = out.crestDb - in.crestDb;
            assertTrue(Math.abs(crestChange) < 3.0, "click " + n + " peak-to-rms changed by " + crestChange + " dB");
        }
    }

    /** Onset (first sample above 30 % of the local peak) and peak-to-rms over [onset - 5 ms, onset + 30 ms]. */
    private record ClickShape(int onset, double crestDb) {
        static ClickShape measure(float[] x, int around) {
            int lo = Math.max(0, around - RATE * 3 / 100);
            int hi = Math.min(x.length, around + RATE * 3 / 100);
            float peak = 0;
            for (int i = lo; i < hi; i++) {
                peak = Math.max(peak, Math.abs(x[i]));
            }
            int onset = lo;
            while (Math.abs(x[onset]) <= 0.3f * peak) {
                onset++;
            }
            int a = Math.max(0, onset - RATE / 200);
            int b = Math.min(x.length, onset + RATE * 3 / 100);
            return new ClickShape(onset, Signals.db(peak / Signals.rms(x, a, b)));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.7,STANDARD", "1.5,STANDARD", "1.5,FINE"})
    void steadyChordKeepsItsSpectralPeaks(double ratio, Quality quality) {
        // A minor triad, four harmonics each: the roots are 42 Hz (two standard bins) apart, and the fifth of A
        // and the third of E share ~660 Hz.
        int frames = 2 * RATE;
        float[] x = new float[frames];
        for (double f0 : new double[] {220.0, 261.63, 329.63}) {
            for (int h = 1; h <= 4; h++) {
                float[] partial = Signals.sine(f0 * h, 0.1 / h, frames, RATE);
                for (int i = 0; i < frames; i++) {
                    x[i] += partial[i];
                }
            }
        }
        float[] y = Stretch.offline(Signals.mono(x), StretchOptions.defaults().withRatio(ratio).withQuality(quality))
                .channel(0);
        double[] before = Signals.averageSpectrumDb(x, frames / 4, 3 * frames / 4);
        double[] after = Signals.averageSpectrumDb(y, y.length / 4, 3 * y.length / 4);
        int[] peaksBefore = Signals.peakBins(before, 3, 50);
        int[] peaksAfter = Signals.peakBins(after, 3, 50);
        assertTrue(peaksBefore.length >= 10, "the chord should show its partials, found " + peaksBefore.length);
        // Phasiness would smear the partials into modulation sidebands: extra peaks, lower partials.
        assertArrayEquals(peaksBefore, peaksAfter, "spectral peaks moved or multiplied at ratio " + ratio);
        for (int k : peaksBefore) {
            assertTrue(Math.abs(after[k] - before[k]) < 1.0, "partial at bin " + k + " changed by "
                    + (after[k] - before[k]) + " dB");
        }
    }

    @ParameterizedTest
    @EnumSource(Quality.class)
    void stereoLevelAndPhaseDifferencesSurvive(Quality quality) {
        // Left: sine; right: the same tone 6 dB down and a quarter period late, plus a second tone only left.
        int frames = RATE;
        float[] left = new float[frames];
        float[] right = new float[frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            left[i] = (float) (0.4 * Math.sin(2 * Math.PI * 500 * t) + 0.2 * Math.sin(2 * Math.PI * 1300 * t));
            right[i] = (float) (0.2 * Math.sin(2 * Math.PI * 500 * t - Math.PI / 2));
        }
        AudioBuffer out = Stretch.offline(new AudioBuffer(new float[][] {left, right}, RATE),
                StretchOptions.defaults().withRatio(1.3).withQuality(quality));
        int from = out.frames() / 4;
        int length = 16_384;
        double[] l500 = tone(out.channel(0), from, length, 500);
        double[] r500 = tone(out.channel(1), from, length, 500);
        double[] r1300 = tone(out.channel(1), from, length, 1300);
        double levelDb = Signals.db(r500[0] / l500[0]);
        double phaseDeg = Math.toDegrees(SpectralBand.principal(r500[1] - l500[1]));
        assertEquals(-6.02, levelDb, 0.2, "right/left level of the shared tone");
        assertEquals(-90.0, phaseDeg, 2.0, "right/left phase of the shared tone");
        assertTrue(Signals.db(r1300[0] / l500[0]) < -40, "the left-only tone leaked into the right channel");
    }

    /** Amplitude and phase of {@code hz} in {@code x[from, from + length)} by correlation with a Hann window. */
    private static double[] tone(float[] x, int from, int length, double hz) {
        double re = 0;
        double im = 0;
        double norm = 0;
        for (int i = 0; i < length; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
            double phase = 2 * Math.PI * hz * (from + i) / RATE;
            re += w * x[from + i] * Math.cos(phase);
            im += w * x[from + i] * Math.sin(phase);
            norm += w;
        }
        return new double[] {2 * Math.hypot(re, im) / norm, Math.atan2(re, im)};
    }
}
