package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.PolyBlep;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;
import java.util.SplittableRandom;

/**
 * The dub siren: a square-ish oscillator whose pitch is swept by a fast LFO (the classic "whoop") or rises and
 * falls in long sweeps, fired in bursts of one or two beats at phrase ends, leaving room for the delay to echo.
 */
final class SirenInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        int sr = ctx.sampleRate();
        SplittableRandom rng = ctx.random("siren");
        double e = ctx.energy();
        double baseHz = ctx.scale().hz(ctx.scale().degreeNear(0, 76));
        int bursts = Math.max(1, (int) Math.round(ctx.bars() * (0.3 + 0.5 * e)));
        for (int b = 0; b < bursts; b++) {
            int bar = (int) ((long) b * ctx.bars() / bursts);
            double step = bar * ctx.stepsPerBar() + (rng.nextBoolean() ? 8 : 12);
            double beats = 1 + rng.nextInt(2);
            int gate = ctx.framesBetween(step, 4 * beats);
            int release = (int) (0.25 * sr);
            int length = gate + release;
            float[] buf = canvas.scratch(length);
            boolean whoop = rng.nextDouble() < 0.6;
            double lfoHz = 3 + 5 * rng.nextDouble();
            double depth = 3 + 4 * rng.nextDouble();
            Svf tone = new Svf(sr).set(3000, 0.8);
            double phase = 0;
            double lfo = 0;
            double dt = baseHz / sr;
            double tail = 1.0;
            double tailCoeff = Math.exp(-1.0 / (0.06 * sr));
            for (int i = 0; i < length; i++) {
                if (i % 16 == 0) {
                    // The pitch sweep is computed at control rate (0.4 ms steps, far below hearing the steps).
                    double x = (double) i / gate;
                    double semis = whoop ? depth * (2 * Math.abs(2 * (lfo - Math.floor(lfo + 0.5)))) - depth
                            : 12 * (x < 0.6 ? x / 0.6 : 1 - (x - 0.6) / 0.4);
                    dt = baseHz * Math.pow(2.0, semis / 12.0) / sr;
                }
                lfo += lfoHz / sr;
                phase += dt;
                phase -= Math.floor(phase);
                double y = 0.6 * PolyBlep.pulse(phase, dt, 0.5) + 0.4 * SineTable.sin(phase);
                double env = Math.min(1.0, i / (0.015 * sr));
                if (i >= gate) {
                    tail *= tailCoeff;
                    env *= tail;
                }
                buf[i] = (float) (tone.lowpass(y) * env);
            }
            canvas.addPanned(buf, length, ctx.frameAt(step), 0.8, rng.nextDouble() * 0.8 - 0.4);
        }
        LoopEffects.room(canvas, sr, 0.4);
    }
}
