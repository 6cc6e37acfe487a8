package io.djia.generate.brain;

import io.djia.core.profile.Phase;
import io.djia.core.profile.StyleProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each of a profile's phases starts, in bars. A planned set shares its length among the phases by
 * their weights, with every boundary on a loop boundary ({@link StyleProfile#loopBars()}) and every phase at
 * least one loop long when the set is long enough. An open-ended set (total bars 0) cycles through the phases,
 * each lasting {@code barsPerWeight x weight} bars, rounded to whole loops. Immutable.
 */
public final class PhasePlan {
    /** Bars per unit of phase weight in an open-ended set: 32 bars is a typical track section. */
    public static final int DEFAULT_OPEN_ENDED_BARS_PER_WEIGHT = 32;

    private final StyleProfile profile;
    private final long totalBars;
    /** Start bar of each phase; for an open-ended set, within one cycle. */
    private final long[] starts;
    /** Length of one cycle for an open-ended set, else the set length. */
    private final long cycleBars;

    private PhasePlan(StyleProfile profile, long totalBars, long[] starts, long cycleBars) {
        this.profile = profile;
        this.totalBars = totalBars;
        this.starts = starts;
        this.cycleBars = cycleBars;
    }

    /**
     * Plans a set.
     *
     * @param totalBars     set length in bars, or 0 for an open-ended set
     * @param barsPerWeight bars per unit of weight when open-ended (ignored otherwise)
     */
    public static PhasePlan of(StyleProfile profile, long totalBars, int barsPerWeight) {
        if (profile == null) {
            throw new IllegalArgumentException("a phase plan needs a profile");
        }
        if (totalBars < 0) {
            throw new IllegalArgumentException("total bars must be >= 0 (0 = open-ended), got " + totalBars);
        }
        if (barsPerWeight < 1) {
            throw new IllegalArgumentException("bars per weight must be >= 1, got " + barsPerWeight);
        }
        List<Phase> phases = profile.phases();
        int n = phases.size();
        int loop = profile.loopBars();
        long[] starts = new long[n];
        if (totalBars == 0) {
            long at = 0;
            for (int i = 0; i < n; i++) {
                starts[i] = at;
                long loops = Math.max(1, Math.round(phases.get(i).weight() * barsPerWeight / loop));
                at += loops * loop;
            }
            return new PhasePlan(profile, 0, starts, at);
        }
        double weightSum = phases.stream().mapToDouble(Phase::weight).sum();
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = Math.round(cumulative / weightSum * totalBars / loop) * loop;
            cumulative += phases.get(i).weight();
        }
        starts[0] = 0;
        // Every phase gets at least one loop when the set has room for all of them.
        if (totalBars >= (long) n * loop) {
            for (int i = 1; i < n; i++) {
                starts[i] = Math.max(starts[i], starts[i - 1] + loop);
            }
            for (int i = n - 1; i >= 1; i--) {
                long latest = totalBars - (long) (n - i) * loop;
                latest -= Math.floorMod(latest, loop);
                starts[i] = Math.min(starts[i], latest);
            }
        }
        return new PhasePlan(profile, totalBars, starts, totalBars);
    }

    /** A plan with the default open-ended phase length. */
    public static PhasePlan of(StyleProfile profile, long totalBars) {
        return of(profile, totalBars, DEFAULT_OPEN_ENDED_BARS_PER_WEIGHT);
    }

    public boolean openEnded() {
        return totalBars == 0;
    }

    /** Index into {@link StyleProfile#phases()} of the phase playing at {@code bar}. */
    public int phaseIndexAt(long bar) {
        long local = localBar(bar);
        int index = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= local && (i + 1 == starts.length || starts[i + 1] > starts[i])) {
                index = i;
            }
        }
        return index;
    }

    public Phase phaseAt(long bar) {
        return profile.phases().get(phaseIndexAt(bar));
    }

    /** First bar of the phase playing at {@code bar} (absolute, also for open-ended sets). */
    public long phaseStartBar(long bar) {
        return cycleOffset(bar) + starts[phaseIndexAt(bar)];
    }

    /** Bar after the last bar of the phase playing at {@code bar} (absolute). */
    public long phaseEndBar(long bar) {
        int i = phaseIndexAt(bar);
        long end = i + 1 < starts.length ? starts[i + 1] : cycleBars;
        return cycleOffset(bar) + Math.max(end, starts[i] + 1);
    }

    /** How far into its phase {@code bar} is: 0 at the phase's first bar, approaching 1 at its end. */
    public double progress(long bar) {
        long start = phaseStartBar(bar);
        long end = phaseEndBar(bar);
        return Math.min(1.0, Math.max(0.0, (double) (bar - start) / (end - start)));
    }

    /** How many times an open-ended set has gone round all phases before {@code bar} (0 for a planned set). */
    public long cycleAt(long bar) {
        return totalBars == 0 ? Math.floorDiv(bar, cycleBars) : 0;
    }

    /** Phase start bars of a planned set (or of the first cycle of an open-ended one), one per phase. */
    public List<Long> startBars() {
        List<Long> out = new ArrayList<>(starts.length);
        for (long s : starts) {
            out.add(s);
        }
        return List.copyOf(out);
    }

    private long localBar(long bar) {
        return totalBars == 0 ? Math.floorMod(bar, cycleBars) : bar;
    }

    private long cycleOffset(long bar) {
        return totalBars == 0 ? Math.floorDiv(bar, cycleBars) * cycleBars : 0;
    }
}
