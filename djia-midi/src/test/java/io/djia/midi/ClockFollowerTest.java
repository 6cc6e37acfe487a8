package io.djia.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The follower against a simulated master whose true tick times are known: 256-frame blocks at 48 kHz,
 * 0.5 ms Gaussian jitter and 1 ms timestamps unless a test says otherwise.
 */
class ClockFollowerTest {
    private static final int WARM_UP_TICKS = 24 * 8;

    @Test
    void steadyTempoMeetsTheAccuracyTargetsUnderJitter() {
        for (double bpm : new double[] {90, 126, 174}) {
            double[] t = SimulatedClockSource.steadyTicks(bpm, (int) (bpm * 24 * 3)); // three minutes
            FollowerRun run = FollowerRun.run(new ClockFollower(), SimulatedClockSource.realistic(42), t);
            int n = t.length;
            double bpmError = FollowerRun.maxAbs(run.bpmError, WARM_UP_TICKS, n);
            double barStdMs = FollowerRun.std(run.nextBarErrorNanos, WARM_UP_TICKS, n) / 1e6;
            double barMeanMs = FollowerRun.mean(run.nextBarErrorNanos, WARM_UP_TICKS, n) / 1e6;
            assertTrue(bpmError < 0.05, bpm + " BPM: tempo error " + bpmError + " BPM");
            assertTrue(barStdMs < 0.5, bpm + " BPM: next-bar prediction error sd " + barStdMs + " ms");
            assertTrue(Math.abs(barMeanMs) < 0.5, bpm + " BPM: next-bar prediction bias " + barMeanMs + " ms");
            assertEquals(n - 1, run.tick[n - 1], "song position after " + n + " ticks");
        }
    }

    @Test
    void droppedTicksAndOutliersNeitherMoveTheCountNorTheGrid() {
        double[] t = SimulatedClockSource.steadyTicks(128, 128 * 24 * 3);
        SimulatedClockSource source = SimulatedClockSource.realistic(7).drops(0.02).outliers(0.01, 3, 15);
        FollowerRun run = FollowerRun.run(new ClockFollower(), source, t);
        int n = t.length;
        ClockState end = run.follower.snapshot();
        double bpmError = FollowerRun.maxAbs(run.bpmError, WARM_UP_TICKS, n);
        double barStdMs = FollowerRun.std(run.nextBarErrorNanos, WARM_UP_TICKS, n) / 1e6;
        assertTrue(bpmError < 0.05, "tempo error " + bpmError + " BPM");
        assertTrue(barStdMs < 0.5, "next-bar prediction error sd " + barStdMs + " ms");
        assertEquals(n - 1, end.tick());
        // About 2 % of 9216 ticks dropped; outliers are taken out of the fit, never counted twice.
        assertTrue(end.droppedTicks() > 120 && end.droppedTicks() < 260, "dropped " + end.droppedTicks());
        assertTrue(end.outlierTicks() > 20, "outliers " + end.outlierTicks());
        assertEquals(0, end.relocks(), "no tempo change happened");
    }

    @Test
    void relocksWithinOneSecondAfterTempoStepsWithOutliers() {
        double[] tempos = {126, 132, 120, 121, 100, 125, 124.5, 150};
        for (long seed = 1; seed <= 4; seed++) {
            SimulatedClockSource source = SimulatedClockSource.realistic(seed).outliers(0.01, 3, 15);
            double[] relock = relockSeconds(tempos, source);
            for (int step = 1; step < tempos.length; step++) {
                assertTrue(relock[step] < 1.0, "seed " + seed + ", " + tempos[step - 1] + " -> " + tempos[step]
                        + " BPM: re-locked after " + relock[step] + " s");
            }
        }
    }

    /** Steps of 50 % and more: a fall of that size looks like one dropped tick per interval at first. */
    @Test
    void relocksWithinOneSecondAfterLargeTempoSteps() {
        double[] tempos = {90, 140, 90, 174, 100};
        for (long seed = 1; seed <= 4; seed++) {
            double[] relock = relockSeconds(tempos, SimulatedClockSource.realistic(seed));
            for (int step = 1; step < tempos.length; step++) {
                assertTrue(relock[step] < 1.0, "seed " + seed + ", " + tempos[step - 1] + " -> " + tempos[step]
                        + " BPM: re-locked after " + relock[step] + " s");
            }
        }
    }

    /**
     * With 1 % of ticks dropped as well, a drop that lands on a step can be read as part of it and the count
     * then stays one tick off (see the README). This bounds how often: measured 4 of these 70 steps.
     */
    @Test
    void mostTempoStepsRelockWithinOneSecondEvenWithDroppedTicks() {
        double[] tempos = {126, 132, 120, 121, 100, 125, 124.5, 150};
        int late = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SimulatedClockSource source = SimulatedClockSource.realistic(seed).drops(0.01).outliers(0.01, 3, 15);
            double[] relock = relockSeconds(tempos, source);
            for (int step = 1; step < tempos.length; step++) {
                late += relock[step] < 1.0 ? 0 : 1;
            }
        }
        assertTrue(late <= 5, late + " of 70 steps re-locked late");
    }

    /** For each tempo step (20 s apart), the seconds until {@link #relockSeconds(FollowerRun, double, double)}. */
    private static double[] relockSeconds(double[] tempos, SimulatedClockSource source) {
        double segmentSeconds = 20;
        SimulatedClockSource.TempoCurve curve =
                s -> tempos[Math.min(tempos.length - 1, (int) (s / segmentSeconds))];
        double maxBpm = java.util.Arrays.stream(tempos).max().getAsDouble();
        double[] t = SimulatedClockSource.tickTimes(curve, (int) (tempos.length * segmentSeconds * maxBpm / 60 * 24));
        FollowerRun run = FollowerRun.run(new ClockFollower(), source, t);
        double[] relock = new double[tempos.length];
        for (int step = 1; step < tempos.length; step++) {
            double stepNanos = SimulatedClockSource.START_NANOS + step * segmentSeconds * 1e9;
            relock[step] = relockSeconds(run, stepNanos, stepNanos + (segmentSeconds - 2) * 1e9);
        }
        return relock;
    }

    /**
     * Seconds from the step until the follower is locked, within 0.5 BPM and predicts the next beat within
     * 2 ms, and stays so until {@code untilNanos}.
     */
    private static double relockSeconds(FollowerRun run, double stepNanos, double untilNanos) {
        int lastBad = -1;
        int first = -1;
        for (int k = 0; k < run.trueNanos.length && run.trueNanos[k] < untilNanos; k++) {
            if (run.trueNanos[k] < stepNanos) {
                continue;
            }
            first = first < 0 ? k : first;
            boolean good = run.locked[k] && Math.abs(run.bpmError[k]) < 0.5
                    && Math.abs(run.nextBeatErrorNanos[k]) < 2e6;
            if (!good) {
                lastBad = k;
            }
        }
        return lastBad < 0 ? 0 : (run.trueNanos[lastBad + 1] - stepNanos) / 1e9;
    }

    @Test
    void followsTempoRampsAndSettlesAfterThem() {
        double[][] cases = {{0.25, 0.8, 2.0}, {1.0, 1.2, 3.5}}; // BPM/s, max tempo lag, beat error rms ms
        for (double[] c : cases) {
            double rate = c[0];
            double rampStart = 20;
            double rampEnd = rampStart + 12 / rate; // 120 -> 132 BPM
            SimulatedClockSource.TempoCurve curve = s -> s < rampStart ? 120
                    : s > rampEnd ? 132 : 120 + (s - rampStart) * rate;
            double[] t = SimulatedClockSource.tickTimes(curve, (int) ((rampEnd + 20) * 132 / 60 * 24));
            FollowerRun run = FollowerRun.run(new ClockFollower(), SimulatedClockSource.realistic(13), t);
            int from = indexAfter(t, rampStart + 2);
            int to = indexAfter(t, rampEnd);
            double lag = FollowerRun.maxAbs(run.bpmError, from, to);
            double beatRmsMs = FollowerRun.rms(run.nextBeatErrorNanos, from, to) / 1e6;
            assertTrue(lag < c[1], rate + " BPM/s: tempo lag " + lag);
            assertTrue(beatRmsMs < c[2], rate + " BPM/s: next-beat error rms " + beatRmsMs + " ms");
            double endNanos = SimulatedClockSource.START_NANOS + rampEnd * 1e9;
            double settle = relockSeconds(run, endNanos, t[t.length - 24 * 4]);
            assertTrue(settle < 1.0, rate + " BPM/s: settled " + settle + " s after the ramp");
        }
    }

    private static int indexAfter(double[] t, double seconds) {
        int k = 0;
        while (t[k] < SimulatedClockSource.START_NANOS + seconds * 1e9) {
            k++;
        }
        return k;
    }

    @Test
    void noDriftOverASimulatedHour() {
        double bpm = 123.7;
        int ticks = (int) (3600 * bpm / 60 * 24);
        double[] t = SimulatedClockSource.steadyTicks(bpm, ticks);
        SimulatedClockSource source = SimulatedClockSource.realistic(3).drops(0.005).outliers(0.005, 3, 15);
        FollowerRun run = FollowerRun.run(new ClockFollower(), source, t);
        int fiveMinutes = (int) (5 * bpm * 24);
        double firstMean = FollowerRun.mean(run.nextBarErrorNanos, WARM_UP_TICKS, fiveMinutes) / 1e6;
        double lastMean = FollowerRun.mean(run.nextBarErrorNanos, ticks - fiveMinutes, ticks) / 1e6;
        double lastStd = FollowerRun.std(run.nextBarErrorNanos, ticks - fiveMinutes, ticks) / 1e6;
        assertTrue(Math.abs(lastMean - firstMean) < 0.2, "bar error moved from " + firstMean + " to " + lastMean + " ms");
        assertTrue(lastStd < 0.5, "bar error sd in the last five minutes " + lastStd + " ms");
        ClockState end = run.follower.snapshot();
        assertEquals(ticks - 1, end.tick());
        assertEquals((ticks - 1) / 96, end.bar());
        assertTrue(Math.abs(end.bpm() - bpm) < 0.05);
    }

    @Test
    void transportAndSongPositionPlaceTheBarCounter() {
        double period = 60e9 / (24 * 120);
        ClockFollower follower = new ClockFollower();
        long t = 0;
        for (int k = 0; k < 100; k++) { // free-running clock while stopped
            follower.accept(ClockEvent.clock(t += (long) period));
        }
        ClockState stopped = follower.snapshot();
        assertFalse(stopped.running());
        assertTrue(stopped.locked());
        assertEquals(120, stopped.bpm(), 1e-4);
        assertEquals(-1, stopped.tick());

        // Start: the grid may move; the first tick after it is beat 1 of bar 1.
        t += 3_000_000;
        follower.accept(ClockEvent.of(ClockEvent.Type.START, t));
        assertTrue(follower.snapshot().running());
        assertEquals("-:-", follower.snapshot().barBeat());
        long downbeat = t + 1_000_000;
        follower.accept(ClockEvent.clock(downbeat));
        ClockState first = follower.snapshot();
        assertEquals(0, first.tick());
        assertEquals("1:1", first.barBeat());
        assertTrue(first.locked(), "the tempo carries over a Start");
        assertEquals(downbeat, first.predictTickNanos(0));
        assertEquals(downbeat + 4 * 24 * period, first.predictBarStartNanos(1), 100.0);
        t = downbeat;
        for (int k = 1; k <= 30; k++) {
            follower.accept(ClockEvent.clock(t += (long) period));
        }
        assertEquals(30, follower.snapshot().tick());
        assertEquals("1:2", follower.snapshot().barBeat());

        // Stop: the position holds while clock keeps coming.
        follower.accept(ClockEvent.of(ClockEvent.Type.STOP, t + 100));
        for (int k = 0; k < 50; k++) {
            follower.accept(ClockEvent.clock(t += (long) period));
        }
        assertFalse(follower.snapshot().running());
        assertEquals(30, follower.snapshot().tick());

        // SPP 32 sixteenths (two bars) + Continue on a shifted grid: the next tick is tick 192, bar 3 beat 1.
        follower.accept(ClockEvent.songPosition(32, t + 200));
        follower.accept(ClockEvent.of(ClockEvent.Type.CONTINUE, t + 300));
        long resume = t + 7_300_000;
        follower.accept(ClockEvent.clock(resume));
        ClockState resumed = follower.snapshot();
        assertTrue(resumed.running());
        assertEquals(192, resumed.tick());
        assertEquals("3:1", resumed.barBeat());
        assertEquals(2, resumed.bar());
        assertEquals(resume + 96 * period, resumed.predictBarStartNanos(3), 100.0);
        assertEquals(resume, resumed.predictBeatNanos(8), 100.0);
    }

    @Test
    void clockIsLostAfterSilenceAndThePositionCarriesOnWhenTicksResume() {
        double period = 60e9 / (24 * 125);
        ClockFollower follower = new ClockFollower();
        follower.accept(ClockEvent.of(ClockEvent.Type.START, 0));
        int k = 0;
        for (; k < 200; k++) {
            follower.accept(ClockEvent.clock(Math.round(1e9 + k * period)));
        }
        long last = Math.round(1e9 + 199 * period);
        follower.checkClockLost(last + 400_000_000L);
        assertFalse(follower.snapshot().clockLost(), "400 ms is not yet silence");
        follower.checkClockLost(last + 600_000_000L);
        ClockState lost = follower.snapshot();
        assertTrue(lost.clockLost());
        assertFalse(lost.locked());
        assertFalse(lost.isLockedAt(last + 600_000_000L));

        k = 200 + 150; // three seconds of missing ticks, then the master is heard again on its grid
        follower.accept(ClockEvent.clock(Math.round(1e9 + k * period)));
        ClockState back = follower.snapshot();
        assertFalse(back.clockLost());
        assertTrue(back.locked());
        assertEquals(350, back.tick());
        assertEquals(125, back.bpm(), 1e-6);
    }

    @Test
    void latencyOffsetMovesEveryPrediction() {
        ClockFollower follower = new ClockFollower(ClockFollowerOptions.defaults().withLatencyOffsetMs(2.0));
        double period = 60e9 / (24 * 100);
        follower.accept(ClockEvent.of(ClockEvent.Type.START, 0));
        for (int k = 0; k < 48; k++) {
            follower.accept(ClockEvent.clock(Math.round(1e9 + k * period)));
        }
        long bar2 = Math.round(1e9 + 96 * period);
        assertEquals(bar2 + 2_000_000, follower.snapshot().predictBarStartNanos(1), 2.0);
        follower.setLatencyOffsetMs(-7.5);
        ClockState moved = follower.snapshot();
        assertEquals(-7_500_000, moved.latencyOffsetNanos());
        assertEquals(bar2 - 7_500_000, moved.predictBarStartNanos(1), 2.0);
        assertEquals(96.0, moved.tickAt(bar2 - 7_500_000), 1e-6);
    }

    @Test
    void beatsPerBarSetsTheBarLength() {
        ClockFollower follower = new ClockFollower(ClockFollowerOptions.defaults().withBeatsPerBar(3));
        double period = 60e9 / (24 * 140);
        follower.accept(ClockEvent.of(ClockEvent.Type.START, 0));
        for (int k = 0; k <= 72; k++) {
            follower.accept(ClockEvent.clock(Math.round(1e9 + k * period)));
        }
        ClockState s = follower.snapshot();
        assertEquals("2:1", s.barBeat());
        assertEquals(Math.round(1e9 + 144 * period), s.predictBarStartNanos(2), 2.0);
    }
}
