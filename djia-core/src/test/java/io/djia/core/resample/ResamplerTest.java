package io.djia.core.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    private static AudioBuffer sine(double hz, double amplitude, double seconds, int rate) {
        int frames = (int) Math.round(seconds * rate);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return new AudioBuffer(new float[][] {x}, rate);
    }

    /** Frequency from the first and last upward zero crossings (linearly interpolated) inside [from, to). */
    private static double frequencyHz(float[] x, int from, int to, int rate) {
        double first = Double.NaN;
        double last = Double.NaN;
        int cycles = -1;
        for (int i = from; i + 1 < to; i++) {
            if (x[i] <= 0 && x[i + 1] > 0) {
                double crossing = i + x[i] / (double) (x[i] - x[i + 1]);
                if (cycles < 0) {
                    first = crossing;
                }
                last = crossing;
                cycles++;
            }
        }
        return cycles * rate / (last - first);
    }

    /** Peak amplitude of a steady sine: RMS over [from, to) times sqrt(2). */
    private static double amplitude(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(2 * sum / (to - from));
    }

    private static double rms(float[] x, int from, int to) {
        return amplitude(x, from, to) / Math.sqrt(2);
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100, 48000", "32000, 44100", "48000, 44100", "48000, 32000", "22050, 48000", "96000, 44100",
        "44100, 48001", "48000, 31999"})
    void aOneKilohertzSineKeepsItsFrequencyAndLevel(int inRate, int outRate) {
        AudioBuffer out = Resampler.resample(sine(1000, 0.5, 2.0, inRate), outRate);
        float[] y = out.channel(0);
        // Away from the edges, where the kernel reads the silence around the input.
        int from = outRate / 4;
        int to = y.length - outRate / 4;
        assertEquals(outRate, out.sampleRate());
        assertEquals(1000.0, frequencyHz(y, from, to, outRate), 0.1);
        // RMS over a window that is not a whole number of cycles: 0.01 dB of bias at most over 1.5 s.
        double levelDb = 20 * Math.log10(amplitude(y, from, to) / 0.5);
        assertEquals(0.0, levelDb, 0.1);
    }

    @Test
    void toneNearTheTopOfThePassbandKeepsItsLevel() {
        // 19 kHz is inside the flat band (0.90 of 22.05 kHz = 19.8 kHz).
        AudioBuffer out = Resampler.resample(sine(19000, 0.5, 1.0, 44100), 48000);
        double levelDb = 20 * Math.log10(amplitude(out.channel(0), 12000, 36000) / 0.5);
        assertEquals(0.0, levelDb, 0.05);
    }

    @ParameterizedTest(name = "{0} Hz at 48 kHz -> {1} Hz")
    @CsvSource({"18000, 32000", "16100, 32000", "22000, 32000", "18000, 31999", "23000, 44100"})
    void tonesAboveTheOutputNyquistAreRejected(double hz, int outRate) {
        // Above the output Nyquist these tones can only alias; the stopband must remove them by 90 dB.
        AudioBuffer out = Resampler.resample(sine(hz, 1.0, 1.0, 48000), outRate);
        float[] y = out.channel(0);
        double attenuationDb = -20 * Math.log10(rms(y, outRate / 4, y.length - outRate / 4) / Math.sqrt(0.5));
        assertTrue(attenuationDb >= 90, hz + " Hz only attenuated by " + attenuationDb + " dB");
    }

    /** Level in dB (re full-scale sine) of the component at {@code hz}, by a Hann-windowed projection over [from, to). */
    private static double componentDb(float[] y, double hz, int rate, int from, int to) {
        double re = 0;
        double im = 0;
        double windowSum = 0;
        for (int i = from; i < to; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i - from) / (to - from));
            re += w * y[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += w * y[i] * Math.sin(2 * Math.PI * hz * i / rate);
            windowSum += w;
        }
        return 20 * Math.log10(2 * Math.hypot(re, im) / windowSum);
    }

    @Test
    void upsamplingRejectsTheSpectralImage() {
        // 14 kHz at 32 kHz has its first image at 32 - 14 = 18 kHz, inside the 44.1 kHz output band.
        float[] y = Resampler.resample(sine(14000, 1.0, 1.0, 32000), 44100).channel(0);
        double imageDb = componentDb(y, 18000, 44100, 11025, 33075);
        double toneDb = componentDb(y, 14000, 44100, 11025, 33075);
        assertEquals(0.0, toneDb, 0.05);
        assertTrue(imageDb <= -90, "image at " + imageDb + " dB");
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100, 48000", "32000, 44100", "48000, 32000", "44100, 48001"})
    void anImpulseStaysAtItsTime(int inRate, int outRate) {
        float[] x = new float[4000];
        x[1234] = 1f;
        float[] y = Resampler.resample(new AudioBuffer(new float[][] {x}, inRate), outRate).channel(0);
        // The kernel is symmetric about the impulse's instant, so its energy centroid sits exactly there.
        double expected = 1234.0 * outRate / inRate;
        double weighted = 0;
        double energy = 0;
        int peak = 0;
        for (int i = 0; i < y.length; i++) {
            weighted += i * (double) y[i] * y[i];
            energy += (double) y[i] * y[i];
            if (Math.abs(y[i]) > Math.abs(y[peak])) {
                peak = i;
            }
        }
        assertEquals(expected, weighted / energy, 0.01);
        assertTrue(Math.abs(peak - expected) <= 1, "peak at " + peak + ", expected " + expected);
    }

    @Test
    void outputLengthIsTheRoundedRateRatio() {
        assertEquals(48000, Resampler.create(44100, 48000).outputFrames(44100));
        assertEquals(1088, Resampler.create(44100, 48000).outputFrames(1000)); // 1088.435
        assertEquals(1090, Resampler.create(44100, 48000).outputFrames(1001)); // 1089.524
        assertEquals(2, Resampler.create(48000, 32000).outputFrames(3)); // 2 exactly
        assertEquals(1, Resampler.create(48000, 32000).outputFrames(1)); // 0.667
        assertEquals(0, Resampler.create(48000, 32000).outputFrames(0));
        assertEquals(1, Resampler.create(32000, 16000).outputFrames(1)); // 0.5 rounds up
        assertEquals(2_646_000, Resampler.create(32000, 44100).outputFrames(1_920_000)); // 60 s
        for (int frames : new int[] {1, 7, 999, 44099}) {
            AudioBuffer out = Resampler.resample(AudioBuffer.silence(2, frames, 44100), 48000);
            assertEquals(Math.round(frames * 48000.0 / 44100), out.frames());
        }
    }

    @Test
    void theSameRateGivesACopy() {
        AudioBuffer in = sine(440, 0.5, 0.1, 44100);
        AudioBuffer out = Resampler.resample(in, 44100);
        assertNotSame(in, out);
        assertNotSame(in.channel(0), out.channel(0));
        assertArrayEquals(in.channel(0), out.channel(0));
    }

    @Test
    void aConstantStaysConstantAwayFromTheEdges() {
        float[] ones = new float[3000];
        java.util.Arrays.fill(ones, 0.75f);
        for (int outRate : new int[] {48000, 32000, 48001}) {
            float[] y = Resampler.resample(new AudioBuffer(new float[][] {ones}, 44100), outRate).channel(0);
            for (int i = 200; i < y.length - 200; i++) {
                assertEquals(0.75, y[i], 2e-6, outRate + " Hz, frame " + i);
            }
        }
    }

    @Test
    void channelsAreConvertedIndependently() {
        SplittableRandom random = new SplittableRandom(3);
        float[][] planar = new float[3][2000];
        for (float[] ch : planar) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) (random.nextDouble() - 0.5);
            }
        }
        AudioBuffer all = Resampler.resample(new AudioBuffer(planar, 48000), 44100);
        for (int c = 0; c < 3; c++) {
            AudioBuffer one = Resampler.resample(new AudioBuffer(new float[][] {planar[c]}, 48000), 44100);
            assertArrayEquals(one.channel(0), all.channel(c));
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Resampler.create(0, 44100));
        assertThrows(IllegalArgumentException.class, () -> Resampler.create(44100, -1));
        // Downsampling by 1000 would need a 124 000-tap kernel.
        assertThrows(IllegalArgumentException.class, () -> Resampler.create(1_000_000, 1000));
        assertThrows(IllegalArgumentException.class, () -> Resampler.create(44100, 48000).apply(AudioBuffer.silence(1, 10, 48000)));
    }
}
