package io.djia.generate.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.generate.brain.ManageLayer.LayerOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleBrainTest {
    private static final long SEED = 20240607L;
    private final RuleBrain brain = new RuleBrain();

    @Test
    void tenMinuteSetsKeepTheRulesInEveryProfile() {
        for (StyleProfile profile : ProfileLibrary.builtIns()) {
            long total = SetSimulator.barsIn(profile, 10);
            // SetSimulator fails on more than max layers, two beats or removing a silent layer.
            List<SetSimulator.Step> steps = SetSimulator.run(brain, profile, total, 0, SEED, Map.of());
            DecisionValidator validator = new DecisionValidator(profile);
            List<String> phases = new ArrayList<>();
            int speeches = 0;
            int withRhythm = 0;
            for (SetSimulator.Step step : steps) {
                for (Decision d : step.decisions()) {
                    assertFalse(d.reasoning().isBlank(), profile.name() + " decision without reasoning: " + d);
                    assertEquals(List.of(), validator.validate(d).corrections(),
                            profile.name() + " bar " + step.bar() + " needed corrections: " + DecisionJson.toJson(d));
                    assertEquals(d, DecisionJson.parse(DecisionJson.toJson(d)), "JSON round trip");
                    if (d instanceof SetPhase p) {
                        phases.add(p.newPhase());
                    } else if (d instanceof Speech) {
                        speeches++;
                    } else if (d instanceof ManageLayer m && m.operation() == LayerOperation.ADD_REPLACE) {
                        checkAdd(profile, m);
                    }
                }
                if (step.layersAfter().stream().anyMatch(l -> SetSimulator.role(profile, l) == LayerRole.RHYTHM)) {
                    withRhythm++;
                }
            }
            assertEquals(profile.phases().stream().map(Phase::name).toList(), phases,
                    profile.name() + ": every phase once, in order");
            assertTrue(speeches >= 1 && speeches <= 3, profile.name() + " speeches: " + speeches);
            assertTrue(withRhythm >= 0.6 * steps.size(), profile.name() + " beat in only " + withRhythm + " of "
                    + steps.size() + " loops");
        }
    }

    private static void checkAdd(StyleProfile profile, ManageLayer m) {
        ManageLayer.SampleDetails s = m.sampleDetails();
        LayerType type = profile.layerType(s.type()).orElseThrow();
        assertEquals(profile.loopBars(), s.measures(), "measures = the profile's loop length");
        assertTrue(s.intensity() >= profile.intensityMin() && s.intensity() <= profile.intensityMax(),
                "intensity in the profile's range: " + s.intensity());
        String stem = switch (type.role()) {
            case RHYTHM, PERCUSSION -> "drums";
            case BASS -> "bass";
            default -> "other";
        };
        assertEquals(List.of(stem), s.preferredStems());
        assertTrue(s.musicgenPromptKeywords().containsAll(type.keywords()));
        assertTrue(s.musicgenPromptKeywords().stream().anyMatch(profile.keywords()::contains), "a style keyword");
        if (type.role() == LayerRole.RHYTHM || type.role() == LayerRole.BASS) {
            assertEquals(0.0, m.playbackParams().pan(), 0.0, "beat and bass centred");
        }
        assertEquals(ManageLayer.StartBehavior.NEXT_BAR, m.playbackParams().startBehavior());
        assertEquals(ManageLayer.StopBehavior.FADE_OUT_BAR, m.stopBehavior());
        assertTrue(m.effects().containsAll(type.effects()), "the layer type's own effects come first");
    }

    @Test
    void eachLongPhaseReachesItsTargetLayerCount() {
        for (StyleProfile profile : ProfileLibrary.builtIns()) {
            long total = SetSimulator.barsIn(profile, 10);
            List<SetSimulator.Step> steps = SetSimulator.run(brain, profile, total, 0, SEED, Map.of());
            PhasePlan plan = PhasePlan.of(profile, total);
            for (int i = 0; i < steps.size(); i++) {
                SetSimulator.Step step = steps.get(i);
                boolean lastLoopOfPhase = i + 1 == steps.size() || !steps.get(i + 1).phaseAfter().equals(step.phaseAfter());
                long phaseLoops = (plan.phaseEndBar(step.bar()) - plan.phaseStartBar(step.bar())) / profile.loopBars();
                if (lastLoopOfPhase && phaseLoops >= 3) {
                    Phase phase = plan.phaseAt(step.bar());
                    assertEquals(Math.min(phase.targetLayers(), profile.maxLayers()), step.layersAfter().size(),
                            profile.name() + " " + phase.name() + " at bar " + step.bar() + ": " + step.layersAfter());
                }
            }
        }
    }

    @Test
    void beatlessAndBreakdownPhasesTreatTheBeat() {
        StyleProfile ambient = ProfileLibrary.load("experimental");
        long total = SetSimulator.barsIn(ambient, 10);
        List<SetSimulator.Step> steps = SetSimulator.run(brain, ambient, total, 0, SEED, Map.of());
        PhasePlan plan = PhasePlan.of(ambient, total);
        for (SetSimulator.Step step : steps) {
            String phase = step.phaseAfter();
            if (phase.equals("ambient") || phase.equals("reset")) {
                assertTrue(step.layersAfter().stream().noneMatch(l -> SetSimulator.role(ambient, l) == LayerRole.RHYTHM),
                        "no beat in " + phase + " at bar " + step.bar());
            }
        }
        StyleProfile techno = ProfileLibrary.load("techno_minimal");
        total = SetSimulator.barsIn(techno, 10);
        plan = PhasePlan.of(techno, total);
        long breakdownStart = plan.startBars().get(3);
        steps = SetSimulator.run(brain, techno, total, 0, SEED, Map.of());
        ManageLayer filtered = steps.stream().filter(s -> s.bar() == breakdownStart).flatMap(s -> s.decisions().stream())
                .filter(d -> d instanceof ManageLayer m && m.sampleDetails() != null && m.sampleDetails().type().equals("kick"))
                .map(ManageLayer.class::cast).findFirst().orElseThrow();
        assertTrue(filtered.effects().stream().anyMatch(e -> e.type() == io.djia.core.fx.EffectSpec.Type.HPF
                && e.cutoffHz() >= 300 && e.cutoffHz() <= 1000), "breakdown high-passes the kick: " + filtered.effects());
        // Through the build-up the low-pass on newly added layers opens: later cutoffs are higher.
        long buildStart = plan.startBars().get(1);
        long buildEnd = plan.startBars().get(2);
        double lastCutoff = 0;
        int seen = 0;
        for (SetSimulator.Step s : steps) {
            if (s.bar() < buildStart || s.bar() >= buildEnd) {
                continue;
            }
            for (Decision d : s.decisions()) {
                if (d instanceof ManageLayer m && m.operation() == LayerOperation.ADD_REPLACE) {
                    double cutoff = m.effects().stream().filter(e -> e.type() == io.djia.core.fx.EffectSpec.Type.LPF)
                            .mapToDouble(io.djia.core.fx.EffectSpec::cutoffHz).findFirst().orElseThrow();
                    assertTrue(cutoff >= lastCutoff, "low-pass opens: " + cutoff + " after " + lastCutoff);
                    lastCutoff = cutoff;
                    seen++;
                }
            }
        }
        assertTrue(seen >= 2, "build-up added layers: " + seen);
    }

    @Test
    void layersAreRefreshedAfterPlayingLong() {
        StyleProfile dub = ProfileLibrary.load("dub");
        List<SetSimulator.Step> steps = SetSimulator.run(brain, dub, 0, 600, SEED, Map.of());
        int refreshes = 0;
        for (SetSimulator.Step step : steps) {
            for (SetState.ActiveLayer layer : step.layersAfter()) {
                long age = step.bar() - layer.startedBar();
                boolean rhythm = SetSimulator.role(dub, layer) == LayerRole.RHYTHM;
                // Refresh after 16..32 bars (beat 32..64), at the next loop boundary with a free change.
                long limit = rhythm ? 64 + 2 * dub.loopBars() : 32 + 2 * dub.loopBars();
                assertTrue(age <= limit, layer.type() + " played " + age + " bars at bar " + step.bar());
            }
            refreshes += (int) step.decisions().stream().filter(d -> d.reasoning().contains("bars, so a new pattern")).count();
        }
        assertTrue(refreshes >= 5, "refreshes: " + refreshes);
    }

    @Test
    void sameSeedSameSetOtherSeedOtherSet() {
        StyleProfile profile = ProfileLibrary.load("deep_house");
        long total = SetSimulator.barsIn(profile, 10);
        String a = json(SetSimulator.run(brain, profile, total, 0, SEED, Map.of()));
        String b = json(SetSimulator.run(new RuleBrain(), profile, total, 0, SEED, Map.of()));
        String c = json(SetSimulator.run(brain, profile, total, 0, SEED + 1, Map.of()));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private static String json(List<SetSimulator.Step> steps) {
        StringBuilder sb = new StringBuilder();
        for (SetSimulator.Step s : steps) {
            for (Decision d : s.decisions()) {
                sb.append(s.bar()).append(' ').append(DecisionJson.toJson(d)).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void openEndedSetCyclesThroughThePhases() {
        StyleProfile profile = ProfileLibrary.load("hip_hop");
        RuleBrain shortPhases = new RuleBrain(8);
        List<SetSimulator.Step> steps = SetSimulator.run(shortPhases, profile, 0, 2 * 7 * 8 * 4, SEED, Map.of());
        List<String> phases = steps.stream().flatMap(s -> s.decisions().stream()).filter(d -> d instanceof SetPhase)
                .map(d -> ((SetPhase) d).newPhase()).toList();
        List<String> names = profile.phases().stream().map(Phase::name).toList();
        assertTrue(phases.size() > names.size(), "went round: " + phases);
        for (int i = 0; i < phases.size(); i++) {
            assertEquals(names.get(i % names.size()), phases.get(i));
        }
    }

    @Test
    void userRequestsComeFirst() {
        StyleProfile techno = ProfileLibrary.load("techno_minimal");
        long total = SetSimulator.barsIn(techno, 10);
        List<SetSimulator.Step> steps = SetSimulator.run(brain, techno, total, 0, SEED,
                Map.of(40L, "add a dark pad please", 80L, "no drums", 120L, "faster", 160L, "switch to the key of F minor"));
        SetSimulator.Step pad = step(steps, 40);
        ManageLayer add = pad.decisions().stream().filter(d -> d instanceof ManageLayer m
                && m.operation() == LayerOperation.ADD_REPLACE).map(ManageLayer.class::cast).findFirst().orElseThrow();
        assertEquals("pad", add.sampleDetails().type());
        assertTrue(add.reasoning().startsWith(RuleBrain.USER_PREFIX), add.reasoning());
        assertTrue(add.sampleDetails().musicgenPromptKeywords().contains("dark"));
        assertTrue(pad.layersAfter().stream().anyMatch(l -> l.type().equals("pad")));

        // "no drums" removes the kick and it stays out while the request is among the recent decisions.
        SetSimulator.Step noDrums = step(steps, 80);
        assertTrue(noDrums.layersAfter().stream().noneMatch(l -> l.type().equals("kick") || l.type().equals("percussion")));
        assertTrue(step(steps, 84).layersAfter().stream().noneMatch(l -> l.type().equals("kick")));

        assertEquals(techno.bpm() * 1.04, step(steps, 120).tempoAfter().bpm(), 0.5);
        assertEquals("F minor", step(steps, 160).keyAfter().displayName());
    }

    @Test
    void requestedLayerMakesRoomWhenTheMixIsFull() {
        StyleProfile rock = ProfileLibrary.load("rock");
        long total = SetSimulator.barsIn(rock, 10);
        PhasePlan plan = PhasePlan.of(rock, total);
        long inEnergetic = plan.startBars().get(1) + 4 * rock.loopBars();
        List<SetSimulator.Step> before = SetSimulator.run(brain, rock, total, 0, SEED, Map.of());
        assertEquals(rock.maxLayers(), step(before, inEnergetic - rock.loopBars()).layersAfter().size(), "full mix");
        List<SetSimulator.Step> steps = SetSimulator.run(brain, rock, total, 0, SEED, Map.of(inEnergetic, "fx"));
        SetSimulator.Step s = step(steps, inEnergetic);
        assertTrue(s.layersAfter().stream().anyMatch(l -> l.type().equals("fx")), s.layersAfter().toString());
        assertTrue(s.decisions().stream().anyMatch(d -> d instanceof ManageLayer m && m.operation() == LayerOperation.REMOVE));
    }

    private static SetSimulator.Step step(List<SetSimulator.Step> steps, long bar) {
        return steps.stream().filter(s -> s.bar() == bar).findFirst().orElseThrow();
    }

    @Test
    void brokenStateIsRepaired() {
        StyleProfile techno = ProfileLibrary.load("techno_minimal");
        List<SetState.ActiveLayer> layers = List.of(
                new SetState.ActiveLayer("kick_1", "kick", List.of("drums"), 0.8, 0, 4),
                new SetState.ActiveLayer("kick_2", "kick", List.of("drums"), 0.8, 4, 4),
                new SetState.ActiveLayer("bass_1", "bass", List.of("bass"), 0.8, 0, 4),
                new SetState.ActiveLayer("pad_1", "pad", List.of("other"), 0.8, 0, 4),
                new SetState.ActiveLayer("horns_1", "horns", List.of("other"), 0.8, 0, 4));
        SetState state = new SetState(techno, techno.tempo(), techno.parsedKey(), "drop", 120, 320, 0, layers,
                List.of(), "", SEED);
        List<SetState.ActiveLayer> after = new ArrayList<>(layers);
        for (Decision d : brain.decide(state)) {
            if (d instanceof ManageLayer m && m.operation() == LayerOperation.REMOVE) {
                after.removeIf(l -> l.layerId().equals(m.layerId()));
            }
        }
        assertTrue(after.stream().noneMatch(l -> l.type().equals("horns")), "foreign type removed");
        assertEquals(1, after.stream().filter(l -> l.type().equals("kick")).count(), "one beat");
        assertTrue(after.size() <= techno.maxLayers());
    }
}
