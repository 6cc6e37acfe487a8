package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;
import java.util.SplittableRandom;

/**
 * Filtered-noise sweeps: noise through a resonant band-pass whose centre rises and falls over the loop (a little
 * apart in each ear), and at higher intensity chopped by a sixteenth-note trance gate.
 */
final class NoiseSweepInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        int sr = ctx.sampleRate();
        int n = ctx.frames();
        int fade = Math.min(n / 2, sr / 2);
        int cycles = Math.max(1, ctx.bars() / 2);
        double q = 2.0 + 3.0 * ctx.energy();
        float[][] out = new float[2][n + fade];
        for (int c = 0; c < 2; c++) {
            Noise noise = new Noise(ctx.noiseSeed("sweep" + c));
            Svf band = new Svf(sr);
            for (int i = 0; i < out[c].length; i++) {
                if (i % 32 == 0) {
                    double x = (double) (i % n) / n;
                    double sweep = 0.5 - 0.5 * SineTable.cos(cycles * x + 0.04 * c);
                    band.set(180 * Math.pow(2.0, 5.3 * sweep), q);
                }
                out[c][i] = (float) band.bandpass(noise.white());
            }
        }
        canvas.addLooped(out[0], out[1], fade, 1.0);
        if (ctx.intensity() >= 6) {
            gate(ctx, canvas);
        }
    }

    /** A seeded 16-step on/off pattern applied with 3 ms ramps. */
    private static void gate(ClipContext ctx, LoopCanvas canvas) {
        SplittableRandom rng = ctx.random("gate");
        boolean[] on = new boolean[16];
        for (int s = 0; s < 16; s++) {
            on[s] = s % 4 == 0 || rng.nextDouble() < 0.55;
        }
        int n = canvas.frames();
        double ramp = 0.003 * ctx.sampleRate();
        float[] l = canvas.left();
        float[] r = canvas.right();
        int steps = ctx.steps();
        for (int s = 0; s < steps; s++) {
            long from = ctx.frameAt(s);
            long to = ctx.frameAt(s + 1);
            boolean open = on[s % 16];
            boolean nextOpen = on[(s + 1) % 16];
            for (long f = from; f < to && f < n; f++) {
                double g = open ? 1.0 : 0.15;
                // Ramp into the next step's level over the last 3 ms of this one.
                double toEnd = to - f;
                if (toEnd < ramp && open != nextOpen) {
                    double next = nextOpen ? 1.0 : 0.15;
                    g = next + (g - next) * toEnd / ramp;
                }
                l[(int) f] *= (float) g;
                r[(int) f] *= (float) g;
            }
        }
    }
}
