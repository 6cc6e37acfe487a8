package io.djia.generate.brain;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A minimal renderer stand-in: calls a brain at every loop boundary and applies its decisions to a layer list,
 * failing as soon as an applied decision breaks a rule of the set (too many layers, two beats, removing a layer
 * that does not play).
 */
final class SetSimulator {
    /** What happened at one decision point. */
    record Step(long bar, String phaseBefore, List<Decision> decisions, List<SetState.ActiveLayer> layersAfter,
                String phaseAfter, Tempo tempoAfter, Key keyAfter) {
    }

    private SetSimulator() {
    }

    static long barsIn(StyleProfile profile, double minutes) {
        return (long) Math.floor(minutes * 60 / profile.tempo().secondsPerBar());
    }

    /** Runs a set of {@code totalBars} (0 = open-ended, then runs {@code runBars}); requests keyed by bar. */
    static List<Step> run(Brain brain, StyleProfile profile, long totalBars, long runBars, long seed,
                          Map<Long, String> requests) {
        List<Step> steps = new ArrayList<>();
        List<SetState.ActiveLayer> layers = new ArrayList<>();
        List<Decision> recent = new ArrayList<>();
        Tempo tempo = profile.tempo();
        Key key = profile.parsedKey();
        String phase = "";
        double seconds = 0;
        long end = totalBars > 0 ? totalBars : runBars;
        for (long bar = 0; bar < end; bar += profile.loopBars()) {
            SetState state = new SetState(profile, tempo, key, phase, bar, totalBars, seconds, layers,
                    recent, requests.getOrDefault(bar, ""), seed);
            List<Decision> decisions = brain.decide(state);
            String before = phase;
            for (Decision d : decisions) {
                if (d instanceof SetPhase p) {
                    phase = p.newPhase();
                } else if (d instanceof SetTempo t) {
                    tempo = tempo.withBpm(t.bpm());
                } else if (d instanceof SetKey k) {
                    key = Key.parse(k.key());
                } else if (d instanceof ManageLayer m) {
                    apply(profile, layers, m, bar);
                }
                recent.add(d);
                if (recent.size() > 6) {
                    recent.remove(0);
                }
            }
            steps.add(new Step(bar, before, decisions, List.copyOf(layers), phase, tempo, key));
            seconds += profile.loopBars() * tempo.secondsPerBar();
        }
        return steps;
    }

    static void apply(StyleProfile profile, List<SetState.ActiveLayer> layers, ManageLayer m, long bar) {
        int index = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).layerId().equals(m.layerId())) {
                index = i;
            }
        }
        if (m.operation() == ManageLayer.LayerOperation.REMOVE) {
            if (index < 0) {
                throw new AssertionError("bar " + bar + ": remove of " + m.layerId() + " which does not play: " + layers);
            }
            layers.remove(index);
            return;
        }
        LayerType type = profile.layerType(m.sampleDetails().type())
                .orElseThrow(() -> new AssertionError("bar " + bar + ": type " + m.sampleDetails().type()
                        + " not in " + profile.name()));
        SetState.ActiveLayer layer = new SetState.ActiveLayer(m.layerId(), type.name(), m.sampleDetails().preferredStems(),
                m.playbackParams().volume(), bar, m.sampleDetails().measures());
        if (index >= 0) {
            layers.set(index, layer);
        } else {
            layers.add(layer);
        }
        if (layers.size() > profile.maxLayers()) {
            throw new AssertionError("bar " + bar + ": " + layers.size() + " layers > max " + profile.maxLayers()
                    + " after " + DecisionJson.toJson(m));
        }
        long rhythms = layers.stream().filter(l -> role(profile, l) == LayerRole.RHYTHM).count();
        if (rhythms > 1) {
            throw new AssertionError("bar " + bar + ": two rhythm layers after " + DecisionJson.toJson(m) + ": " + layers);
        }
    }

    static LayerRole role(StyleProfile profile, SetState.ActiveLayer layer) {
        return profile.layerType(layer.type()).map(LayerType::role).orElse(null);
    }
}
