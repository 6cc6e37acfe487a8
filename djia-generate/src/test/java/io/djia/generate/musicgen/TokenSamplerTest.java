package io.djia.generate.musicgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
    @Test
    void guidanceIsUncondPlusScaledDifference() {
        // Two codebook rows of three logits, conditional first then unconditional.
        float[] logits = {2f, -1f, 0.5f, 0f, 0f, 4f, 1f, 1f, 1f, 3f, -2f, 4f};
        TokenSampler.guide(logits, 2, 3, 3f);
        // 1 + (2 - 1) * 3 = 4; 1 + (-1 - 1) * 3 = -5; 1 + (0.5 - 1) * 3 = -0.5;
        // 3 + (0 - 3) * 3 = -6; -2 + (0 + 2) * 3 = 4; 4 + (4 - 4) * 3 = 4.
        assertArrayEquals(new float[] {4f, -5f, -0.5f, -6f, 4f, 4f}, java.util.Arrays.copyOf(logits, 6));
        float[] same = {2f, -1f, 1f, 1f};
        TokenSampler.guide(same, 1, 2, 1f);
        assertArrayEquals(new float[] {2f, -1f}, java.util.Arrays.copyOf(same, 2));
        float[] uncondOnly = {2f, -1f, 1f, 1f};
        TokenSampler.guide(uncondOnly, 1, 2, 0f);
        assertArrayEquals(new float[] {1f, 1f}, java.util.Arrays.copyOf(uncondOnly, 2));
        assertThrows(IllegalArgumentException.class, () -> TokenSampler.guide(new float[5], 1, 3, 3f));
    }

    @Test
    void temperatureRisesWithIntensity() {
        assertEquals(0.73, TokenSampler.temperatureForIntensity(1), 1e-12);
        assertEquals(0.85, TokenSampler.temperatureForIntensity(5), 1e-12);
        assertEquals(1.00, TokenSampler.temperatureForIntensity(10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> TokenSampler.temperatureForIntensity(0));
    }

    @Test
    void greedyWhenTopOneOrTemperatureZero() {
        TokenSampler sampler = new TokenSampler(5);
        float[] row = {0f, 0.1f, 3f, 2.9f, -7f};
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertEquals(2, sampler.sample(row, 0, 1, 1.0, r));
            assertEquals(2, sampler.sample(row, 0, 250, 0.0, r));
        }
    }

    @Test
    void topTwoDrawsFromTheSoftmaxOfTheTwoLargest() {
        TokenSampler sampler = new TokenSampler(4);
        float[] row = {99f, 1f, 2f, 0f, 2f - (float) Math.log(3)};
        int draws = 40_000;
        for (double temperature : new double[] {1.0, 2.0}) {
            int[] counts = new int[4];
            SplittableRandom r = new SplittableRandom(42);
            for (int i = 0; i < draws; i++) {
                counts[sampler.sample(row, 1, 2, temperature, r)]++;
            }
            // Only codes 0 (logit 1) and 1 (logit 2) are in the top two; p(1) = 1 / (1 + e^(-1/T)).
            double p1 = 1.0 / (1.0 + Math.exp(-1.0 / temperature));
            assertEquals(0, counts[2] + counts[3], "codes outside the top two were drawn");
            assertEquals(p1, counts[1] / (double) draws, 0.01, "T = " + temperature);
        }
    }

    @Test
    void tiesAtTheKthValueStayInTheDraw() {
        TokenSampler sampler = new TokenSampler(4);
        float[] row = {3f, 1f, 1f, 0f};
        int[] counts = new int[4];
        SplittableRandom r = new SplittableRandom(7);
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(row, 0, 2, 1.0, r)]++;
        }
        double tie = Math.E / (Math.exp(3) + 2 * Math.E);
        assertEquals(tie, counts[1] / (double) draws, 0.01);
        assertEquals(tie, counts[2] / (double) draws, 0.01);
        assertEquals(0, counts[3]);
    }

    @Test
    void sameSeedSameDrawsAndBadLogitsFail() {
        TokenSampler sampler = new TokenSampler(2048);
        SplittableRandom noise = new SplittableRandom(3);
        float[] row = new float[2048];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) (noise.nextGaussian() * 2);
        }
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            assertEquals(sampler.sample(row, 0, 250, 0.9, a), sampler.sample(row, 0, 250, 0.9, b));
        }
        row[17] = Float.NaN;
        assertThrows(IllegalStateException.class, () -> sampler.sample(row, 0, 250, 0.9, a));
        assertThrows(IllegalStateException.class, () -> new TokenSampler(2).sample(
                new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 0, 2, 1.0, a));
    }

    @Test
    void theKthLargestIsFoundOnLargeRows() {
        // With top-k 250 over 2048 random logits, nothing below the 250th largest may ever be drawn.
        TokenSampler sampler = new TokenSampler(2048);
        SplittableRandom noise = new SplittableRandom(5);
        float[] row = new float[2048];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) noise.nextGaussian();
        }
        float[] sorted = row.clone();
        java.util.Arrays.sort(sorted);
        float threshold = sorted[2048 - 250];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 5000; i++) {
            int token = sampler.sample(row, 0, 250, 5.0, r);
            assertEquals(true, row[token] >= threshold, "drew a code outside the top 250");
        }
    }
}
