package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.PolyBlep;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;

/**
 * A build-up riser that lands on the loop's downbeat: white noise through a band-pass sweeping up five octaves
 * and a detuned saw pair gliding up two octaves from the tonic, both swelling, over the last bars of the loop;
 * at the loop end an impact (a low boom on the tonic and a noise wash with a closing filter) whose tail wraps
 * into the start, so the loop both builds and resolves.
 */
final class RiserInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        int sr = ctx.sampleRate();
        int n = ctx.frames();
        double e = ctx.energy();
        int riseBars = Math.min(ctx.bars(), ctx.bars() >= 4 ? 2 : 1);
        int rise = (int) (n - Harmony.barFrame(ctx, ctx.bars() - riseBars));
        float[] up = canvas.scratch(rise);
        Noise noise = new Noise(ctx.noiseSeed("riser"));
        Svf band = new Svf(sr);
        Svf tone = new Svf(sr);
        double startHz = ctx.scale().hz(ctx.scale().degreeNear(0, 48));
        double phaseA = 0;
        double phaseB = 0;
        int fadeOut = (int) (0.008 * sr);
        double top = 8000 * Math.pow(2.0, 0.5 * e);
        double dt = startHz / sr;
        double toneLevel = 0;
        for (int i = 0; i < rise; i++) {
            double x = (double) i / rise;
            if (i % 32 == 0) {
                // Sweeps and swells move at control rate (0.7 ms): smooth to the ear, cheap to compute.
                double cutoff = 250 * Math.pow(top / 250, x);
                band.set(cutoff, 1.8);
                tone.set(cutoff * 0.8, 0.8);
                dt = startHz * Math.pow(4.0, x * x) / sr;
                toneLevel = 0.45 * Math.pow(x, 1.5);
            }
            phaseA += dt * 1.006;
            phaseB += dt / 1.006;
            phaseA -= Math.floor(phaseA);
            phaseB -= Math.floor(phaseB);
            double saws = 0.5 * (PolyBlep.saw(phaseA, dt) + PolyBlep.saw(phaseB, dt));
            double level = x * x;
            double y = band.bandpass(noise.white()) * level + tone.lowpass(saws) * toneLevel;
            double out = i >= rise - fadeOut ? (double) (rise - 1 - i) / fadeOut : 1.0;
            double in = Math.min(1.0, i / (0.01 * sr));
            up[i] = (float) (y * out * in);
        }
        canvas.addStereo(up, up, rise, n - rise, 0.8);
        impact(ctx, canvas, noise, e);
        LoopEffects.chorus(canvas, sr, 9.0, 3.0, 0.5, 0.4);
    }

    /** The landing: a tonic boom and a noise wash starting exactly at the loop end (= frame 0). */
    private static void impact(ClipContext ctx, LoopCanvas canvas, Noise noise, double e) {
        int sr = ctx.sampleRate();
        int length = (int) Math.min(ctx.frames() * 0.8, 1.6 * sr);
        float[] buf = canvas.scratch(length);
        double boomHz = DrumKit.kickHz(ctx);
        Svf wash = new Svf(sr);
        double boomCoeff = Math.exp(Math.log(1e-3) / (0.9 * sr));
        double washCoeff = Math.exp(Math.log(1e-3) / (1.4 * sr));
        double boom = 0.9;
        double washLevel = 0.6 + 0.3 * e;
        double phase = 0;
        double bend = 1.5;
        double bendCoeff = Math.exp(-1.0 / (0.03 * sr));
        for (int i = 0; i < length; i++) {
            if (i % 32 == 0) {
                wash.set(9000 * Math.pow(200.0 / 9000, Math.min(1.0, (double) i / length)), 0.9);
            }
            double hz = boomHz * (1.0 + bend);
            bend *= bendCoeff;
            phase += hz / sr;
            double y = SineTable.sin(phase) * boom + wash.lowpass(noise.white()) * washLevel;
            boom *= boomCoeff;
            washLevel *= washCoeff;
            double in = Math.min(1.0, i / (0.002 * sr));
            buf[i] = (float) (y * in);
        }
        canvas.addStereo(buf, buf, length, 0, 0.7);
    }
}
