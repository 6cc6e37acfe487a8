package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.Svf;
import java.util.SplittableRandom;

/**
 * Vinyl surface noise: a faint hiss, a steady patter of crackles (short band-passed ticks of random size, most
 * tiny), a few duller pops, and one scratch in the groove that comes round with every revolution at 33 1/3 rpm
 * (a whole number of revolutions per loop, so it stays in place when the clip repeats).
 */
final class VinylInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        int sr = ctx.sampleRate();
        int n = ctx.frames();
        int fade = Math.min(n / 2, sr / 2);
        float[][] hiss = new float[2][n + fade];
        for (int c = 0; c < 2; c++) {
            Noise noise = new Noise(ctx.noiseSeed("surface" + c));
            Svf hp = new Svf(sr).set(2500, 0.7);
            Svf lp = new Svf(sr).set(9000, 0.7);
            for (int i = 0; i < hiss[c].length; i++) {
                hiss[c][i] = (float) lp.lowpass(hp.highpass(noise.white()));
            }
        }
        canvas.addLooped(hiss[0], hiss[1], fade, 0.05);
        SplittableRandom rng = ctx.random("crackle");
        Noise noise = new Noise(ctx.noiseSeed("crackle"));
        int crackles = (int) (ctx.loopSeconds() * (18 + 40 * ctx.energy()));
        for (int k = 0; k < crackles; k++) {
            double u = rng.nextDouble();
            tick(canvas, rng.nextInt(n), 0.08 + 0.9 * u * u * u * u, 2000 + 5000 * rng.nextDouble(), 0.0006, noise, sr,
                    rng.nextDouble() * 1.2 - 0.6);
        }
        int pops = (int) (ctx.loopSeconds() * (1 + 2 * ctx.energy()));
        for (int k = 0; k < pops; k++) {
            tick(canvas, rng.nextInt(n), 0.6 + 0.4 * rng.nextDouble(), 700 + 600 * rng.nextDouble(), 0.003, noise, sr,
                    rng.nextDouble() - 0.5);
        }
        int revolutions = LoopEffects.cyclesPerLoop(100.0 / 3.0 / 60.0, ctx.loopSeconds());
        long offset = rng.nextInt(Math.max(1, n / revolutions));
        for (int r = 0; r < revolutions; r++) {
            tick(canvas, offset + (long) r * n / revolutions, 0.7, 1200, 0.002, noise, sr, 0.2);
        }
    }

    private static void tick(LoopCanvas canvas, long at, double amplitude, double bandHz, double decaySeconds,
                             Noise noise, int sr, double pan) {
        int length = Math.max(16, (int) (6 * decaySeconds * sr));
        float[] buf = canvas.scratch(length);
        Svf band = new Svf(sr).set(bandHz, 1.2);
        double coeff = Math.exp(-1.0 / (decaySeconds * sr));
        double env = 1.0;
        for (int i = 0; i < length; i++) {
            double excitation = i < 3 ? noise.white() * 4 : noise.white() * 0.3;
            buf[i] = (float) (band.bandpass(excitation) * env * (i == 0 ? 0 : 1));
            env *= coeff;
        }
        canvas.addPanned(buf, length, at, amplitude, pan);
    }
}
