package io.djia.core.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavRoundTripTest {
    @TempDir
    Path dir;

    /** Largest error of a write/read round trip, in dBFS: half a step of the integer grid, or float precision. */
    private static double errorBoundDbfs(WavEncoding encoding) {
        return switch (encoding) {
            case PCM8 -> TestSignals.dbfs(0.5 / 128);          // -48.2 dBFS
            case PCM16 -> TestSignals.dbfs(0.5 / 32768);       // -96.3 dBFS, half an LSB
            case PCM24 -> TestSignals.dbfs(0.5 / 8388608);     // -144.5 dBFS
            case PCM32 -> TestSignals.dbfs(Math.ulp(1f) / 2);  // the float sample itself is the limit
            case FLOAT32, FLOAT64 -> Double.NEGATIVE_INFINITY; // exact
        };
    }

    @ParameterizedTest
    @EnumSource(WavEncoding.class)
    void everyEncodingAndChannelCountRoundTripsWithinItsQuantisationStep(WavEncoding encoding) throws IOException {
        for (int channels = 1; channels <= 8; channels++) {
            AudioBuffer original = TestSignals.tones(channels, 1001, 44100, 0.7, 0.2, 10L * channels);
            Path file = dir.resolve(encoding + "-" + channels + ".wav");
            long clipped = WavWriter.write(file, original, encoding, null);
            WavFile read = WavReader.read(file);

            assertEquals(0, clipped);
            assertEquals(WavFormat.of(encoding, channels, 44100), read.format());
            assertEquals(1001, read.audio().frames());
            assertEquals(Optional.empty(), read.loop());
            double error = TestSignals.maxAbsError(original, read.audio());
            double errorDbfs = error == 0 ? Double.NEGATIVE_INFINITY : TestSignals.dbfs(error);
            assertTrue(errorDbfs <= errorBoundDbfs(encoding) + 1e-9,
                    encoding + " x" + channels + ": error " + errorDbfs + " dBFS above " + errorBoundDbfs(encoding));
            long expectedBytes = 1001L * channels * encoding.bytesPerSample();
            assertTrue(Files.size(file) >= 44 + expectedBytes && Files.size(file) % 2 == 0,
                    "file of " + Files.size(file) + " bytes for " + expectedBytes + " data bytes");
        }
    }

    @Test
    void sixteenBitIsWithinOneLsbAndFullScaleValuesAreExact() throws IOException {
        float[] steps = {0f, 1f / 32768, -1f / 32768, 0.5f, -1f, 32767f / 32768};
        AudioBuffer exact = new AudioBuffer(new float[][] {steps}, 48000);
        Path file = dir.resolve("steps.wav");
        WavWriter.write(file, exact, WavEncoding.PCM16, null);
        assertArrayEquals(steps, WavReader.read(file).audio().channel(0));
    }

    @Test
    void headersUsePlainFormatUpToStereoAndExtensibleAbove() throws IOException {
        Path stereo = dir.resolve("stereo.wav");
        Path six = dir.resolve("six.wav");
        Path floatStereo = dir.resolve("float.wav");
        WavWriter.write(stereo, TestSignals.tones(2, 10, 48000, 0.5, 0, 1), WavEncoding.PCM24, null);
        WavWriter.write(six, TestSignals.tones(6, 10, 48000, 0.5, 0, 1), WavEncoding.PCM24, null);
        WavWriter.write(floatStereo, TestSignals.tones(2, 10, 48000, 0.5, 0, 1), WavEncoding.FLOAT32, null);

        byte[] s = Files.readAllBytes(stereo);
        byte[] x = Files.readAllBytes(six);
        byte[] f = Files.readAllBytes(floatStereo);
        assertEquals(1, RiffBytes.readLe16(s, 20));
        assertEquals(0xFFFE, RiffBytes.readLe16(x, 20));
        assertEquals(40, RiffBytes.readLe32(x, 16));
        assertEquals(3, RiffBytes.readLe16(f, 20));
        int fact = RiffBytes.indexOf(f, "fact");
        assertTrue(fact > 0, "float file has a fact chunk");
        assertEquals(10, RiffBytes.readLe32(f, fact + 8));
        assertEquals(s.length - 8, RiffBytes.readLe32(s, 4));
    }

    @Test
    void integerEncodingsClipAndCountTheClippedSamples() throws IOException {
        AudioBuffer loud = new AudioBuffer(new float[][] {{1.5f, -1.5f, 0.25f, 1f}}, 44100);
        Path file = dir.resolve("loud.wav");
        long clipped = WavWriter.write(file, loud, WavEncoding.PCM16, null);
        float[] read = WavReader.read(file).audio().channel(0);
        // +1.0 is one step above the largest 16-bit value, so it clips too.
        assertEquals(3, clipped);
        assertArrayEquals(new float[] {32767f / 32768, -1f, 0.25f, 32767f / 32768}, read);

        Path floats = dir.resolve("loud-float.wav");
        assertEquals(0, WavWriter.write(floats, loud, WavEncoding.FLOAT32, null));
        assertArrayEquals(loud.channel(0), WavReader.read(floats).audio().channel(0));
    }

    @Test
    void tpdfDitherIsUnbiasedAtOneThirdOfAStep() throws IOException {
        // A DC level of 0.3 LSB: plain rounding turns it into silence, TPDF dither keeps its mean
        // (Lipshitz, Wannamaker and Vanderkooy 1992).
        int frames = 100_000;
        float level = 0.3f / 32768;
        float[] dc = new float[frames];
        java.util.Arrays.fill(dc, level);
        AudioBuffer quiet = new AudioBuffer(new float[][] {dc}, 48000);
        Path plain = dir.resolve("plain.wav");
        Path dithered = dir.resolve("dithered.wav");
        WavWriter.write(plain, quiet, WavWriteOptions.defaults(WavEncoding.PCM16));
        WavWriter.write(dithered, quiet, WavWriteOptions.defaults(WavEncoding.PCM16).withDither(Dither.tpdf(42)));

        float[] p = WavReader.read(plain).audio().channel(0);
        float[] d = WavReader.read(dithered).audio().channel(0);
        double plainMean = 0;
        double ditherMean = 0;
        double ditherErrorPower = 0;
        int maxStep = 0;
        for (int i = 0; i < frames; i++) {
            plainMean += p[i] * 32768.0 / frames;
            ditherMean += d[i] * 32768.0 / frames;
            double e = d[i] * 32768.0 - 0.3;
            ditherErrorPower += e * e / frames;
            maxStep = Math.max(maxStep, Math.abs(Math.round(d[i] * 32768f)));
        }
        assertEquals(0.0, plainMean, 1e-12);
        assertEquals(0.3, ditherMean, 0.01); // standard error of the mean is 0.0016 LSB
        // Rounding error (1/12 LSB^2) plus TPDF noise (1/6 LSB^2): 0.5 LSB RMS in total.
        assertEquals(0.5, Math.sqrt(ditherErrorPower), 0.02);
        assertTrue(maxStep <= 2, "dither moved a sample by " + maxStep + " steps");
    }

    @Test
    void ditherIsDeterministicForAGivenSeed() throws IOException {
        AudioBuffer audio = TestSignals.tones(2, 5000, 44100, 0.3, 0.01, 3);
        WavWriteOptions options = WavWriteOptions.defaults(WavEncoding.PCM16).withDither(Dither.tpdf(9));
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        Path c = dir.resolve("c.wav");
        WavWriter.write(a, audio, options);
        WavWriter.write(b, audio, options);
        WavWriter.write(c, audio, options.withDither(Dither.tpdf(10)));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }
}
