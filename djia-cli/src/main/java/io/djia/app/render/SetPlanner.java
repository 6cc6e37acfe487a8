package io.djia.app.render;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import io.djia.generate.GenerationRequest;
import io.djia.generate.brain.Brain;
import io.djia.generate.brain.Decision;
import io.djia.generate.brain.ManageLayer;
import io.djia.generate.brain.SetKey;
import io.djia.generate.brain.SetPhase;
import io.djia.generate.brain.SetState;
import io.djia.generate.brain.SetTempo;
import io.djia.generate.brain.Speech;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a brain for decisions at every loop boundary of a set and turns them into layer events, keeping the
 * set's rules whatever the brain says: at most {@code maxLayers} layers, one main rhythm layer, one tempo.
 *
 * <p>Planning needs no audio, so the whole set is planned first and its clips can then be made in parallel.
 */
public final class SetPlanner {
    private static final int RECENT_DECISIONS = 6;

    /**
     * Plans a set.
     *
     * @param profile     style (with any tempo/key overrides already applied)
     * @param totalFrames exact length in frames
     * @param sampleRate  output rate
     * @param brain       who decides
     * @param seed        the set's seed
     */
    public SetPlan plan(StyleProfile profile, long totalFrames, int sampleRate, Brain brain, long seed) {
        Tempo tempo = profile.tempo();
        Key setKey = profile.parsedKey();
        long totalBars = (long) Math.ceil(totalFrames / tempo.samplesPerBar(sampleRate) - 1e-9);
        int step = profile.loopBars();

        Map<String, SetState.ActiveLayer> active = new LinkedHashMap<>();
        Map<String, LayerRole> roles = new LinkedHashMap<>();
        Deque<Decision> recent = new ArrayDeque<>();
        List<TimedDecision> decisions = new ArrayList<>();
        List<LayerEvent> events = new ArrayList<>();
        List<SetPlan.PhaseMark> phases = new ArrayList<>();
        String phase = profile.phases().get(0).name();
        phases.add(new SetPlan.PhaseMark(phase, 0));
        Key key = setKey;

        // The last loop boundary that still leaves a full loop before the end gets decisions; after it the set ends.
        for (long bar = 0; bar < totalBars; bar += step) {
            double seconds = tempo.frameOfBar(bar, sampleRate) / (double) sampleRate;
            SetState state = new SetState(profile, tempo, key, phase, bar, totalBars, seconds,
                    List.copyOf(active.values()), List.copyOf(recent), "", seed);
            List<Decision> decided = brain.decide(state);
            List<String> brainNotes = brain.lastNotes();
            for (Decision decision : decided) {
                // The brain's own notes (model corrections, fallbacks) go with the first decision of the call.
                List<String> notes = new ArrayList<>(decision == decided.get(0) ? brainNotes : List.of());
                if (decision instanceof ManageLayer manage) {
                    applyManage(profile, manage, bar, key, tempo, sampleRate, seed, active, roles, events, notes);
                } else if (decision instanceof SetPhase setPhase) {
                    if (!setPhase.newPhase().equals(phase)) {
                        phase = setPhase.newPhase();
                        phases.add(new SetPlan.PhaseMark(phase, bar));
                    }
                } else if (decision instanceof SetKey setKeyDecision) {
                    Key next = Key.parse(setKeyDecision.key());
                    if (!next.isCompatibleWith(key)) {
                        notes.add("key change from " + key + " to " + next + " is not a neighbour on the Camelot wheel; applied to new clips only");
                    }
                    key = next;
                } else if (decision instanceof SetTempo) {
                    notes.add("ignored: an offline set keeps one tempo (" + tempo.bpm() + " BPM)");
                } else if (decision instanceof Speech speech) {
                    events.add(new LayerEvent.Speak(bar, speech.text(), speech.energy()));
                }
                decisions.add(new TimedDecision(bar, seconds, decision, notes));
                recent.addLast(decision);
                if (recent.size() > RECENT_DECISIONS) {
                    recent.removeFirst();
                }
            }
        }
        return new SetPlan(profile, tempo, setKey, totalFrames, totalBars, sampleRate, decisions, events, phases);
    }

    private static void applyManage(StyleProfile profile, ManageLayer manage, long bar, Key key, Tempo tempo,
                                    int sampleRate, long seed, Map<String, SetState.ActiveLayer> active,
                                    Map<String, LayerRole> roles, List<LayerEvent> events, List<String> notes) {
        String id = manage.layerId();
        if (manage.operation() == ManageLayer.LayerOperation.REMOVE) {
            if (active.remove(id) == null) {
                notes.add("ignored: no layer \"" + id + "\" is playing");
                return;
            }
            roles.remove(id);
            events.add(new LayerEvent.Stop(bar, id, manage.stopBehavior()));
            return;
        }
        ManageLayer.SampleDetails details = manage.sampleDetails();
        Optional<LayerType> type = profile.layerType(details.type());
        if (type.isEmpty()) {
            notes.add("ignored: layer type \"" + details.type() + "\" is not in profile " + profile.name());
            return;
        }
        LayerRole role = type.get().role();
        if (role == LayerRole.RHYTHM) {
            for (Map.Entry<String, LayerRole> e : List.copyOf(roles.entrySet())) {
                if (e.getValue() == LayerRole.RHYTHM && !e.getKey().equals(id)) {
                    notes.add("replaced rhythm layer \"" + e.getKey() + "\": one main rhythm layer at a time");
                    stop(e.getKey(), bar, ManageLayer.StopBehavior.FADE_OUT_BAR, active, roles, events);
                }
            }
        }
        if (!active.containsKey(id) && active.size() >= profile.maxLayers()) {
            String oldest = active.keySet().stream().filter(k -> roles.get(k) != LayerRole.RHYTHM).findFirst()
                    .orElse(active.keySet().iterator().next());
            notes.add("removed \"" + oldest + "\": at most " + profile.maxLayers() + " layers at once");
            stop(oldest, bar, ManageLayer.StopBehavior.FADE_OUT_BAR, active, roles, events);
        }
        Key clipKey = key;
        if (details.key() != null && !details.key().isBlank()) {
            try {
                clipKey = Key.parse(details.key());
            } catch (IllegalArgumentException e) {
                notes.add("kept the set key: " + e.getMessage());
            }
        }
        long clipSeed = clipSeed(seed, bar, id);
        GenerationRequest request = new GenerationRequest(profile, type.get().name(), details.musicgenPromptKeywords(),
                "", clipKey, tempo, details.measures(), details.intensity(), clipSeed, sampleRate);
        events.add(new LayerEvent.Start(bar, id, request, manage.playbackParams(), manage.effects(),
                details.preferredStems()));
        active.put(id, new SetState.ActiveLayer(id, type.get().name(), details.preferredStems(),
                manage.playbackParams().volume(), bar, details.measures()));
        roles.put(id, role);
    }

    private static void stop(String id, long bar, ManageLayer.StopBehavior behavior,
                             Map<String, SetState.ActiveLayer> active, Map<String, LayerRole> roles,
                             List<LayerEvent> events) {
        active.remove(id);
        roles.remove(id);
        events.add(new LayerEvent.Stop(bar, id, behavior));
    }

    /** A clip's seed from the set's seed, its bar and its slot: stable under unrelated changes to the plan. */
    static long clipSeed(long seed, long bar, String layerId) {
        long z = seed * 0x9E3779B97F4A7C15L + bar * 0xBF58476D1CE4E5B9L + layerId.hashCode() * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
