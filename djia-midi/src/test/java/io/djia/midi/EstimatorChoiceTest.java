package io.djia.midi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Why the follower fits a line instead of running a delay-locked loop: measured on the same simulated
 * ticks (256-frame blocks at 48 kHz, 0.5 ms jitter, 1 ms timestamps), a DLL narrow enough to match the
 * fit's steady-state accuracy takes far longer than a second to follow a tempo step, and one fast enough to
 * re-lock in time is several times noisier. The adaptive window gets both.
 */
class EstimatorChoiceTest {
    private static final double[] DLL_BANDWIDTHS_HZ = {0.1, 0.2, 0.5, 1.0, 2.0};

    @Test
    void theAdaptiveFitBeatsEveryDllBandwidth() {
        double[] steady = SimulatedClockSource.steadyTicks(126, 126 * 24 * 2);
        SimulatedClockSource.TempoCurve step = s -> s < 30 ? 126 : 132;
        double[] stepped = SimulatedClockSource.tickTimes(step, (int) (50 * 132 / 60.0 * 24));
        double stepNanos = SimulatedClockSource.START_NANOS + 30e9;

        FollowerRun fitSteady = FollowerRun.run(new ClockFollower(), SimulatedClockSource.realistic(21), steady);
        double fitBarSd = FollowerRun.std(fitSteady.nextBarErrorNanos, 24 * 16, steady.length) / 1e6;
        FollowerRun fitStep = FollowerRun.run(new ClockFollower(), SimulatedClockSource.realistic(22), stepped);
        double fitRelock = relockSeconds(fitStep.locked, fitStep.bpmError, fitStep.nextBeatErrorNanos, stepped, stepNanos);

        StringBuilder table = new StringBuilder(String.format(
                "least squares: next-bar sd %.3f ms, re-lock %.2f s%n", fitBarSd, fitRelock));
        for (double bandwidth : DLL_BANDWIDTHS_HZ) {
            double dllBarSd = dll(bandwidth, steady, 21, null, 0);
            double dllRelock = dll(bandwidth, stepped, 22, stepped, stepNanos);
            table.append(String.format("DLL %.2f Hz: next-bar sd %.3f ms, re-lock %.2f s%n", bandwidth, dllBarSd, dllRelock));
            assertTrue(dllBarSd > fitBarSd || dllRelock > fitRelock,
                    "a " + bandwidth + " Hz DLL does as well as the fit:\n" + table);
            assertTrue(dllRelock < 1.0 ? dllBarSd > 2 * fitBarSd : true,
                    "a " + bandwidth + " Hz DLL re-locks in time with less than twice the fit's error:\n" + table);
        }
        assertTrue(fitRelock < 1.0 && fitBarSd < 0.5, table.toString());
        System.out.print(table);
    }

    /** Runs a DLL; returns the steady next-bar error sd (ms) or, given {@code stepNanos}, the re-lock time. */
    private static double dll(double bandwidth, double[] t, long seed, double[] stepped, double stepNanos) {
        SimulatedClockSource source = SimulatedClockSource.realistic(seed);
        DllTickReference dll = new DllTickReference(bandwidth);
        int n = t.length;
        double[] barError = new double[n];
        double[] beatError = new double[n];
        double[] bpmError = new double[n];
        boolean[] locked = new boolean[n];
        java.util.Arrays.fill(barError, Double.NaN);
        java.util.Arrays.fill(beatError, Double.NaN);
        java.util.Arrays.fill(bpmError, Double.NaN);
        for (int k = 0; k < n; k++) {
            dll.tick(source.arrival(t[k]));
            if (k < 2) {
                continue;
            }
            locked[k] = true;
            double trueBpm = 60e9 / (24 * (t[Math.min(k + 1, n - 1)] - t[Math.min(k + 1, n - 1) - 1]));
            bpmError[k] = dll.bpm() - trueBpm;
            int nextBeat = (k / 24 + 1) * 24;
            int nextBar = (k / 96 + 1) * 96;
            beatError[k] = nextBeat < n ? dll.predict(nextBeat) - t[nextBeat] : Double.NaN;
            barError[k] = nextBar < n ? dll.predict(nextBar) - t[nextBar] : Double.NaN;
        }
        if (stepped == null) {
            return FollowerRun.std(barError, Math.min(n / 2, (int) (5 / bandwidth * 126 / 60 * 24)), n) / 1e6;
        }
        return relockSeconds(locked, bpmError, beatError, t, stepNanos);
    }

    private static double relockSeconds(boolean[] locked, double[] bpmError, double[] beatError, double[] t,
            double stepNanos) {
        int lastBad = -1;
        for (int k = 0; k < t.length - 48; k++) {
            if (t[k] >= stepNanos && !(locked[k] && Math.abs(bpmError[k]) < 0.5 && Math.abs(beatError[k]) < 2e6)) {
                lastBad = k;
            }
        }
        return lastBad < 0 ? 0 : (t[lastBad + 1] - stepNanos) / 1e9;
    }
}
