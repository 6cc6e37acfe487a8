package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.OnePole;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;
import io.djia.generate.procedural.music.Chord;
import java.util.SplittableRandom;

/**
 * An ambient texture: a bed of band-passed noise whose band drifts slowly (differently in each ear), under a
 * granular cloud (C. Roads, "Microsound", 2001): short Hann-windowed sine grains on the current chord's tones,
 * high up and scattered across the stereo field, denser with intensity.
 */
final class TextureInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        int sr = ctx.sampleRate();
        int n = ctx.frames();
        int fade = Math.min(n / 2, sr / 2);
        float[][] bed = new float[2][n + fade];
        for (int c = 0; c < 2; c++) {
            noiseBed(bed[c], n, sr, new Noise(ctx.noiseSeed("bed" + c)), c * 0.37, ctx);
        }
        canvas.addLooped(bed[0], bed[1], fade, 0.55);
        grains(ctx, canvas);
        LoopEffects.chorus(canvas, sr, 18.0, 6.0, 0.15, 0.5);
    }

    private static void noiseBed(float[] out, int loopFrames, int sr, Noise noise, double phase, ClipContext ctx) {
        OnePole pink = new OnePole(sr, 900);
        Svf band = new Svf(sr);
        int cycles = Math.max(1, ctx.bars() / 2);
        double centre = 700 * Math.pow(2.0, 0.8 * ctx.brightness());
        for (int i = 0; i < out.length; i++) {
            if (i % 32 == 0) {
                double lfo = SineTable.sin((double) cycles * (i % loopFrames) / loopFrames + phase);
                band.set(centre * Math.pow(2.0, 1.4 * lfo), 1.3);
            }
            out[i] = (float) band.bandpass(pink.lowpass(noise.white()) * 2.5);
        }
    }

    private static void grains(ClipContext ctx, LoopCanvas canvas) {
        SplittableRandom rng = ctx.random("grains");
        int sr = ctx.sampleRate();
        int n = ctx.frames();
        int count = (int) Math.round(ctx.loopSeconds() * (2.5 + 12.0 * ctx.energy()));
        for (int g = 0; g < count; g++) {
            int start = rng.nextInt(n);
            int bar = (int) Math.min(ctx.bars() - 1, (long) start * ctx.bars() / n);
            Chord chord = ctx.plan().chordAtBar(bar);
            int[] tones = chord.degrees();
            int degree = ctx.scale().degreeNear(tones[rng.nextInt(tones.length)], 79 + 12 * rng.nextInt(2));
            double hz = ctx.scale().hz(degree);
            int length = (int) ((0.06 + 0.22 * rng.nextDouble()) * sr);
            float[] buf = canvas.scratch(length);
            double inc = hz / sr;
            double phase = 0;
            for (int i = 0; i < length; i++) {
                double w = SineTable.sin(0.5 * i / length);
                phase += inc;
                buf[i] = (float) (SineTable.sin(phase) * w * w);
            }
            canvas.addPanned(buf, length, start, 0.2 + 0.25 * rng.nextDouble(), rng.nextDouble() * 1.8 - 0.9);
        }
    }
}
