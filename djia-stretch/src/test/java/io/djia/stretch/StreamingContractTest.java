package io.djia.stretch;

import static io.djia.stretch.Signals.RATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The constant-latency contract of {@link Stretcher}, block by block. */
class StreamingContractTest {

    /** Runs {@code x} through {@code s} in blocks of random size (seeded) and returns everything emitted. */
    private static float[] run(Stretcher s, float[] x, long seed, int maxBlock, boolean flush) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] all = new float[(int) (x.length * 4.5) + 2 * s.latencyFrames() + 16];
        float[][] out = new float[1][(int) (maxBlock * 4.5) + 16];
        float[][] in = new float[1][maxBlock];
        int produced = 0;
        int offset = 0;
        while (offset < x.length) {
            int n = Math.min(x.length - offset, 1 + random.nextInt(maxBlock));
            System.arraycopy(x, offset, in[0], 0, n);
            int expected = s.outputFramesFor(n);
            int got = s.process(in, n, out);
            assertEquals(expected, got);
            System.arraycopy(out[0], 0, all, produced, got);
            produced += got;
            offset += n;
        }
        if (flush) {
            float[][] tail = new float[1][s.latencyFrames()];
            int got = s.flush(tail);
            assertEquals(s.latencyFrames(), got);
            System.arraycopy(tail[0], 0, all, produced, got);
            produced += got;
        }
        return java.util.Arrays.copyOf(all, produced);
    }

    @Test
    void outputCountFollowsTheRatioWhateverTheBlocks() {
        float[] x = Signals.sine(330, 0.3, RATE, RATE);
        for (double ratio : new double[] {0.8, 1.05, 1.5}) {
            try (Stretcher s = Stretcher.create(1, RATE, StretchOptions.defaults().withRatio(ratio))) {
                float[] y = run(s, x, 11, 700, false);
                assertEquals((long) Math.floor(x.length * ratio), y.length, "ratio " + ratio);
            }
        }
    }

    @Test
    void blockSizeDoesNotChangeTheSamples() {
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[RATE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / RATE) + 0.1 * (random.nextDouble() - 0.5));
        }
        for (int i = RATE / 4; i < x.length; i += RATE / 4) {
            Signals.addClick(x, i, 0.7, RATE);
        }
        StretchOptions options = StretchOptions.defaults().withRatio(1.1).withPitchSemitones(-1.5);
        float[] small;
        float[] large;
        try (Stretcher s = Stretcher.create(1, RATE, options)) {
            small = run(s, x, 1, 64, true);
        }
        try (Stretcher s = Stretcher.create(1, RATE, options)) {
            large = run(s, x, 2, 4096, true);
        }
        assertArrayEquals(small, large);
    }

    @Test
    void latencyIsWhereAnImpulseComesOut() {
        double ratio = 1.2;
        float[] x = new float[RATE];
        int at = RATE / 3;
        Signals.addClick(x, at, 0.9, RATE);
        try (Stretcher s = Stretcher.create(1, RATE, StretchOptions.defaults().withRatio(ratio))) {
            float[] y = run(s, x, 3, 512, true);
            int expected = s.latencyFrames() + (int) Math.round(at * ratio);
            int peak = 0;
            for (int i = 1; i < y.length; i++) {
                if (Math.abs(y[i]) > Math.abs(y[peak])) {
                    peak = i;
                }
            }
            int sourcePeak = at;
            for (int i = at; i < at + RATE / 50; i++) {
                if (Math.abs(x[i]) > Math.abs(x[sourcePeak])) {
                    sourcePeak = i;
                }
            }
            // The click is copied, not stretched, so its peak keeps its distance to the onset.
            int tolerance = (int) (0.002 * RATE);
            assertTrue(Math.abs(peak - (expected + (sourcePeak - at))) <= tolerance,
                    "peak at " + peak + ", expected about " + (expected + sourcePeak - at));
        }
    }

    @Test
    void ratioAndPitchChangesAreClickFree() {
        int frames = 2 * RATE;
        float[] x = Signals.sine(440, 0.5, frames, RATE);
        float[][] in = new float[1][441];
        float[][] out = new float[1][2000];
        float[] y = new float[frames * 2];
        int produced = 0;
        try (Stretcher s = Stretcher.create(1, RATE, StretchOptions.defaults())) {
            PhaseVocoderStretcher engine = (PhaseVocoderStretcher) s;
            for (int block = 0; block * 441 < frames; block++) {
                // Every 10 ms a new ratio in 0.85..1.15 and a pitch glide of up to a semitone.
                s.setRatio(1.0 + 0.15 * Math.sin(block * 0.37));
                s.setPitchSemitones(Math.sin(block * 0.05));
                System.arraycopy(x, block * 441, in[0], 0, 441);
                int n = s.process(in, 441, out);
                System.arraycopy(out[0], 0, y, produced, n);
                produced += n;
            }
            assertEquals(0, engine.underrunFrames());
            // A click is a jump in the waveform: compare every step with what a 440-470 Hz sine allows.
            double maxStep = 0;
            for (int i = s.latencyFrames() + RATE / 10; i < produced - 1; i++) {
                maxStep = Math.max(maxStep, Math.abs(y[i + 1] - y[i]));
            }
            double sineStep = 0.5 * 2 * Math.PI * 440 * Math.pow(2, 1 / 12.0) / RATE;
            assertTrue(maxStep < 1.5 * sineStep, "largest sample step " + maxStep + " vs sine " + sineStep);
        }
    }

    @Test
    void flushEndsTheStreamUntilReset() {
        try (Stretcher s = Stretcher.create(2, RATE, StretchOptions.defaults().withRatio(0.9))) {
            float[][] in = new float[2][100];
            float[][] out = new float[2][Math.max(200, s.latencyFrames())];
            s.process(in, 100, out);
            assertEquals(s.latencyFrames(), s.flush(out));
            assertThrows(IllegalStateException.class, () -> s.process(in, 100, out));
            assertThrows(IllegalStateException.class, () -> s.flush(out));
            s.reset();
            assertEquals(90, s.process(in, 100, out));
        }
    }

    @Test
    void rejectsRatiosOutsideItsRangeAndTooSmallBuffers() {
        try (Stretcher s = Stretcher.create(1, RATE, StretchOptions.defaults())) {
            assertEquals(0.5, s.minEffectiveRatio(), 1e-12);
            assertEquals(2.0, s.maxEffectiveRatio(), 1e-12);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.setRatio(3.0));
            assertTrue(e.getMessage().contains("3.0000"), e.getMessage());
            s.setRatio(1.5);
            assertThrows(IllegalArgumentException.class, () -> s.setPitchSemitones(12));
            float[][] in = new float[1][1000];
            assertThrows(IllegalArgumentException.class, () -> s.process(in, 1000, new float[1][10]));
        }
    }
}
