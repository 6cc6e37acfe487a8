package io.djia.generate.procedural.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DspUnitsTest {
    private static final int SR = 48000;

    /** Steady-state gain in dB of a filter for a sine at {@code hz}, measured after the transient. */
    private static double gainDb(java.util.function.DoubleUnaryOperator filter, double hz, double amplitude) {
        int n = SR;
        double in = 0;
        double out = 0;
        for (int i = 0; i < n; i++) {
            double x = amplitude * Math.sin(2 * Math.PI * hz * i / SR);
            double y = filter.applyAsDouble(x);
            if (i >= n / 2) {
                in += x * x;
                out += y * y;
            }
        }
        return 10 * Math.log10(out / in);
    }

    @Test
    void sineTableMatchesMathSin() {
        double worst = 0;
        for (int i = 0; i < 100_000; i++) {
            double phase = i * 0.000_123_7 - 3.0;
            worst = Math.max(worst, Math.abs(SineTable.sin(phase) - Math.sin(2 * Math.PI * phase)));
        }
        assertTrue(worst < 1e-6, "max error " + worst);
    }

    @Test
    void svfButterworthIsThreeDbDownAtCutoff() {
        Svf lp = new Svf(SR).set(1000, Math.sqrt(0.5));
        assertEquals(-3.01, gainDb(lp::lowpass, 1000, 0.5), 0.05);
        Svf lp2 = new Svf(SR).set(1000, Math.sqrt(0.5));
        assertEquals(-24.0, gainDb(lp2::lowpass, 4000, 0.5), 0.6, "12 dB per octave, two octaves up");
        Svf hp = new Svf(SR).set(1000, Math.sqrt(0.5));
        assertEquals(0.0, gainDb(hp::highpass, 10000, 0.5), 0.1);
        Svf bp = new Svf(SR).set(2000, 4);
        assertEquals(0.0, gainDb(bp::bandpass, 2000, 0.5), 0.1, "normalised band-pass has unity gain at its centre");
    }

    @Test
    void ladderHasMinusTwelveDbAtCutoffAndTheResonancePeakOfTheory() {
        LadderFilter flat = new LadderFilter(SR).set(1000, 0.0);
        assertEquals(-12.04, gainDb(flat::process, 1000, 0.01), 0.2);
        LadderFilter passband = new LadderFilter(SR).set(1000, 0.0);
        assertEquals(0.0, gainDb(passband::process, 50, 0.01), 0.1);
        // With loop gain k the response at the cutoff is 1/|4 - k| and at DC 1/(1 + k): k = 3.2 gives +1.9 dB and -12.3 dB.
        LadderFilter resonant = new LadderFilter(SR).set(1000, 0.8);
        assertEquals(20 * Math.log10(1 / 0.8), gainDb(resonant::process, 1000, 0.005), 0.5);
        LadderFilter resonantDc = new LadderFilter(SR).set(1000, 0.8);
        assertEquals(20 * Math.log10(1 / 4.2), gainDb(resonantDc::process, 20, 0.005), 0.3);
    }

    @Test
    void onePoleIsThreeDbDownAtCutoff() {
        OnePole lp = new OnePole(SR, 500);
        assertEquals(-3.01, gainDb(lp::lowpass, 500, 0.5), 0.05);
    }

    @Test
    void resonatorDecaysSixtyDbInItsDecayTime() {
        Resonator r = new Resonator(440, 0.5, 1.0, 0.25, SR);
        assertEquals(1.0, r.next(), 1e-9, "phase 0.25 starts at the crest");
        for (int i = 1; i < SR / 2; i++) {
            r.next();
        }
        assertEquals(-60.0, 20 * Math.log10(r.magnitude()), 0.1);
    }

    @Test
    void karplusStrongPlaysInTune() {
        for (double hz : new double[] {82.41, 220.0, 659.25}) {
            float[] out = new float[SR];
            KarplusStrong.pluck(out, out.length, hz, 0.6, 2.0, 0.8, new Noise(3), SR);
            double measured = autocorrelationPitch(out, SR / 10, SR / 2, hz);
            double cents = 1200 * Math.log(measured / hz) / Math.log(2);
            assertEquals(0.0, cents, 3.0, "pluck at " + hz + " Hz measured " + measured);
        }
    }

    /** Pitch by the autocorrelation maximum near the expected period, refined by parabolic interpolation. */
    private static double autocorrelationPitch(float[] x, int from, int length, double expectedHz) {
        double period = SR / expectedHz;
        int lo = (int) (period * 0.9);
        int hi = (int) (period * 1.1) + 1;
        double[] r = new double[hi + 2];
        for (int lag = lo - 1; lag <= hi + 1; lag++) {
            double s = 0;
            for (int i = from; i < from + length; i++) {
                s += x[i] * x[i + lag];
            }
            r[lag] = s;
        }
        int best = lo;
        for (int lag = lo; lag <= hi; lag++) {
            if (r[lag] > r[best]) {
                best = lag;
            }
        }
        double offset = 0.5 * (r[best - 1] - r[best + 1]) / (r[best - 1] - 2 * r[best] + r[best + 1]);
        return SR / (best + offset);
    }

    @Test
    void karplusStrongDecaysAtTheRequestedRate() {
        float[] out = new float[SR * 2];
        KarplusStrong.pluck(out, out.length, 220, 0.5, 1.0, 0.8, new Noise(9), SR);
        double early = rms(out, SR / 10, SR / 5);
        double late = rms(out, SR / 10 + SR / 2, SR / 5);
        // 60 dB per second: half a second later the level is 30 dB lower (within the loop filter's extra damping).
        double drop = 20 * Math.log10(early / late);
        assertTrue(drop > 27 && drop < 40, "dropped " + drop + " dB in 0.5 s");
    }

    private static double rms(float[] x, int from, int length) {
        double s = 0;
        for (int i = from; i < from + length; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / length);
    }

    @Test
    void noiseIsSeededUniformAndZeroMean() {
        Noise a = new Noise(17);
        Noise b = new Noise(17);
        double[] xa = new double[1000];
        double[] xb = new double[1000];
        for (int i = 0; i < 1000; i++) {
            xa[i] = a.white();
            xb[i] = b.white();
        }
        assertArrayEquals(xa, xb);
        Noise c = new Noise(18);
        double sum = 0;
        double sq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double v = c.white();
            assertTrue(v >= -1 && v < 1);
            sum += v;
            sq += v * v;
        }
        assertEquals(0.0, sum / n, 0.01);
        assertEquals(1.0 / 3.0, sq / n, 0.01, "variance of U(-1, 1)");
    }

    @Test
    void polyBlepSawIsBandLimitedBetterThanNaive() {
        // A naive saw's reset is a full-scale step each cycle, a huge spike in the second difference (the
        // aliasing source); the polynomial residual spreads the step over two samples and must cut it by half or more.
        double hz = 3100;
        int n = 1 << 14;
        double[] naive = new double[n];
        double[] blep = new double[n];
        double phase = 0;
        double dt = hz / SR;
        for (int i = 0; i < n; i++) {
            naive[i] = 2 * phase - 1;
            blep[i] = PolyBlep.saw(phase, dt);
            phase += dt;
            if (phase >= 1) {
                phase -= 1;
            }
        }
        assertTrue(highBandEnergy(blep) < 0.5 * highBandEnergy(naive));
    }

    /** Energy of the second difference, a high-pass that weights the top octave most. */
    private static double highBandEnergy(double[] x) {
        double e = 0;
        for (int i = 2; i < x.length; i++) {
            double d = x[i] - 2 * x[i - 1] + x[i - 2];
            e += d * d;
        }
        return e;
    }

    @Test
    void adsrReachesSustainAndReleasesToSilence() {
        Adsr env = new Adsr(0.01, 0.1, 0.5, 0.2, SR);
        double peak = 0;
        for (int i = 0; i < SR / 2; i++) {
            peak = Math.max(peak, env.next());
        }
        assertEquals(1.0, peak, 1e-9);
        assertEquals(0.5, env.level(), 1e-3);
        env.release();
        for (int i = 0; i < SR / 5; i++) {
            env.next();
        }
        assertEquals(-60.0, 20 * Math.log10(env.level() / 0.5), 0.5);
    }
}
