package io.djia.generate.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.Phase;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhasePlanTest {
    @Test
    void boundariesFollowTheWeightsOnLoopBoundaries() {
        for (StyleProfile profile : ProfileLibrary.builtIns()) {
            long total = SetSimulator.barsIn(profile, 10);
            List<Long> starts = PhasePlan.of(profile, total).startBars();
            double weightSum = profile.phases().stream().mapToDouble(Phase::weight).sum();
            double cumulative = 0;
            for (int i = 0; i < starts.size(); i++) {
                double ideal = cumulative / weightSum * total;
                assertEquals(0, starts.get(i) % profile.loopBars(), profile.name() + " start on a loop boundary");
                assertEquals(ideal, starts.get(i), profile.loopBars() / 2.0 + 1e-9, profile.name() + " phase " + i);
                if (i > 0) {
                    assertTrue(starts.get(i) > starts.get(i - 1));
                }
                cumulative += profile.phases().get(i).weight();
            }
        }
    }

    @Test
    void techno315BarsSplitOneOneTwoOneOne() {
        StyleProfile techno = ProfileLibrary.load("techno_minimal");
        PhasePlan plan = PhasePlan.of(techno, 315);
        // 315 / 6 = 52.5 bars per weight: 52.5, 105, 210, 262.5 rounded to whole 4-bar loops (ties up).
        assertEquals(List.of(0L, 52L, 104L, 212L, 264L), plan.startBars());
        assertEquals("drop", plan.phaseAt(211).name());
        assertEquals("breakdown", plan.phaseAt(212).name());
        assertEquals(0.5, plan.progress(158), 1e-9);
        assertEquals(315, plan.phaseEndBar(300));
    }

    @Test
    void shortSetStillVisitsEveryPhase() {
        StyleProfile dnb = ProfileLibrary.load("jungle_dnb");
        PhasePlan plan = PhasePlan.of(dnb, 6 * 4);
        for (int i = 0; i < 6; i++) {
            assertEquals(dnb.phases().get(i).name(), plan.phaseAt(4L * i).name());
        }
    }

    @Test
    void openEndedCycles() {
        StyleProfile techno = ProfileLibrary.load("techno_minimal");
        PhasePlan plan = PhasePlan.of(techno, 0, 16);
        // weights 1,1,2,1,1 -> 16,16,32,16,16 = 96 bars per cycle
        assertEquals("intro", plan.phaseAt(0).name());
        assertEquals("drop", plan.phaseAt(40).name());
        assertEquals("outro", plan.phaseAt(95).name());
        assertEquals("intro", plan.phaseAt(96).name());
        assertEquals(1, plan.cycleAt(96));
        assertEquals(128, plan.phaseStartBar(130));
        assertThrows(IllegalArgumentException.class, () -> PhasePlan.of(techno, -1));
    }
}
