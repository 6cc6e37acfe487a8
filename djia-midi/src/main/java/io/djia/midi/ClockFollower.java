package io.djia.midi;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows an external MIDI clock: measures tempo and phase from 24 PPQN ticks, tracks transport and song
 * position, and publishes an immutable {@link ClockState} from which the time of any future tick is predicted.
 *
 * <h2>How</h2>
 * A least-squares line through the latest ticks (index against arrival time) gives the tick period and
 * phase. Against jitter the window grows to {@link ClockFollowerOptions#maxWindowTicks()}; against tempo
 * changes it shrinks:
 * <ul>
 *   <li>ticks are indexed in arrival order, as any MIDI receiver counts them, and each is checked against
 *       the line; one further than the gate (a multiple of the running noise estimate, widened by the
 *       prediction's own uncertainty, never beyond 0.3 period) is an outlier and stays out of the fit;</li>
 *   <li>a run of same-sided outliers is explained either as dropped ticks (every one of them sits on the old
 *       line a whole number of periods later: the count moves on, the line stays) or as a tempo step (they
 *       agree on a new line that continues from the last trusted tick: the fit restarts from them);</li>
 *   <li>a two-sided CUSUM of the normalised prediction errors (E. S. Page, "Continuous inspection schemes",
 *       Biometrika 41, 1954) catches changes too small for the gate (ramps, small steps) and cuts the window
 *       back to where the drift began.</li>
 * </ul>
 * Start and Continue re-measure the phase but carry the tempo over as a prior on the slope. After
 * {@link ClockFollowerOptions#clockLostMs()} of silence the clock counts as lost; when ticks resume, the
 * position is carried on by the elapsed time.
 *
 * <h2>Threads</h2>
 * {@link #accept} and {@link #checkClockLost} are called by the MIDI input thread (they synchronise with each
 * other, so a monitor thread may also call {@code checkClockLost}). {@link #snapshot()} is lock-free and
 * allocation-free, for the audio thread.
 */
public final class ClockFollower implements ClockSink {
    private static final double NOISE_SMOOTHING = 1.0 / 48;
    /** Exact clocks (loopback) would shrink the noise estimate to nothing; 20 us keeps the gate sane. */
    private static final double MIN_NOISE_NANOS = 20_000;
    private static final double INITIAL_NOISE_NANOS = 1_000_000;
    /** CUSUM reference value k, in noise deviations: tuned to shifts of about one deviation. */
    private static final double CUSUM_SLACK = 0.5;
    private static final double CUSUM_CLIP = 2.0;
    private static final int TICKS_PER_SIXTEENTH = 6;
    /**
     * The gate stays well below half a period, so that a tick a whole period off (a dropped tick before it)
     * is always an outlier and never bends the line.
     */
    private static final double MAX_GATE_PERIODS = 0.3;
    /** A run explained only by more coincidences than this (see scoreRun) is left to slide on. */
    private static final double MAX_RUN_SCORE = 4.0;
    /** At most this many ticks dropped just before an outlier run are recognised. */
    private static final int MAX_DROPPED_IN_A_RUN = 2;

    private final ClockFollowerOptions options;
    private final TickWindow window;
    private final TickWindow runWindow;
    private final double maxPriorWeight;
    private final long minGateNanos;
    private final AtomicReference<ClockState> state;
    private volatile long latencyOffsetNanos;

    private double priorNanosPerTick = Double.NaN;
    private double priorWeight;
    private double noiseVariance = INITIAL_NOISE_NANOS * INITIAL_NOISE_NANOS;
    private double cusumUp;
    private double cusumDown;
    private long cusumUpStart;
    private long cusumDownStart;
    private final long[] runNanos;
    /** For each run tick, how many ticks arrived since the last accepted one, itself included. */
    private final int[] runOrdinal;
    private final long[] runTicksConsecutive;
    private final long[] runTicksIntervals;
    private int runLength;
    private int receivedSinceAccepted;
    private int runSide;

    private boolean anyTick;
    private boolean tempoKnown;
    private long lastStreamTick = -1;
    private long lastAcceptedTick = -1;
    private long lastTickNanos = Long.MIN_VALUE;
    private boolean running;
    private boolean positionPending;
    private long nextSongTick;
    private long songOffset;
    private boolean clockLost;
    private long droppedTicks;
    private long outlierTicks;
    private long relocks;

    public ClockFollower() {
        this(ClockFollowerOptions.defaults());
    }

    public ClockFollower(ClockFollowerOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("follower options are required");
        }
        this.options = options;
        this.window = new TickWindow(options.maxWindowTicks());
        this.runWindow = new TickWindow(options.relockRunTicks() + 1);
        this.runNanos = new long[options.relockRunTicks()];
        this.runOrdinal = new int[options.relockRunTicks()];
        this.runTicksConsecutive = new long[options.relockRunTicks()];
        this.runTicksIntervals = new long[options.relockRunTicks()];
        double n = options.maxWindowTicks();
        this.maxPriorWeight = n * (n * n - 1) / 12.0;
        this.minGateNanos = Math.round(options.minGateMs() * 1e6);
        this.latencyOffsetNanos = Math.round(options.latencyOffsetMs() * 1e6);
        this.state = new AtomicReference<>(ClockState.initial(options.beatsPerBar(), latencyOffsetNanos,
                Math.round(options.clockLostMs() * 1e6)));
    }

    public ClockFollowerOptions options() {
        return options;
    }

    /** The latest state. Lock-free and allocation-free: safe on the audio thread. */
    public ClockState snapshot() {
        return state.get();
    }

    /** Handles one clock or transport message; timestamps must not go backwards. */
    @Override
    public synchronized void accept(ClockEvent event) {
        switch (event.type()) {
            case CLOCK -> onTick(event.timestampNanos());
            case START -> {
                running = true;
                nextSongTick = 0;
                positionPending = true;
                resetPhase();
            }
            case CONTINUE -> {
                running = true;
                positionPending = true;
                resetPhase();
            }
            case STOP -> {
                if (running && !positionPending) {
                    nextSongTick = lastStreamTick - songOffset + 1;
                }
                running = false;
                positionPending = false;
            }
            case SONG_POSITION -> {
                nextSongTick = (long) event.sppSixteenths() * TICKS_PER_SIXTEENTH;
                positionPending = running || positionPending;
            }
        }
        publish();
    }

    /**
     * Marks the clock lost when no tick came within the timeout before {@code nowNanos}. Call it now and then
     * from the input or a monitor thread; the audio thread can use {@link ClockState#isLockedAt} instead.
     */
    public synchronized void checkClockLost(long nowNanos) {
        if (anyTick && !clockLost && nowNanos - lastTickNanos > lostAfterNanos()) {
            clockLost = true;
            publish();
        }
    }

    /** Moves every prediction by {@code offsetMs} (negative: earlier). Any thread. */
    public void setLatencyOffsetMs(double offsetMs) {
        if (!(Math.abs(offsetMs) <= 1000)) {
            throw new IllegalArgumentException("latency offset must be within +-1000 ms, got " + offsetMs);
        }
        latencyOffsetNanos = Math.round(offsetMs * 1e6);
        applyLatencyOffset();
    }

    private void onTick(long t) {
        if (anyTick && t - lastTickNanos > lostAfterNanos()) {
            resumeAfterSilence(t);
        }
        clockLost = false;
        long n = lastStreamTick + 1;
        if (!window.isSolved() || !tempoKnown) {
            acceptTick(n, t, Double.NaN);
        } else {
            receivedSinceAccepted++;
            double residual = t - window.predict(n);
            double scale = Math.sqrt(noiseVariance * (1 + window.leverage(n)));
            double gate = Math.min(Math.max(options.outlierGateSigmas() * scale, minGateNanos),
                    MAX_GATE_PERIODS * window.nanosPerTick());
            if (Math.abs(residual) <= gate) {
                runLength = 0;
                acceptTick(n, t, residual / scale);
            } else {
                rejectTick(n, t, residual, gate);
            }
        }
        anyTick = true;
        lastTickNanos = t;
        if (running && positionPending) {
            songOffset = lastStreamTick - nextSongTick;
            positionPending = false;
        }
    }

    private void acceptTick(long n, long t, double z) {
        window.add(n, t);
        lastAcceptedTick = n;
        lastStreamTick = n;
        receivedSinceAccepted = 0;
        if (window.isFull()) {
            priorWeight = 0; // the window alone now knows more than the carried-over tempo
        }
        window.solve(priorNanosPerTick, priorWeight);
        if (window.size() >= options.lockTicks() || priorWeight > 0) {
            tempoKnown = true;
        }
        if (Double.isNaN(z)) {
            return;
        }
        noiseVariance = Math.max(noiseVariance * (1 - NOISE_SMOOTHING + NOISE_SMOOTHING * z * z),
                MIN_NOISE_NANOS * MIN_NOISE_NANOS);
        // Clipped (a Huber-type CUSUM) so that a few late ticks inside the gate cannot raise a false alarm.
        double clipped = Math.max(-CUSUM_CLIP, Math.min(CUSUM_CLIP, z));
        cusumUp += clipped - CUSUM_SLACK;
        if (cusumUp <= 0) {
            cusumUp = 0;
            cusumUpStart = n + 1;
        }
        cusumDown += -clipped - CUSUM_SLACK;
        if (cusumDown <= 0) {
            cusumDown = 0;
            cusumDownStart = n + 1;
        }
        double threshold = options.cusumThresholdSigmas();
        if (cusumUp > threshold || cusumDown > threshold) {
            long changeStart = cusumUp > threshold ? cusumUpStart : cusumDownStart;
            window.dropBefore(changeStart, options.relockRunTicks());
            priorWeight = 0;
            resetCusum(n);
            window.solve(priorNanosPerTick, priorWeight);
            relocks++;
        }
    }

    private void rejectTick(long n, long t, double residual, double gate) {
        outlierTicks++;
        lastStreamTick = n;
        int side = residual > 0 ? 1 : -1;
        if (runLength > 0 && side != runSide) {
            runLength = 0;
        }
        runSide = side;
        runNanos[runLength] = t;
        runOrdinal[runLength] = receivedSinceAccepted;
        runLength++;
        if (runLength == runNanos.length && !resolveRun(gate)) {
            System.arraycopy(runNanos, 1, runNanos, 0, runLength - 1);
            System.arraycopy(runOrdinal, 1, runOrdinal, 0, runLength - 1);
            runLength--;
        }
    }

    /**
     * Explains a full run of same-sided outliers, or returns false (the run then slides on by one tick).
     *
     * <p>First the run is indexed. A tempo step bends the tick line but does not move it, so the right
     * indices put the run on a line that also passes through the last accepted tick: each reading of the
     * run is fitted together with that tick at index shifts of -1 to +2, which also finds ticks dropped just
     * before the run, where the run's own residuals cannot. Two readings are tried: every received tick is
     * the next one, or the intervals measured in old periods (a tick dropped inside the run). A reading
     * qualifies when its period is plausible (half to twice the old one) and every point lies within the
     * gate, one stray tick aside; the reading with the lower score (see scoreRun) wins, and a run that only
     * a poor score explains is left to slide. Bunched ticks after a stall qualify under neither.
     *
     * <p>Then, if the indexed run lies on the old line (within the gate, and the same period), ticks were
     * dropped: the line stays and the count moves on. Otherwise the tempo changed: the fit restarts from
     * the last accepted tick and the run.
     */
    private boolean resolveRun(double gate) {
        double oldPeriod = window.nanosPerTick();
        long anchorTick = window.newestTick();
        long anchorNanos = window.newestNanos();
        double consecutive = scoreRun(gate, oldPeriod, false, runTicksConsecutive, anchorTick, anchorNanos);
        double intervals = scoreRun(gate, oldPeriod, true, runTicksIntervals, anchorTick, anchorNanos);
        long[] chosen;
        if (!Double.isNaN(consecutive) && (Double.isNaN(intervals) || consecutive <= intervals)) {
            chosen = runTicksConsecutive;
        } else if (!Double.isNaN(intervals)) {
            chosen = runTicksIntervals;
        } else {
            return false;
        }
        if (Math.min(Double.isNaN(consecutive) ? Double.MAX_VALUE : consecutive,
                Double.isNaN(intervals) ? Double.MAX_VALUE : intervals) > MAX_RUN_SCORE) {
            return false; // too many coincidences to explain: wait for the next tick
        }
        long last = chosen[runLength - 1] >= 0 ? chosen[runLength - 1] : chosen[runLength - 2] + 1;
        if (liesOnOldLine(chosen, gate, anchorTick, anchorNanos, oldPeriod)) {
            droppedTicks += last - lastAcceptedTick - receivedSinceAccepted;
            for (int i = 0; i < runLength; i++) {
                if (chosen[i] >= 0) {
                    window.add(chosen[i], runNanos[i]);
                    outlierTicks--;
                }
            }
            window.solve(priorNanosPerTick, priorWeight);
        } else {
            window.clear();
            window.add(anchorTick, anchorNanos);
            for (int i = 0; i < runLength; i++) {
                if (chosen[i] >= 0) {
                    window.add(chosen[i], runNanos[i]);
                }
            }
            priorWeight = 0;
            window.solve(priorNanosPerTick, priorWeight);
            resetCusum(last);
            relocks++;
        }
        lastAcceptedTick = window.newestTick();
        lastStreamTick = last;
        receivedSinceAccepted = (int) (last - lastAcceptedTick);
        runLength = 0;
        return true;
    }

    /**
     * Whether the indexed run lies on the old line: every tick but one stray within the gate of it, and the
     * line through the anchor and the run no steeper or flatter than the old one by three standard errors.
     * A tick found stray here gets index -1 in {@code ticks}.
     */
    private boolean liesOnOldLine(long[] ticks, double gate, long anchorTick, long anchorNanos, double oldPeriod) {
        int stray = -1;
        boolean strayAllowed = true;
        for (int i = 0; i < runLength; i++) {
            if (ticks[i] < 0) {
                strayAllowed = false;
            }
        }
        for (int i = 0; i < runLength; i++) {
            if (ticks[i] >= 0 && Math.abs(runNanos[i] - window.predict(ticks[i])) > gate) {
                if (!strayAllowed || stray >= 0) {
                    return false;
                }
                stray = i;
            }
        }
        runWindow.clear();
        runWindow.add(anchorTick, anchorNanos);
        for (int i = 0; i < runLength; i++) {
            if (ticks[i] >= 0 && i != stray) {
                runWindow.add(ticks[i], runNanos[i]);
            }
        }
        if (!runWindow.solve(Double.NaN, 0) || periodChanged(oldPeriod)) {
            return false;
        }
        if (stray >= 0) {
            ticks[stray] = -1;
        }
        return true;
    }

    /** Whether {@link #runWindow}'s period differs from {@code oldPeriod} by more than three standard errors. */
    private boolean periodChanged(double oldPeriod) {
        return Math.abs(runWindow.nanosPerTick() - oldPeriod)
                > 3 * Math.sqrt(noiseVariance / runWindow.slopeInformation());
    }

    /**
     * Indexes the run one way into {@code ticks} with the shift and the stray tick (or none) that best fit a
     * line through the anchor tick and the run, and returns that reading's score; NaN when none qualifies.
     * The score is the RMS residual in noise deviations plus one for a stray tick, one per dropped tick the
     * reading implies and two for a tempo change (a period three standard errors off the old one), so the
     * likeliest explanation wins: drops, strays and tempo steps are all rare. A run tick left out as stray
     * gets index -1.
     */
    private double scoreRun(double gate, double oldPeriod, boolean byIntervals, long[] ticks, long anchorTick,
            long anchorNanos) {
        long previousNanos = anchorNanos;
        for (int i = 0; i < runLength; i++) {
            ticks[i] = byIntervals
                    ? (i == 0 ? anchorTick : ticks[i - 1])
                            + Math.max(1, Math.round((runNanos[i] - previousNanos) / oldPeriod))
                    : anchorTick + runOrdinal[i];
            previousNanos = runNanos[i];
        }
        double sigma = Math.sqrt(noiseVariance);
        double best = Double.NaN;
        long bestShift = 0;
        int bestStray = -1;
        for (long shift = -1; shift <= MAX_DROPPED_IN_A_RUN; shift++) {
            if (ticks[0] + shift <= anchorTick) {
                continue;
            }
            long lastIndex = ticks[runLength - 1] + shift;
            long dropped = lastIndex - anchorTick - runOrdinal[runLength - 1];
            if (dropped < 0) {
                continue;
            }
            for (int stray = -1; stray < runLength; stray++) {
                double rms = fitRunWithAnchor(ticks, shift, stray, anchorTick, anchorNanos, oldPeriod, gate);
                if (Double.isNaN(rms)) {
                    continue;
                }
                double score = rms / sigma + (stray >= 0 ? 1 : 0) + dropped + (periodChanged(oldPeriod) ? 2 : 0);
                if (Double.isNaN(best) || score < best) {
                    best = score;
                    bestShift = shift;
                    bestStray = stray;
                }
            }
        }
        if (Double.isNaN(best)) {
            return Double.NaN;
        }
        for (int i = 0; i < runLength; i++) {
            ticks[i] = i == bestStray ? -1 : ticks[i] + bestShift;
        }
        return best;
    }

    /**
     * Fits the anchor and the run (without {@code stray}, -1 for none) into {@link #runWindow} and returns
     * the RMS residual, or NaN when the period is implausible or a point misses the line by more than the gate.
     */
    private double fitRunWithAnchor(long[] ticks, long shift, int stray, long anchorTick, long anchorNanos,
            double oldPeriod, double gate) {
        runWindow.clear();
        runWindow.add(anchorTick, anchorNanos);
        for (int i = 0; i < runLength; i++) {
            if (i != stray) {
                runWindow.add(ticks[i] + shift, runNanos[i]);
            }
        }
        if (!runWindow.solve(Double.NaN, 0)) {
            return Double.NaN;
        }
        double period = runWindow.nanosPerTick();
        if (period < 0.5 * oldPeriod || period > 2 * oldPeriod) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < runWindow.size(); i++) {
            double residual = runWindow.timeNanos(i) - runWindow.predict(runWindow.tick(i));
            if (Math.abs(residual) > gate) {
                return Double.NaN;
            }
            sum += residual * residual;
        }
        return Math.sqrt(sum / runWindow.size());
    }

    /** Keeps the tempo as a prior and forgets the phase: Start and Continue may move the tick grid. */
    private void resetPhase() {
        if (window.isSolved() && tempoKnown) {
            priorNanosPerTick = window.nanosPerTick();
            priorWeight = Math.min(window.slopeInformation(), maxPriorWeight);
        }
        window.clear();
        runLength = 0;
        resetCusum(lastStreamTick + 1);
    }

    private void resumeAfterSilence(long t) {
        long gapTicks = 1;
        if (window.isSolved()) {
            gapTicks = Math.max(1, Math.round((t - window.newestNanos()) / window.nanosPerTick()));
        }
        resetPhase();
        droppedTicks += gapTicks - 1;
        lastStreamTick += gapTicks - 1;
        lastAcceptedTick = lastStreamTick;
        receivedSinceAccepted = 0;
    }

    private void resetCusum(long fromTick) {
        cusumUp = 0;
        cusumDown = 0;
        cusumUpStart = fromTick;
        cusumDownStart = fromTick;
    }

    private double currentNanosPerTick() {
        return window.isSolved() ? window.nanosPerTick() : priorNanosPerTick;
    }

    private long lostAfterNanos() {
        double period = currentNanosPerTick();
        double lost = options.clockLostMs() * 1e6;
        return Math.round(Double.isNaN(period) ? lost : Math.max(lost, 4 * period));
    }

    private void publish() {
        double period = currentNanosPerTick();
        long referenceStream;
        long referenceNanos;
        if (window.isSolved()) {
            referenceStream = window.anchorTick();
            referenceNanos = Math.round(window.anchorNanos());
        } else {
            referenceStream = lastStreamTick;
            referenceNanos = anyTick ? lastTickNanos : 0;
        }
        long offset;
        long tick;
        if (running && !positionPending) {
            offset = songOffset;
            tick = lastStreamTick - songOffset;
        } else {
            // Stopped or waiting for the first tick after Start/Continue: the next tick will be nextSongTick.
            offset = lastStreamTick + 1 - nextSongTick;
            tick = nextSongTick - 1;
        }
        boolean locked = !clockLost && window.isSolved() && tempoKnown
                && (window.size() >= options.lockTicks() || priorWeight > 0);
        long latency = latencyOffsetNanos;
        ClockState next = new ClockState(running, locked, clockLost,
                Double.isNaN(period) ? Double.NaN : 60e9 / (ClockState.TICKS_PER_BEAT * period),
                Math.max(tick, -1), options.beatsPerBar(), referenceStream - offset, referenceNanos, period,
                anyTick ? lastTickNanos : Long.MIN_VALUE, latency, lostAfterNanos(), droppedTicks, outlierTicks,
                relocks);
        state.set(next);
        if (latencyOffsetNanos != latency) {
            applyLatencyOffset();
        }
    }

    private void applyLatencyOffset() {
        while (true) {
            ClockState s = state.get();
            long latency = latencyOffsetNanos;
            if (s.latencyOffsetNanos() == latency) {
                return;
            }
            ClockState moved = new ClockState(s.running(), s.locked(), s.clockLost(), s.bpm(), s.tick(),
                    s.beatsPerBar(), s.referenceTick(), s.referenceNanos(), s.nanosPerTick(), s.lastTickNanos(),
                    latency, s.clockLostAfterNanos(), s.droppedTicks(), s.outlierTicks(), s.relocks());
            if (state.compareAndSet(s, moved)) {
                return;
            }
        }
    }
}
