package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.Resonator;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;
import java.util.SplittableRandom;

/**
 * A synthetic field recording: rain (a steady hiss plus thousands of individual drops, each a tiny band-passed
 * noise burst, a few with a glassy plink) and wind (noise through a resonant band whose centre and level drift
 * in slow gusts). The prompt picks one ("rain", "wind") or both.
 */
final class FieldInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        boolean rain = ctx.mentions("rain") || !ctx.mentions("wind");
        boolean wind = ctx.mentions("wind") || !ctx.mentions("rain");
        if (rain) {
            rain(ctx, canvas);
        }
        if (wind) {
            wind(ctx, canvas);
        }
    }

    private static void rain(ClipContext ctx, LoopCanvas canvas) {
        int sr = ctx.sampleRate();
        int n = ctx.frames();
        int fade = Math.min(n / 2, sr / 2);
        float[][] hiss = new float[2][n + fade];
        for (int c = 0; c < 2; c++) {
            Noise noise = new Noise(ctx.noiseSeed("hiss" + c));
            Svf hp = new Svf(sr).set(900, 0.7);
            Svf lp = new Svf(sr).set(6500, 0.7);
            for (int i = 0; i < hiss[c].length; i++) {
                hiss[c][i] = (float) lp.lowpass(hp.highpass(noise.white()));
            }
        }
        canvas.addLooped(hiss[0], hiss[1], fade, 0.12);
        SplittableRandom rng = ctx.random("drops");
        Noise noise = new Noise(ctx.noiseSeed("drops"));
        int drops = (int) (ctx.loopSeconds() * (60 + 240 * ctx.energy()));
        for (int d = 0; d < drops; d++) {
            int length = (int) ((0.004 + 0.014 * rng.nextDouble()) * sr);
            float[] buf = canvas.scratch(length);
            Svf band = new Svf(sr).set(1500 + 5000 * rng.nextDouble(), 1.5 + 2.5 * rng.nextDouble());
            double coeff = Math.exp(Math.log(1e-3) / length);
            double env = 1.0;
            Resonator plink = rng.nextInt(12) == 0 ? new Resonator(2000 + 2500 * rng.nextDouble(), 0.03, 0.5, 0, sr) : null;
            for (int i = 0; i < length; i++) {
                double y = band.bandpass(noise.white()) * env;
                if (plink != null) {
                    y += plink.next();
                }
                env *= coeff;
                double ramp = i < 8 ? i / 8.0 : 1.0;
                buf[i] = (float) (y * ramp);
            }
            // Most drops are small; a few are close and loud (amplitude ~ u^3).
            double u = rng.nextDouble();
            canvas.addPanned(buf, length, rng.nextInt(n), 0.05 + 0.5 * u * u * u, rng.nextDouble() * 1.8 - 0.9);
        }
    }

    private static void wind(ClipContext ctx, LoopCanvas canvas) {
        int sr = ctx.sampleRate();
        int n = ctx.frames();
        int fade = Math.min(n / 2, sr / 2);
        SplittableRandom rng = ctx.random("gusts");
        double[] phases = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
        int[] cycles = {1, 2, 3 + ctx.bars() / 4};
        float[][] out = new float[2][n + fade];
        for (int c = 0; c < 2; c++) {
            Noise noise = new Noise(ctx.noiseSeed("wind" + c));
            Svf band = new Svf(sr);
            double gust = 0;
            for (int i = 0; i < out[c].length; i++) {
                if (i % 32 == 0) {
                    double x = (double) (i % n) / n;
                    gust = 0;
                    for (int k = 0; k < 3; k++) {
                        gust += SineTable.sin(cycles[k] * x + phases[k] + 0.1 * c) / (k + 1);
                    }
                    gust /= 1.83;
                    band.set(480 * Math.pow(2.0, 0.9 * gust), 3.0 + gust);
                }
                double level = 0.55 + 0.45 * gust;
                out[c][i] = (float) (band.bandpass(noise.white()) * level);
            }
        }
        canvas.addLooped(out[0], out[1], fade, 0.6);
    }
}
