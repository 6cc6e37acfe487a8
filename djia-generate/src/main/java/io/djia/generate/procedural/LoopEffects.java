package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Shaper;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;

/**
 * Whole-loop processing that keeps a clip seamless. Recursive filters are run circularly: the filter first
 * hears the end of the loop (its output discarded) and then processes the loop from the start, so its state at
 * frame 0 is the state it would have when the loop repeats. Modulation is periodic in the loop length
 * (a whole number of cycles per loop), and delays read the loop with wrap-around.
 */
final class LoopEffects {
    /** Control-rate block for swept filters: cutoff updates every 32 frames (0.7 ms at 44.1 kHz). */
    private static final int CONTROL_BLOCK = 32;

    private LoopEffects() {
    }

    /** A whole number of cycles per loop near {@code rateHz} (at least one). */
    static int cyclesPerLoop(double rateHz, double loopSeconds) {
        return (int) Math.max(1, Math.round(rateHz * loopSeconds));
    }

    /** Second-order high-pass (Butterworth), circular. */
    static void highpass(float[] buf, double cutoffHz, int sampleRate) {
        Svf f = new Svf(sampleRate).set(cutoffHz, Math.sqrt(0.5));
        int n = buf.length;
        int warm = Math.min(n, sampleRate);
        for (int i = n - warm; i < n; i++) {
            f.tick(buf[i]);
        }
        for (int i = 0; i < n; i++) {
            buf[i] = (float) f.highpass(buf[i]);
        }
    }

    /** Second-order low-pass with a fixed cutoff, circular. */
    static void lowpass(float[] buf, double cutoffHz, double q, int sampleRate) {
        sweptLowpass(buf, cutoffHz, 0.0, 1, 0.0, q, sampleRate);
    }

    /**
     * Low-pass whose cutoff moves as {@code baseHz * 2^(depthOctaves * sin(2 pi (cycles t / loop + phase)))},
     * circular. A slow filter sweep is what makes pads and drones breathe.
     */
    static void sweptLowpass(float[] buf, double baseHz, double depthOctaves, int cycles, double phase, double q,
                             int sampleRate) {
        Svf f = new Svf(sampleRate);
        int n = buf.length;
        int warm = Math.min(n, sampleRate / 2);
        int start = n - warm;
        for (int i = start; i < n; i++) {
            if ((i - start) % CONTROL_BLOCK == 0) {
                f.set(cutoffAt(i, n, baseHz, depthOctaves, cycles, phase), q);
            }
            f.tick(buf[i]);
        }
        for (int i = 0; i < n; i++) {
            if (i % CONTROL_BLOCK == 0) {
                f.set(cutoffAt(i, n, baseHz, depthOctaves, cycles, phase), q);
            }
            buf[i] = (float) f.lowpass(buf[i]);
        }
    }

    private static double cutoffAt(int frame, int n, double baseHz, double depthOctaves, int cycles, double phase) {
        if (depthOctaves == 0) {
            return baseHz;
        }
        return baseHz * Math.pow(2.0, depthOctaves * SineTable.sin((double) cycles * frame / n + phase));
    }

    /**
     * Stereo chorus: each channel is mixed with a copy of itself read through a delay that an LFO sweeps, the two
     * LFOs in quadrature, which widens and thickens pads and strings. Delays wrap around the loop.
     */
    static void chorus(LoopCanvas canvas, int sampleRate, double baseMs, double depthMs, double rateHz, double mix) {
        int n = canvas.frames();
        int cycles = cyclesPerLoop(rateHz, n / (double) sampleRate);
        float[] dryL = canvas.left().clone();
        float[] dryR = canvas.right().clone();
        chorusChannel(canvas.left(), dryL, n, sampleRate, baseMs, depthMs, cycles, 0.0, mix);
        chorusChannel(canvas.right(), dryR, n, sampleRate, baseMs, depthMs, cycles, 0.25, mix);
    }

    private static void chorusChannel(float[] out, float[] dry, int n, int sampleRate, double baseMs, double depthMs,
                                      int cycles, double phase, double mix) {
        double base = baseMs * 1e-3 * sampleRate;
        double depth = depthMs * 1e-3 * sampleRate;
        float wet = (float) mix;
        float keep = (float) (1.0 - 0.5 * mix);
        for (int i = 0; i < n; i++) {
            double d = base + depth * SineTable.sin((double) cycles * i / n + phase);
            double pos = i - d;
            int p = (int) Math.floor(pos);
            double frac = pos - p;
            int a = Math.floorMod(p, n);
            int b = a + 1 == n ? 0 : a + 1;
            double delayed = dry[a] + frac * (dry[b] - dry[a]);
            out[i] = keep * dry[i] + wet * (float) delayed;
        }
    }

    /**
     * Auto-pan (the stereo tremolo of a Rhodes suitcase amp): left and right gains swing in opposition by
     * {@code depth} (0..1) at a loop-periodic rate.
     */
    static void autoPan(LoopCanvas canvas, int sampleRate, double rateHz, double depth) {
        int n = canvas.frames();
        int cycles = cyclesPerLoop(rateHz, n / (double) sampleRate);
        float[] l = canvas.left();
        float[] r = canvas.right();
        for (int i = 0; i < n; i++) {
            double m = depth * SineTable.sin((double) cycles * i / n);
            l[i] *= (float) (1.0 - m);
            r[i] *= (float) (1.0 + m);
        }
    }

    /**
     * A little early-reflection space: two short wrapped taps per channel with different delays, which gives
     * dry synthetic drums and keys a room without smearing them (the long reverbs come from the effect chain).
     */
    static void room(LoopCanvas canvas, int sampleRate, double amount) {
        int n = canvas.frames();
        float[] dryL = canvas.left().clone();
        float[] dryR = canvas.right().clone();
        int[] tapsL = {(int) (0.0113 * sampleRate), (int) (0.0271 * sampleRate)};
        int[] tapsR = {(int) (0.0149 * sampleRate), (int) (0.0317 * sampleRate)};
        float g1 = (float) (0.55 * amount);
        float g2 = (float) (0.35 * amount);
        float[] l = canvas.left();
        float[] r = canvas.right();
        for (int i = 0; i < n; i++) {
            // Cross-feeding the taps (left hears the right copy) decorrelates the channels.
            l[i] += g1 * dryR[wrap(i - tapsL[0], n)] + g2 * dryL[wrap(i - tapsL[1], n)];
            r[i] += g1 * dryL[wrap(i - tapsR[0], n)] + g2 * dryR[wrap(i - tapsR[1], n)];
        }
    }

    /** Index {@code i} (at least {@code -n}) wrapped into {@code [0, n)}. */
    private static int wrap(int i, int n) {
        return i < 0 ? Math.floorMod(i, n) : i;
    }

    /**
     * Parallel band-pass formant filters, circular: the resonances of a vowel (for "ah" about 730, 1090 and
     * 2440 Hz: G. Peterson and H. Barney, "Control methods used in a study of the vowels", JASA 1952).
     */
    static void formants(float[] buf, int sampleRate, double[] hz, double[] gains, double[] q) {
        int n = buf.length;
        Svf[] bank = new Svf[hz.length];
        for (int k = 0; k < hz.length; k++) {
            bank[k] = new Svf(sampleRate).set(hz[k], q[k]);
        }
        int warm = Math.min(n, sampleRate / 4);
        for (int i = n - warm; i < n; i++) {
            for (Svf f : bank) {
                f.tick(buf[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            double y = 0;
            double x = buf[i];
            for (int k = 0; k < bank.length; k++) {
                y += gains[k] * bank[k].bandpass(x);
            }
            buf[i] = (float) y;
        }
    }

    /**
     * Side-chain style pumping: the level ducks by {@code depth} on every beat and recovers with time constant
     * {@code recoverSeconds}, as when a compressor is keyed from the kick.
     */
    static void pump(LoopCanvas canvas, ClipContext ctx, double depth, double recoverSeconds) {
        int n = canvas.frames();
        float[] l = canvas.left();
        float[] r = canvas.right();
        int attackFrames = Math.max(1, (int) (0.012 * ctx.sampleRate()));
        double recoverCoeff = Math.exp(-1.0 / (recoverSeconds * ctx.sampleRate()));
        int beats = ctx.bars() * ctx.tempo().beatsPerBar();
        for (int beat = 0; beat < beats; beat++) {
            int from = (int) ctx.frameAt(4.0 * beat);
            int to = (int) Math.min(n, ctx.frameAt(4.0 * (beat + 1)));
            double duck = 1.0;
            for (int i = from; i < to; i++) {
                int since = i - from;
                // A 12 ms raised-cosine fall into the duck, then an exponential recovery: smooth, so it never clicks.
                double g;
                if (since < attackFrames) {
                    g = 1.0 - depth * (0.5 - 0.5 * SineTable.cos(0.5 * since / attackFrames));
                } else {
                    g = 1.0 - depth * duck;
                    duck *= recoverCoeff;
                }
                l[i] *= (float) g;
                r[i] *= (float) g;
            }
        }
    }

    /** Amplitude modulation by a loop-periodic sine: {@code 1 - depth/2 (1 - cos)} at {@code cycles} per loop. */
    static void swell(LoopCanvas canvas, int cycles, double depth, double phase) {
        int n = canvas.frames();
        float[] l = canvas.left();
        float[] r = canvas.right();
        for (int i = 0; i < n; i++) {
            double g = 1.0 - 0.5 * depth * (1.0 - SineTable.cos((double) cycles * i / n + phase));
            l[i] *= (float) g;
            r[i] *= (float) g;
        }
    }

    /** Ring modulation blended in by {@code mix}, with a carrier of a whole number of cycles per loop. */
    static void ringModulate(LoopCanvas canvas, int cycles, double mix) {
        int n = canvas.frames();
        float[] l = canvas.left();
        float[] r = canvas.right();
        for (int i = 0; i < n; i++) {
            double m = SineTable.sin((double) cycles * i / n);
            double g = 1.0 - mix + mix * m;
            l[i] *= (float) g;
            r[i] *= (float) g;
        }
    }

    /**
     * Tape wow: the whole part read through a delay swept by a slow loop-periodic sine, which bends its pitch by
     * about {@code 2 pi rate depth} relative (a few cents): the warble of a worn cassette in lo-fi hip hop.
     */
    static void wow(LoopCanvas canvas, int sampleRate, double depthMs, double rateHz) {
        int n = canvas.frames();
        int cycles = cyclesPerLoop(rateHz, n / (double) sampleRate);
        for (float[] ch : new float[][] {canvas.left(), canvas.right()}) {
            float[] dry = ch.clone();
            double depth = depthMs * 1e-3 * sampleRate;
            for (int i = 0; i < n; i++) {
                double pos = i - depth * (1.0 + SineTable.sin((double) cycles * i / n));
                int p = (int) Math.floor(pos);
                double frac = pos - p;
                int a = Math.floorMod(p, n);
                int b = a + 1 == n ? 0 : a + 1;
                ch[i] = (float) (dry[a] + frac * (dry[b] - dry[a]));
            }
        }
    }

    /** Hard saturation with gain, as a distortion pedal into a guitar cabinet (band-limited 90 Hz .. 4 kHz). */
    static void distort(LoopCanvas canvas, int sampleRate, double gain) {
        for (float[] ch : new float[][] {canvas.left(), canvas.right()}) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) Shaper.fastTanh(gain * ch[i]);
            }
            highpass(ch, 90, sampleRate);
            lowpass(ch, 3800, 0.8, sampleRate);
            lowpass(ch, 5200, 0.6, sampleRate);
        }
    }

    /** Bit reduction and sample-and-hold decimation (every {@code hold} frames, counted from the loop start). */
    static void crush(LoopCanvas canvas, int bits, int hold) {
        for (float[] ch : new float[][] {canvas.left(), canvas.right()}) {
            float held = 0;
            for (int i = 0; i < ch.length; i++) {
                if (i % hold == 0) {
                    held = (float) Shaper.quantize(ch[i], bits);
                }
                ch[i] = held;
            }
        }
    }
}
