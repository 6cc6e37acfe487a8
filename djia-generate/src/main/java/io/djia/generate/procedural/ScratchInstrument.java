package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.PolyBlep;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;
import java.util.SplittableRandom;

/**
 * Turntable scratches: a short sung "ahh" (a glottal saw shaped by vowel formants, in the key) played as if a DJ
 * were moving the record by hand. Each gesture is a record-position curve: baby scratches (forward and back),
 * chirps (forward with the fader closing on the way back), transformers (a baby scratch chopped by the fader in
 * 32nd notes) and scribbles (a fast tremble). Playback speed follows the hand, so pitch sweeps with it, and the
 * sound fades as the record stops.
 */
final class ScratchInstrument implements Instrument {
    private enum Gesture { BABY, CHIRP, TRANSFORMER, SCRIBBLE }

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        int sr = ctx.sampleRate();
        float[] sample = vocal(ctx);
        SplittableRandom rng = ctx.random("scratch");
        double e = ctx.energy();
        double[] positions = e >= 0.6 ? new double[] {4, 6, 10, 12, 14} : new double[] {4, 12};
        for (int bar = 0; bar < ctx.bars(); bar++) {
            boolean busy = bar % 2 == 1 || e >= 0.5;
            for (double step : positions) {
                if (!busy && step != 12) {
                    continue;
                }
                if (rng.nextDouble() > 0.55 + 0.4 * e) {
                    continue;
                }
                Gesture g = Gesture.values()[rng.nextInt(Gesture.values().length)];
                double lengthSteps = g == Gesture.SCRIBBLE ? 1 : 2;
                double start = (double) bar * ctx.stepsPerBar() + step;
                int frames = ctx.framesBetween(start, lengthSteps);
                float[] buf = canvas.scratch(frames);
                gesture(g, sample, buf, frames, sr, 0.12 + 0.2 * rng.nextDouble(), ctx.framesPerStep() / 2);
                canvas.addPanned(buf, frames, ctx.frameAt(start), 0.9, rng.nextDouble() * 0.6 - 0.3);
            }
        }
        LoopEffects.highpass(canvas.left(), 180, sr);
        LoopEffects.highpass(canvas.right(), 180, sr);
    }

    /** Half a second of a sung "ahh" on the tonic, the record's source material. */
    private static float[] vocal(ClipContext ctx) {
        int sr = ctx.sampleRate();
        int length = (int) (0.6 * sr);
        float[] out = new float[length];
        double hz = ctx.scale().hz(ctx.scale().degreeNear(0, 52));
        Svf f1 = new Svf(sr).set(730, 5);
        Svf f2 = new Svf(sr).set(1090, 7);
        Svf f3 = new Svf(sr).set(2440, 9);
        Noise breath = new Noise(ctx.noiseSeed("breath"));
        double phase = 0;
        double dt = hz / sr;
        for (int i = 0; i < length; i++) {
            double vibrato = 1.0 + 0.01 * SineTable.sin(5.5 * i / sr);
            phase += dt * vibrato;
            if (phase >= 1.0) {
                phase -= 1.0;
            }
            double src = PolyBlep.saw(phase, dt) + 0.1 * breath.white();
            double y = f1.bandpass(src) + 0.6 * f2.bandpass(src) + 0.3 * f3.bandpass(src);
            double env = Math.min(1.0, i / (0.01 * sr)) * Math.min(1.0, (length - i) / (0.05 * sr));
            out[i] = (float) (y * env);
        }
        return out;
    }

    private static void gesture(Gesture g, float[] sample, float[] out, int frames, int sr, double depthSeconds,
                                double thirtySecondFrames) {
        double depth = depthSeconds * sr;
        double prev = 0;
        // The fader moves in 1 ms, never in one sample, so cuts do not click.
        double fader = 0;
        double slew = 1.0 / Math.max(2.0, 0.001 * sr);
        for (int i = 0; i < frames; i++) {
            double x = (double) i / frames;
            double pos = switch (g) {
                case BABY, CHIRP, TRANSFORMER -> depth * SineTable.sin(0.5 * x);
                case SCRIBBLE -> depth * (0.4 + 0.12 * SineTable.sin(3.0 * x));
            };
            boolean open = switch (g) {
                case CHIRP -> x < 0.5;
                case TRANSFORMER -> ((int) (i / thirtySecondFrames)) % 2 == 0;
                default -> true;
            };
            boolean closing = i >= frames - 1.0 / slew;
            double target = open && !closing ? 1.0 : 0.0;
            fader += Math.max(-slew, Math.min(slew, target - fader));
            double speed = Math.abs(pos - prev);
            prev = pos;
            if (fader <= 0 || pos < 0) {
                continue;
            }
            int p = (int) pos;
            double frac = pos - p;
            double v = p + 1 < sample.length ? sample[p] + frac * (sample[p + 1] - sample[p]) : 0.0;
            // The slower the hand, the quieter (and, through the resampling itself, the lower) the sound.
            double loud = Math.min(1.0, Math.sqrt(speed / 1.5));
            out[i] = (float) (v * loud * fader);
        }
    }
}
