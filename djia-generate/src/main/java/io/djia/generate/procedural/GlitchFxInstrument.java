package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.Shaper;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;
import java.util.SplittableRandom;

/**
 * Glitch effects on the grid: stutters (a tiny FM grain retriggered in 32nds or 64ths with its pitch stepping),
 * bit-crushed noise bursts, falling sine zaps and sprays of microtonal grains.
 */
final class GlitchFxInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        SplittableRandom rng = ctx.random("glitch");
        Noise noise = new Noise(ctx.noiseSeed("glitch"));
        double density = 0.12 + 0.3 * ctx.energy();
        int sr = ctx.sampleRate();
        boolean any = false;
        for (int s = 0; s < ctx.steps(); s++) {
            if (rng.nextDouble() >= density && !(s == ctx.steps() - 4 && !any)) {
                continue;
            }
            any = true;
            long at = ctx.frameAt(s);
            double pan = rng.nextDouble() * 1.6 - 0.8;
            switch (rng.nextInt(4)) {
                case 0 -> stutter(ctx, canvas, rng, at, pan);
                case 1 -> crushedBurst(ctx, canvas, noise, rng, at, pan);
                case 2 -> zap(canvas, sr, rng, at, pan);
                default -> spray(ctx, canvas, rng, at);
            }
        }
    }

    private static void stutter(ClipContext ctx, LoopCanvas canvas, SplittableRandom rng, long at, double pan) {
        int sr = ctx.sampleRate();
        double hz = ctx.scale().hz(ctx.scale().degreeNear(rng.nextInt(7), 70));
        int repeats = 3 + rng.nextInt(6);
        double spacing = ctx.framesPerStep() / (rng.nextBoolean() ? 2 : 4);
        int grain = (int) (spacing * 0.7);
        double stepRatio = rng.nextBoolean() ? 1.06 : 1 / 1.06;
        float[] buf = canvas.scratch(grain);
        double f = hz;
        for (int r = 0; r < repeats; r++) {
            f *= r == 0 ? 1.0 : stepRatio;
            double phase = 0;
            for (int i = 0; i < grain; i++) {
                phase += f / sr;
                double w = SineTable.sin(0.5 * i / grain);
                buf[i] = (float) (SineTable.sin(phase + 1.5 * SineTable.sin(2.41 * phase)) * w);
            }
            canvas.addPanned(buf, grain, at + (long) (r * spacing), 0.5, pan);
        }
    }

    private static void crushedBurst(ClipContext ctx, LoopCanvas canvas, Noise noise, SplittableRandom rng, long at,
                                     double pan) {
        int sr = ctx.sampleRate();
        int length = (int) ((0.04 + 0.1 * rng.nextDouble()) * sr);
        float[] buf = canvas.scratch(length);
        Svf band = new Svf(sr).set(400 + 4000 * rng.nextDouble(), 3);
        int hold = 2 + rng.nextInt(10);
        double held = 0;
        for (int i = 0; i < length; i++) {
            double y = band.bandpass(noise.white());
            if (i % hold == 0) {
                held = Shaper.quantize(Shaper.fastTanh(2 * y), 4);
            }
            double env = Math.min(1.0, i / 40.0) * (1.0 - (double) i / length);
            buf[i] = (float) (held * env);
        }
        canvas.addPanned(buf, length, at, 0.45, pan);
    }

    private static void zap(LoopCanvas canvas, int sr, SplittableRandom rng, long at, double pan) {
        int length = (int) ((0.05 + 0.1 * rng.nextDouble()) * sr);
        float[] buf = canvas.scratch(length);
        double from = 2000 + 3000 * rng.nextDouble();
        double phase = 0;
        double hz = from;
        double glide = Math.pow(80.0 / from, 1.0 / length);
        for (int i = 0; i < length; i++) {
            double x = (double) i / length;
            phase += hz / sr;
            hz *= glide;
            double env = Math.min(1.0, i / 20.0) * (1.0 - x);
            buf[i] = (float) (SineTable.sin(phase) * env);
        }
        canvas.addPanned(buf, length, at, 0.5, pan);
    }

    private static void spray(ClipContext ctx, LoopCanvas canvas, SplittableRandom rng, long at) {
        int sr = ctx.sampleRate();
        int grains = 6 + rng.nextInt(10);
        for (int g = 0; g < grains; g++) {
            int length = (int) ((0.01 + 0.03 * rng.nextDouble()) * sr);
            float[] buf = canvas.scratch(length);
            double hz = ctx.scale().hz(ctx.scale().degreeNear(rng.nextInt(7), 84 + rng.nextInt(12)));
            double phase = 0;
            for (int i = 0; i < length; i++) {
                phase += hz / sr;
                double w = SineTable.sin(0.5 * i / length);
                buf[i] = (float) (SineTable.sin(phase) * w * w);
            }
            long offset = (long) (rng.nextDouble() * ctx.framesPerStep() * 2);
            canvas.addPanned(buf, length, at + offset, 0.35, rng.nextDouble() * 1.8 - 0.9);
        }
    }
}
