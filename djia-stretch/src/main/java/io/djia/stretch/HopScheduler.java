package io.djia.stretch;

/**
 * Chooses where each analysis frame is taken, so that steady sound is stretched evenly and attacks are not.
 *
 * <p>Synthesis frames sit every coarse hop (a quarter frame) while the effective ratio is 0.8 or more and every
 * fine hop (an eighth) below, where a coarse hop would leave spurs. Away from onsets, frame {@code j} reads the
 * input at {@code S^-1(o_j - latency)} (see {@link TimeMap}), with each step kept within half and one and a half
 * times the nominal hop so a correction never jumps. Around an onset at input {@code t0}, every frame whose
 * window covers it (centres within {@code t0 +- lockHalf}) advances by exactly the synthesis hop, with the
 * output offset chosen so that {@code t0} lands at its ideal output time: all overlapping grains then place the
 * attack at one spot and it is copied rather than smeared, the way Rubber Band's R2 engine and Bonada's
 * "Automatic technique in frequency domain for near-lossless time-scale modification of audio" (ICMC 2000)
 * treat transients. The frames before the region steer into that offset; the stretch the region skipped is
 * taken up by the frames after it. Onsets closer than a region merge into one, up to three regions long.
 *
 * <p>Only onsets up to {@code lookahead} input frames past the previous frame are considered, so the schedule
 * depends on the audio alone, not on block sizes. Not thread-safe; no allocation.
 */
final class HopScheduler {
    private static final double RETURN_SPAN = 0.5;
    private static final double STEER_MIN = 0.25;
    private static final double STEER_MAX = 2.0;
    private static final int MAX_LOCK_REGIONS = 3;

    private final int coarseHop;
    private final int fineHop;
    private final double coarseFromRatio;
    private final int lockHalf;
    private final int lookahead;
    private final int maxHop;
    private final double latency;
    private final TimeMap map;

    private boolean started;
    private long prevA;
    private long prevO;
    private boolean locked;
    private long lockStartA;
    private long lockEndA;
    private boolean anchored;
    private long anchorT0;
    private double anchorOffset;
    private double anchorStartO;
    private boolean lastInLock;
    private int lastHop;

    /**
     * @param lockHalf  half the span, in input frames, over which frames around an onset are locked to the
     *                  synthesis hop: half the longest window that must see the attack whole
     * @param lookahead how far past the previous frame onsets are considered, in input frames
     * @param maxHop    largest analysis hop allowed (phase unwrapping needs less than the frame size)
     */
    HopScheduler(int coarseHop, int fineHop, double coarseFromRatio, int lockHalf, int lookahead, int maxHop,
            double latency, TimeMap map) {
        this.coarseHop = coarseHop;
        this.fineHop = fineHop;
        this.coarseFromRatio = coarseFromRatio;
        this.lockHalf = lockHalf;
        this.lookahead = lookahead;
        this.maxHop = maxHop;
        this.latency = latency;
        this.map = map;
    }

    void reset(long firstOutputCentre) {
        started = false;
        int hop = hopAt(firstOutputCentre - latency);
        prevO = firstOutputCentre - hop;
        prevA = Math.round(map.inputAt(firstOutputCentre - latency)) - hop;
        lastHop = hop;
        locked = false;
        anchored = false;
        lastInLock = false;
    }

    /** Output centre of the next frame. */
    long nextOutputCentre() {
        return prevO + hopAt(prevO - latency);
    }

    /** Synthesis hop of the frame last scheduled. */
    int lastHop() {
        return lastHop;
    }

    /**
     * The coarse hop while the effective ratio is at least {@code coarseFromRatio} (and the analysis hop it
     * implies stays within {@code maxHop}), the fine one below.
     */
    private int hopAt(double stretched) {
        double ratio = map.ratioAtStretched(stretched);
        return ratio >= coarseFromRatio && coarseHop / ratio <= maxHop ? coarseHop : fineHop;
    }

    /** Output centre of the frame last scheduled. */
    long previousOutputCentre() {
        return prevO;
    }

    /** Analysis centre of the previous frame (before the first: one hop before the first frame's ideal). */
    long previousAnalysisCentre() {
        return prevA;
    }

    /** Whether the frame last scheduled lies in a locked region around an onset. */
    boolean lastInLock() {
        return lastInLock;
    }

    /** Horizon past the previous analysis centre within which onsets must be known before scheduling. */
    int lookahead() {
        return lookahead;
    }

    /**
     * Analysis centre of the next frame. Consumes from {@code detector} the onsets it acts on; the caller
     * guarantees that every onset up to {@code previousAnalysisCentre() + lookahead} has been reported.
     */
    long next(TransientDetector detector) {
        int synthesisHop = hopAt(prevO - latency);
        lastHop = synthesisHop;
        long o = prevO + synthesisHop;
        double stretched = o - latency;
        double aIdeal = map.inputAt(stretched);
        double nominal = synthesisHop / map.ratioAtStretched(stretched);
        long a;
        if (!started) {
            a = Math.round(aIdeal);
            started = true;
            lastInLock = false;
            dropPassedOnsets(detector, a);
            return commit(o, a);
        }
        long horizon = prevA + lookahead;

        if (locked) {
            extendLock(detector, horizon);
            long candidate = prevA + synthesisHop;
            if (candidate < lockEndA) {
                lastInLock = true;
                return commit(o, candidate);
            }
            locked = false;
        }
        lastInLock = false;

        if (!anchored) {
            dropPassedOnsets(detector, prevA);
            double lo = Math.max(1.0, STEER_MIN * nominal);
            double hi = Math.min(maxHop, STEER_MAX * nominal);
            while (!anchored && detector.hasOnset() && detector.peekOnset() <= horizon) {
                long t0 = detector.peekOnset();
                detector.popOnset();
                // Keep output minus input constant through the region, at the offset that puts t0 on time.
                double offset = map.stretchedAt(t0) + latency - t0;
                double startO = t0 - lockHalf + offset;
                // Anchor only what the bounded hops can reach; otherwise the region would drag the whole
                // schedule off the ideal map (an attack missed here is still rendered, just not locked).
                double frames = Math.max(1, Math.ceil((startO - o) / synthesisHop) + 1);
                double correction = offset - (prevO - prevA);
                double reachable = frames * (correction > 0 ? synthesisHop - lo : hi - synthesisHop);
                if (Math.abs(correction) <= reachable && prevA + synthesisHop < t0) {
                    anchored = true;
                    anchorT0 = t0;
                    anchorOffset = offset;
                    anchorStartO = startO;
                }
            }
        }

        double lo = Math.max(1.0, STEER_MIN * nominal);
        double hi = Math.min(maxHop, STEER_MAX * nominal);
        if (anchored) {
            if (o >= anchorStartO || prevA + synthesisHop >= anchorT0) {
                // First frame of the region: land on the anchor offset as closely as the hop bounds allow.
                double hop = clamp(o - anchorOffset - prevA, lo, hi);
                a = prevA + Math.round(hop);
                anchored = false;
                locked = true;
                lockStartA = a;
                lockEndA = anchorT0 + lockHalf;
                lastInLock = a < lockEndA;
                return commit(o, a);
            }
            // Spread the offset correction evenly over the frames left before the region.
            long framesLeft = (long) Math.ceil((anchorStartO - o) / synthesisHop) + 1;
            double currentOffset = prevO - prevA;
            double hop = synthesisHop - (anchorOffset - currentOffset) / framesLeft;
            a = prevA + Math.round(clamp(hop, lo, hi));
            return commit(o, a);
        }

        double hop = clamp(aIdeal - prevA, (1 - RETURN_SPAN) * nominal, (1 + RETURN_SPAN) * nominal);
        a = prevA + Math.round(Math.min(hop, maxHop));
        return commit(o, a);
    }

    private long commit(long o, long a) {
        prevO = o;
        prevA = a;
        return a;
    }

    /** Onsets that fall inside the running region, or just after it, extend it (up to a limit). */
    private void extendLock(TransientDetector detector, long horizon) {
        while (detector.hasOnset() && detector.peekOnset() <= horizon) {
            long t = detector.peekOnset();
            if (t < lockEndA + lockHalf && t + lockHalf - lockStartA <= (long) MAX_LOCK_REGIONS * 2 * lockHalf) {
                lockEndA = Math.max(lockEndA, t + lockHalf);
                detector.popOnset();
            } else if (t < lockEndA) {
                detector.popOnset();
            } else {
                break;
            }
        }
    }

    /** Onsets whose attack the analysis has already passed cannot be anchored any more. */
    private static void dropPassedOnsets(TransientDetector detector, long analysisCentre) {
        while (detector.hasOnset() && detector.peekOnset() < analysisCentre) {
            detector.popOnset();
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
