package io.djia.app.render;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import io.djia.generate.GenerationRequest;
import io.djia.generate.brain.Decision;
import io.djia.generate.brain.ManageLayer;
import io.djia.generate.brain.SetKey;
import io.djia.generate.brain.SetPhase;
import io.djia.generate.brain.SetState;
import io.djia.generate.brain.Speech;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a set has playing, decision by decision: the active layers, the phase, the key and the last decisions,
 * and the rules that hold whatever a brain says (at most {@code maxLayers} layers, one main rhythm layer).
 * Each applied decision becomes layer events on a bar. Shared by the offline planner and the live engine.
 *
 * <p>Not thread-safe: one planning thread owns it.
 */
public final class Arrangement {
    /** How many decisions a brain sees of what it decided before. */
    public static final int RECENT_DECISIONS = 6;

    private final Map<String, SetState.ActiveLayer> active = new LinkedHashMap<>();
    private final Map<String, LayerRole> roles = new LinkedHashMap<>();
    private final Deque<Decision> recent = new ArrayDeque<>();
    private StyleProfile profile;
    private Key key;
    private String phase;

    /** An empty arrangement in the profile's key and first phase. */
    public Arrangement(StyleProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("a profile is required");
        }
        this.profile = profile;
        this.key = profile.parsedKey();
        this.phase = profile.phases().get(0).name();
    }

    public StyleProfile profile() {
        return profile;
    }

    /** Changes the style for decisions and clips from now on; layers that play keep playing. */
    public void setProfile(StyleProfile newProfile) {
        if (newProfile == null) {
            throw new IllegalArgumentException("a profile is required");
        }
        profile = newProfile;
    }

    /** The key new clips are made in. */
    public Key key() {
        return key;
    }

    public void setKey(Key newKey) {
        if (newKey == null) {
            throw new IllegalArgumentException("a key is required");
        }
        key = newKey;
    }

    public String phase() {
        return phase;
    }

    /** The layers playing (as far as the applied decisions go), in the order they started. */
    public List<SetState.ActiveLayer> activeLayers() {
        return List.copyOf(active.values());
    }

    public boolean isPlaying(String layerId) {
        return active.containsKey(layerId);
    }

    /**
     * Records that {@code start}'s layer is what plays in its slot, whatever was decided since: for a live set whose
     * replacement clip could not be made, so the old one plays on.
     */
    public void restore(LayerEvent.Start start) {
        Optional<LayerType> type = profile.layerType(start.request().layerType());
        active.put(start.layerId(), new SetState.ActiveLayer(start.layerId(), start.request().layerType(),
                start.stems(), start.playback().volume(), start.bar(), start.request().bars()));
        roles.put(start.layerId(), type.map(LayerType::role).orElse(null));
    }

    /** The last {@value #RECENT_DECISIONS} decisions, oldest first. */
    public List<Decision> recentDecisions() {
        return List.copyOf(recent);
    }

    /** What a brain gets to decide on at {@code bar}. */
    public SetState state(Tempo tempo, long bar, long totalBars, double elapsedSeconds, String userRequest, long seed) {
        return new SetState(profile, tempo, key, phase, bar, totalBars, elapsedSeconds, activeLayers(),
                recentDecisions(), userRequest, seed);
    }

    /**
     * Applies one decision at {@code bar} and returns the layer events it causes (none for a phase or key change).
     * Corrections made to keep the rules are added to {@code notes}. A tempo decision changes nothing here: the
     * caller decides whether its set can change tempo.
     *
     * @param tempo      the tempo new clips are made at
     * @param sampleRate the rate new clips are made at
     * @param seed       the set's seed, from which each clip's seed is derived
     */
    public List<LayerEvent> apply(Decision decision, long bar, Tempo tempo, int sampleRate, long seed,
                                  List<String> notes) {
        List<LayerEvent> events = new ArrayList<>();
        if (decision instanceof ManageLayer manage) {
            applyManage(manage, bar, tempo, sampleRate, seed, events, notes);
        } else if (decision instanceof SetPhase setPhase) {
            phase = setPhase.newPhase();
        } else if (decision instanceof SetKey setKey) {
            Key next = Key.parse(setKey.key());
            if (!next.isCompatibleWith(key)) {
                notes.add("key change from " + key + " to " + next
                        + " is not a neighbour on the Camelot wheel; applied to new clips only");
            }
            key = next;
        } else if (decision instanceof Speech speech) {
            events.add(new LayerEvent.Speak(bar, speech.text(), speech.energy()));
        }
        recent.addLast(decision);
        if (recent.size() > RECENT_DECISIONS) {
            recent.removeFirst();
        }
        return events;
    }

    private void applyManage(ManageLayer manage, long bar, Tempo tempo, int sampleRate, long seed,
                             List<LayerEvent> events, List<String> notes) {
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
                    stop(e.getKey(), bar, ManageLayer.StopBehavior.FADE_OUT_BAR, events);
                }
            }
        }
        if (!active.containsKey(id) && active.size() >= profile.maxLayers()) {
            String oldest = active.keySet().stream().filter(k -> roles.get(k) != LayerRole.RHYTHM).findFirst()
                    .orElse(active.keySet().iterator().next());
            notes.add("removed \"" + oldest + "\": at most " + profile.maxLayers() + " layers at once");
            stop(oldest, bar, ManageLayer.StopBehavior.FADE_OUT_BAR, events);
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

    private void stop(String id, long bar, ManageLayer.StopBehavior behavior, List<LayerEvent> events) {
        active.remove(id);
        roles.remove(id);
        events.add(new LayerEvent.Stop(bar, id, behavior));
    }

    /** A clip's seed from the set's seed, its bar and its slot: stable under unrelated changes to the plan. */
    public static long clipSeed(long seed, long bar, String layerId) {
        long z = seed * 0x9E3779B97F4A7C15L + bar * 0xBF58476D1CE4E5B9L + layerId.hashCode() * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
