package io.djia.generate.brain;

import io.djia.core.fx.EffectSpec;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.generate.brain.ManageLayer.LayerOperation;
import io.djia.generate.brain.ManageLayer.PlaybackParams;
import io.djia.generate.brain.ManageLayer.SampleDetails;
import io.djia.generate.brain.ManageLayer.StartBehavior;
import io.djia.generate.brain.ManageLayer.StopBehavior;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded DJ: arranges a set from the profile's phases with fixed rules, the way a DJ builds a set from
 * loops. It plans phase boundaries ({@link PhasePlan}), builds layers up towards each phase's target count,
 * keeps at most {@link StyleProfile#maxLayers()} layers and one main rhythm layer (always in the same slot, so a
 * new beat replaces the old), filters or drops the beat in breakdowns and ambient phases, opens a low-pass through
 * a build-up, refreshes layers that have played for a while, and now and then drops a short spoken line at a peak.
 *
 * <p>A user request in {@link SetState#userRequest()} is honoured first: a layer type (or a word such as "drums",
 * "bass", "pad") adds that layer, "remove X" / "no X" / "stop X" / "mute X" removes it, "faster" / "slower" /
 * "130 bpm" change the tempo and "key of F minor" changes the key. The caller clears the request once it has been
 * decided on; while a user-requested removal of the beat is among the recent decisions the beat is not re-added.
 *
 * <p>Stateless and deterministic: the decisions are a function of the state alone (randomness from
 * {@code SplittableRandom(seed, bar)}), so the same state always gives the same decisions. At most
 * {@value #PHASE_START_CHANGES} layer changes are made on the first loop of a phase and
 * {@value #STEADY_CHANGES} on the others (a swap of one layer for another counts once), besides those a user
 * request asks for; applying the decisions in order never exceeds the layer limit. Thread-safe.
 */
public final class RuleBrain implements Brain {
    /** Layer changes on the first loop of a phase, where a DJ changes several loops at once. */
    public static final int PHASE_START_CHANGES = 3;
    /** Layer changes on other loops: one at a time keeps the groove continuous. */
    public static final int STEADY_CHANGES = 1;
    /** Reasoning prefix of decisions that honour a user request. */
    static final String USER_PREFIX = "The user asked for";

    private static final Map<String, List<String>> SPEECH_LINES = Map.of(
            "techno_minimal", List.of("Let's go deeper.", "Feel the pulse.", "Berlin, are you with me?"),
            "jungle_dnb", List.of("Big up all the junglists!", "Rollers, here we go!", "Rewind, and drop!"),
            "dub", List.of("Heavy roots, heavy culture.", "Echo chamber, selecta!", "Feel the riddim."),
            "hip_hop", List.of("Bring the beat back!", "Hands up, let's go!", "Yeah, this one's for you."),
            "rock", List.of("Make some noise!", "Turn it up!", "Are you ready?"),
            "deep_house", List.of("Let the music take you deeper.", "Feel the soul.", "Keep on moving."),
            "experimental", List.of("Embrace the chaos.", "Listen closer.", "Break it down."),
            "classical", List.of("The theme returns.", "Listen to the strings.", "And now, the finale."),
            "downtempo_ambient", List.of("Breathe in.", "Float away.", "Let it rise."),
            "trip_hop", List.of("Late night, low light.", "Slow it down.", "Into the dark."));
    private static final List<String> DEFAULT_LINES = List.of("Let's go deeper.", "Here we go!", "Feel it.");

    private static final Map<PhaseKind, List<LayerRole>> ADD_ORDER = new EnumMap<>(Map.of(
            PhaseKind.INTRO, List.of(LayerRole.HARMONY, LayerRole.BASS, LayerRole.TEXTURE, LayerRole.LEAD,
                    LayerRole.PERCUSSION, LayerRole.FX),
            PhaseKind.BUILD, List.of(LayerRole.BASS, LayerRole.PERCUSSION, LayerRole.FX, LayerRole.LEAD,
                    LayerRole.HARMONY, LayerRole.TEXTURE),
            PhaseKind.MAIN, List.of(LayerRole.BASS, LayerRole.LEAD, LayerRole.HARMONY, LayerRole.PERCUSSION,
                    LayerRole.TEXTURE, LayerRole.FX),
            PhaseKind.PEAK, List.of(LayerRole.BASS, LayerRole.LEAD, LayerRole.PERCUSSION, LayerRole.HARMONY,
                    LayerRole.FX, LayerRole.TEXTURE),
            PhaseKind.BREAKDOWN, List.of(LayerRole.HARMONY, LayerRole.TEXTURE, LayerRole.LEAD, LayerRole.FX,
                    LayerRole.BASS, LayerRole.PERCUSSION),
            PhaseKind.AMBIENT, List.of(LayerRole.HARMONY, LayerRole.TEXTURE, LayerRole.LEAD, LayerRole.BASS,
                    LayerRole.FX, LayerRole.PERCUSSION),
            PhaseKind.OUTRO, List.of(LayerRole.HARMONY, LayerRole.TEXTURE, LayerRole.BASS, LayerRole.LEAD,
                    LayerRole.FX, LayerRole.PERCUSSION)));
    /** Which layer goes first when there are too many: quiet phases lose the bass first, busy ones the accents. */
    private static final List<LayerRole> REMOVE_ORDER_QUIET = List.of(LayerRole.BASS, LayerRole.PERCUSSION,
            LayerRole.FX, LayerRole.LEAD, LayerRole.TEXTURE, LayerRole.HARMONY);
    private static final List<LayerRole> REMOVE_ORDER_BUSY = List.of(LayerRole.FX, LayerRole.TEXTURE,
            LayerRole.PERCUSSION, LayerRole.HARMONY, LayerRole.LEAD, LayerRole.BASS);

    private static final Map<String, LayerRole> ROLE_WORDS = LayerVocabulary.ROLE_WORDS;
    private static final Set<String> REMOVE_VERBS = Set.of("remove", "no", "stop", "kill", "mute", "cut", "without",
            "lose", "less");
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "some", "more", "please", "add",
            "give", "me", "with", "play", "put", "in", "of", "to", "it", "on", "bring", "we", "need", "want", "let",
            "lets", "let's", "can", "you", "i", "my", "our", "us", "is", "be", "that", "this", "now", "new", "back");
    private static final Pattern BPM = Pattern.compile("\\b(\\d{2,3}(?:\\.\\d+)?)\\s*bpm\\b");
    private static final Pattern KEY = Pattern.compile(
            "\\bkey\\s+(?:of\\s+|to\\s+)?([a-g](?:#|b|\\s+sharp|\\s+flat)?\\s*(?:major|minor|maj|min|m)?)\\b");

    private final int openEndedBarsPerWeight;

    public RuleBrain() {
        this(PhasePlan.DEFAULT_OPEN_ENDED_BARS_PER_WEIGHT);
    }

    /** @param openEndedBarsPerWeight bars per unit of phase weight when the set is open-ended (total bars 0) */
    public RuleBrain(int openEndedBarsPerWeight) {
        if (openEndedBarsPerWeight < 1) {
            throw new IllegalArgumentException("open-ended bars per weight must be >= 1, got " + openEndedBarsPerWeight);
        }
        this.openEndedBarsPerWeight = openEndedBarsPerWeight;
    }

    @Override
    public List<Decision> decide(SetState state) {
        if (state == null || state.profile() == null || state.key() == null || state.tempo() == null) {
            throw new IllegalArgumentException("the rule brain needs a state with a profile, key and tempo");
        }
        return new Step(state, plan(state)).run();
    }

    /** The phase plan this brain follows for the state's profile and set length. */
    public PhasePlan plan(SetState state) {
        return PhasePlan.of(state.profile(), state.totalBars(), openEndedBarsPerWeight);
    }

    @Override
    public String name() {
        return "rules";
    }

    /** SplitMix64 finaliser: decorrelates the seeds of neighbouring bars and layers. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A layer as the step sees it while it plans changes. */
    private record Slot(String layerId, String type, LayerRole role, long startedBar) {
    }

    /** One decision point: works on a copy of the active layers so every emitted decision sees the previous ones. */
    private static final class Step {
        private final SetState state;
        private final StyleProfile profile;
        private final PhasePlan plan;
        private final Phase phase;
        private final PhaseKind kind;
        private final double progress;
        private final boolean phaseStart;
        private final long bar;
        private final SplittableRandom rng;
        private final List<Slot> slots = new ArrayList<>();
        private final List<Decision> out = new ArrayList<>();

        Step(SetState state, PhasePlan plan) {
            this.state = state;
            this.profile = state.profile();
            this.plan = plan;
            this.bar = Math.max(0, state.bar());
            this.phase = plan.phaseAt(bar);
            this.kind = PhaseKind.of(phase, profile);
            this.progress = plan.progress(bar);
            this.phaseStart = bar - plan.phaseStartBar(bar) < profile.loopBars();
            this.rng = new SplittableRandom(mix(state.seed(), bar));
            for (SetState.ActiveLayer layer : state.activeLayers()) {
                LayerRole role = profile.layerType(layer.type()).map(LayerType::role).orElse(null);
                slots.add(new Slot(layer.layerId(), layer.type(), role, layer.startedBar()));
            }
        }

        List<Decision> run() {
            boolean userChangedLayers = honourUserRequest();
            if (!phase.name().equals(state.phase())) {
                out.add(new SetPhase(phase.name(), phaseReason()));
            }
            maybeSpeak();
            repairInvariants();
            if (!userChangedLayers) {
                arrange();
            }
            return List.copyOf(out);
        }

        private String phaseReason() {
            return switch (kind) {
                case INTRO -> "The set opens with the " + phase.name() + " phase, so layers enter one at a time.";
                case BUILD -> "Bar " + bar + " starts the " + phase.name() + " phase, where the energy climbs towards intensity " + phase.intensity() + ".";
                case PEAK -> "Bar " + bar + " is the " + phase.name() + ", the peak of the set at intensity " + phase.intensity() + ".";
                case BREAKDOWN -> "Bar " + bar + " starts the " + phase.name() + ", so the beat steps back and the harmony comes forward.";
                case AMBIENT -> "Bar " + bar + " starts the " + phase.name() + " phase, a beatless space for pads and textures.";
                case OUTRO -> "Bar " + bar + " starts the " + phase.name() + ", so the set winds down.";
                case MAIN -> "Bar " + bar + " starts the " + phase.name() + " phase at intensity " + phase.intensity() + ".";
            };
        }

        // ---- user request -------------------------------------------------------------------------------------

        private boolean honourUserRequest() {
            String request = state.userRequest().trim();
            if (request.isEmpty()) {
                return false;
            }
            String text = request.toLowerCase(Locale.ROOT);
            String quoted = "\"" + (request.length() > 60 ? request.substring(0, 57) + "..." : request) + "\"";
            tempoRequest(text, quoted);
            keyRequest(text, quoted);
            List<String> words = words(text);
            int before = out.size();
            Set<LayerRole> removeRoles = EnumSet.noneOf(LayerRole.class);
            Set<String> removeTypes = new LinkedHashSet<>();
            for (int i = 0; i < words.size(); i++) {
                if (!REMOVE_VERBS.contains(words.get(i))) {
                    continue;
                }
                for (int j = i + 1; j < Math.min(words.size(), i + 4); j++) {
                    String w = words.get(j);
                    if (profile.layerType(w).isPresent()) {
                        removeTypes.add(profile.layerType(w).get().name());
                        break;
                    }
                    LayerRole role = ROLE_WORDS.get(w);
                    if (role != null) {
                        removeRoles.add(role);
                        if (w.startsWith("drum") || w.equals("percussion")) {
                            removeRoles.add(LayerRole.RHYTHM);
                            removeRoles.add(LayerRole.PERCUSSION);
                        }
                        break;
                    }
                }
            }
            if (!removeTypes.isEmpty() || !removeRoles.isEmpty()) {
                for (Slot slot : List.copyOf(slots)) {
                    if (removeTypes.contains(slot.type()) || (slot.role() != null && removeRoles.contains(slot.role()))) {
                        remove(slot, USER_PREFIX + " " + quoted + ", so the " + slot.type() + " layer leaves the mix.");
                    }
                }
                return out.size() > before;
            }
            LayerType wanted = requestedType(text, words);
            if (wanted == null) {
                return false;
            }
            List<String> extra = new ArrayList<>();
            for (String w : words) {
                if (w.length() >= 3 && !STOP_WORDS.contains(w) && !ROLE_WORDS.containsKey(w)
                        && profile.layerType(w).isEmpty() && !w.chars().allMatch(Character::isDigit) && extra.size() < 4) {
                    extra.add(w);
                }
            }
            Slot same = slots.stream().filter(s -> s.type().equalsIgnoreCase(wanted.name())).findFirst().orElse(null);
            String reason = USER_PREFIX + " " + quoted + ", so a " + wanted.name() + " layer "
                    + (same != null ? "replaces the one playing." : "joins the mix.");
            if (same != null) {
                add(wanted, same.layerId(), extra, List.of(), reason);
            } else if (wanted.role() == LayerRole.RHYTHM && rhythm() != null) {
                add(wanted, rhythm().layerId(), extra, List.of(), reason);
            } else {
                if (slots.size() >= profile.maxLayers()) {
                    Slot victim = pickToRemove(REMOVE_ORDER_BUSY, false);
                    if (victim == null) {
                        victim = rhythm();
                    }
                    remove(victim, "The mix already holds " + slots.size() + " layers, so the " + victim.type()
                            + " layer makes room for the user's request.");
                }
                add(wanted, newLayerId(wanted), extra, List.of(), reason);
            }
            return true;
        }

        private LayerType requestedType(String text, List<String> words) {
            for (LayerType type : profile.layerTypes()) {
                String name = type.name().toLowerCase(Locale.ROOT);
                if (words.contains(name) || (name.contains("_") && text.contains(name.replace('_', ' ')))) {
                    return type;
                }
            }
            for (String w : words) {
                LayerRole role = ROLE_WORDS.get(w);
                if (role != null) {
                    List<LayerType> ofRole = profile.layerTypesWithRole(role);
                    if (!ofRole.isEmpty()) {
                        return ofRole.get(rng.nextInt(ofRole.size()));
                    }
                }
            }
            return null;
        }

        private void tempoRequest(String text, String quoted) {
            double bpm = state.tempo().bpm();
            Double target = null;
            Matcher m = BPM.matcher(text);
            if (m.find()) {
                target = Double.parseDouble(m.group(1));
            } else if (text.contains("faster") || text.contains("speed up")) {
                target = Math.round(bpm * 1.04 * 2) / 2.0;
            } else if (text.contains("slower") || text.contains("slow down")) {
                target = Math.round(bpm * 0.96 * 2) / 2.0;
            }
            if (target != null) {
                double clamped = Math.max(40, Math.min(240, target));
                out.add(new SetTempo(clamped, USER_PREFIX + " " + quoted + ", so the tempo moves from "
                        + fmt(bpm) + " to " + fmt(clamped) + " BPM."));
            }
        }

        private void keyRequest(String text, String quoted) {
            Matcher m = KEY.matcher(text);
            if (m.find()) {
                try {
                    Key key = Key.parse(m.group(1));
                    out.add(new SetKey(key.displayName(), USER_PREFIX + " " + quoted + ", so the set moves to "
                            + key.displayName() + "."));
                } catch (IllegalArgumentException ignored) {
                    // Not a key after all ("key of the night"): the rest of the request still counts.
                }
            }
        }

        private static List<String> words(String text) {
            List<String> words = new ArrayList<>();
            for (String w : text.split("[^a-z0-9_#']+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            return words;
        }

        // ---- speech -------------------------------------------------------------------------------------------

        private void maybeSpeak() {
            if (!phaseStart || kind != PhaseKind.PEAK) {
                return;
            }
            boolean spokeRecently = state.recentDecisions().stream().anyMatch(d -> d instanceof Speech);
            boolean firstCycle = plan.cycleAt(bar) == 0;
            if (spokeRecently || !(firstCycle || rng.nextDouble() < 0.35)) {
                return;
            }
            List<String> lines = SPEECH_LINES.getOrDefault(profile.name(), DEFAULT_LINES);
            String line = lines.get(rng.nextInt(lines.size()));
            out.add(new Speech(line, clampIntensity(phase.intensity()),
                    "The " + phase.name() + " is the peak of the set, a moment for a short call to the floor."));
        }

        // ---- invariants ---------------------------------------------------------------------------------------

        /** Brings a state that breaks the rules (from a user, another brain or a profile change) back in line. */
        private void repairInvariants() {
            for (Slot slot : List.copyOf(slots)) {
                if (slot.role() == null) {
                    remove(slot, "The " + slot.type() + " layer is not a layer type of " + profile.name()
                            + ", so it leaves the mix.");
                }
            }
            List<Slot> rhythms = slots.stream().filter(s -> s.role() == LayerRole.RHYTHM).toList();
            for (int i = 1; i < rhythms.size(); i++) {
                remove(rhythms.get(i - 1), "Only one main rhythm layer may play, so the older "
                        + rhythms.get(i - 1).type() + " makes way for " + rhythms.get(i).layerId() + ".");
            }
            while (slots.size() > profile.maxLayers()) {
                Slot victim = pickToRemove(REMOVE_ORDER_BUSY, false);
                if (victim == null) {
                    victim = slots.get(0);
                }
                remove(victim, "At most " + profile.maxLayers() + " layers may play at once, so the "
                        + victim.type() + " layer leaves.");
            }
        }

        // ---- arrangement --------------------------------------------------------------------------------------

        private void arrange() {
            int budget = phaseStart ? PHASE_START_CHANGES : STEADY_CHANGES;
            LayerType rhythmType = profile.layerTypesWithRole(LayerRole.RHYTHM).get(0);
            Slot rhythm = rhythm();
            boolean wantRhythm = kind.wantsRhythm(progress) && !userMutedRhythm();
            int target = Math.min(phase.targetLayers(), profile.maxLayers());

            if (rhythm != null && !wantRhythm) {
                remove(rhythm, kind == PhaseKind.AMBIENT
                        ? "The " + phase.name() + " phase is beatless, so the " + rhythm.type() + " fades out."
                        : userMutedRhythm() ? "The user asked for no drums, so the " + rhythm.type() + " stays out."
                        : "Halfway through the " + phase.name() + " the filtered " + rhythm.type()
                                + " drops out to let the harmony breathe.");
            } else if (rhythm == null && wantRhythm) {
                if (slots.size() >= profile.maxLayers()) {
                    Slot victim = pickToRemove(removeOrder(), false);
                    remove(victim, "The beat has to come back and the mix is full, so the " + victim.type()
                            + " layer makes room.");
                }
                add(rhythmType, newLayerId(rhythmType), List.of(), phaseEffects(rhythmType, true),
                        "The " + phase.name() + " needs a beat, so the " + rhythmType.name() + " comes in.");
                budget--;
            } else if (rhythm != null && phaseStart && rhythmNeedsNewVersion()) {
                add(rhythmType, rhythm.layerId(), List.of(), phaseEffects(rhythmType, true), rhythmRefreshReason());
                budget--;
            }

            LayerRole signature = ADD_ORDER.get(kind).get(0);
            boolean signatureMissing = slots.stream().noneMatch(s -> s.role() == signature)
                    && !profile.layerTypesWithRole(signature).isEmpty();
            if (phaseStart && budget > 0 && signatureMissing && slots.size() >= target
                    && slots.stream().anyMatch(s -> s.role() != LayerRole.RHYTHM)) {
                Slot victim = pickToRemove(removeOrder(), false);
                LayerType lead = unusedTypeWithRole(signature, null);
                remove(victim, "The " + phase.name() + " is carried by " + role(signature) + ", so the "
                        + victim.type() + " makes way.");
                add(lead, newLayerId(lead), List.of(), phaseEffects(lead, false),
                        "A " + lead.name() + " layer brings " + role(signature) + " to the front for the "
                                + phase.name() + ".");
                budget--;
            }

            while (budget > 0) {
                if (slots.size() > target && slots.stream().anyMatch(s -> s.role() != LayerRole.RHYTHM)) {
                    Slot victim = pickToRemove(removeOrder(), false);
                    remove(victim, "The " + phase.name() + " wants " + target + " layers and " + slots.size()
                            + " play, so the " + victim.type() + " steps out.");
                } else if (slots.size() < target) {
                    LayerType type = chooseTypeToAdd(wantRhythm);
                    if (type == null) {
                        break;
                    }
                    add(type, newLayerId(type), List.of(), phaseEffects(type, false),
                            "The " + phase.name() + " wants " + target + " layers and " + slots.size()
                                    + " play, so " + withArticle(type.name()) + " layer adds " + role(type.role()) + ".");
                } else {
                    refreshOldest();
                    break;
                }
                budget--;
            }
        }

        private boolean userMutedRhythm() {
            for (Decision d : state.recentDecisions()) {
                if (d instanceof ManageLayer m && m.operation() == LayerOperation.REMOVE
                        && m.reasoning().startsWith(USER_PREFIX)) {
                    String removedType = m.layerId().replaceAll("_\\d+$", "");
                    if (profile.layerType(removedType).map(t -> t.role() == LayerRole.RHYTHM).orElse(false)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A breakdown filters the beat, a build-up closes it down, and the phase after either gets it back clean. */
        private boolean rhythmNeedsNewVersion() {
            if (kind == PhaseKind.BREAKDOWN || kind == PhaseKind.BUILD || kind == PhaseKind.PEAK) {
                return true;
            }
            long start = plan.phaseStartBar(bar);
            if (start == 0) {
                return false;
            }
            PhaseKind previous = PhaseKind.of(plan.phaseAt(start - 1), profile);
            return previous == PhaseKind.BREAKDOWN || previous == PhaseKind.BUILD;
        }

        private String rhythmRefreshReason() {
            return switch (kind) {
                case BREAKDOWN -> "In the " + phase.name() + " the beat is high-passed so only its top end keeps time.";
                case BUILD -> "The " + phase.name() + " starts with the beat under a low-pass that opens as the energy climbs.";
                case PEAK -> "The " + phase.name() + " hits with a fresh, full-range beat.";
                default -> "After the previous phase the beat returns unfiltered for the " + phase.name() + ".";
            };
        }

        private void refreshOldest() {
            Slot oldest = null;
            long mostOverdue = -1;
            for (Slot slot : slots) {
                long overdue = (bar - slot.startedBar()) - refreshBars(slot);
                if (overdue >= 0 && overdue > mostOverdue) {
                    mostOverdue = overdue;
                    oldest = slot;
                }
            }
            if (oldest == null) {
                return;
            }
            long age = bar - oldest.startedBar();
            LayerType type = profile.layerType(oldest.type()).orElseThrow();
            if (type.role() != LayerRole.RHYTHM && rng.nextDouble() < 0.35) {
                LayerType other = unusedTypeWithRole(type.role(), type);
                // The phase's signature role (the bass of a drop, the pads of a breakdown) is only swapped within its role.
                if (other == null && type.role() != ADD_ORDER.get(kind).get(0)) {
                    other = chooseTypeToAdd(false, oldest);
                }
                if (other != null && !other.name().equals(type.name())) {
                    remove(oldest, "The " + type.name() + " has played " + age + " bars, so it makes way for "
                            + withArticle(other.name()) + " layer to keep the " + phase.name() + " moving.");
                    add(other, newLayerId(other), List.of(), phaseEffects(other, false),
                            capitalise(withArticle(other.name())) + " layer takes over from the " + type.name() + " for variety.");
                    return;
                }
            }
            add(type, oldest.layerId(), List.of(), phaseEffects(type, type.role() == LayerRole.RHYTHM),
                    "The " + type.name() + " has looped for " + age + " bars, so a new pattern replaces it.");
        }

        /** How long a layer plays before it is refreshed: the beat longest, accents shortest, in whole loops. */
        private long refreshBars(Slot slot) {
            int loop = profile.loopBars();
            long low;
            long high;
            LayerRole role = slot.role() == null ? LayerRole.FX : slot.role();
            switch (role) {
                case RHYTHM -> {
                    low = 32;
                    high = 64;
                }
                case FX -> {
                    low = 8;
                    high = 16;
                }
                default -> {
                    low = 16;
                    high = 32;
                }
            }
            SplittableRandom r = new SplittableRandom(mix(mix(state.seed(), slot.startedBar()), slot.layerId().hashCode()));
            long bars = low + r.nextLong(high - low + 1);
            return Math.max(loop, (bars / loop) * loop);
        }

        private List<LayerRole> removeOrder() {
            return switch (kind) {
                case BREAKDOWN, AMBIENT, OUTRO, INTRO -> REMOVE_ORDER_QUIET;
                default -> REMOVE_ORDER_BUSY;
            };
        }

        private Slot pickToRemove(List<LayerRole> order, boolean allowRhythm) {
            for (LayerRole role : order) {
                Slot oldest = null;
                for (Slot slot : slots) {
                    if (slot.role() == role && (oldest == null || slot.startedBar() < oldest.startedBar())) {
                        oldest = slot;
                    }
                }
                if (oldest != null) {
                    return oldest;
                }
            }
            if (allowRhythm) {
                return rhythm();
            }
            return slots.stream().filter(s -> s.role() != LayerRole.RHYTHM).findFirst().orElse(null);
        }

        private LayerType chooseTypeToAdd(boolean rhythmAllowed) {
            return chooseTypeToAdd(rhythmAllowed, null);
        }

        /** The first role in this phase's order that is missing from the mix, with a little shuffling for variety. */
        private LayerType chooseTypeToAdd(boolean rhythmAllowed, Slot leaving) {
            List<LayerRole> order = new ArrayList<>(ADD_ORDER.get(kind));
            if (order.size() >= 2 && rng.nextDouble() < 0.25) {
                LayerRole first = order.remove(0);
                order.add(1, first);
            }
            if (rhythmAllowed && rhythm() == null) {
                order.add(0, LayerRole.RHYTHM);
            }
            Set<LayerRole> present = new HashSet<>();
            for (Slot slot : slots) {
                if (slot != leaving && slot.role() != null) {
                    present.add(slot.role());
                }
            }
            for (LayerRole role : order) {
                if (!present.contains(role)) {
                    LayerType type = unusedTypeWithRole(role, leaving == null ? null
                            : profile.layerType(leaving.type()).orElse(null));
                    if (type != null) {
                        return type;
                    }
                }
            }
            for (LayerRole role : order) {
                LayerType type = unusedTypeWithRole(role, null);
                if (type != null && role != LayerRole.RHYTHM) {
                    return type;
                }
            }
            return null;
        }

        private LayerType unusedTypeWithRole(LayerRole role, LayerType except) {
            List<LayerType> candidates = new ArrayList<>();
            for (LayerType type : profile.layerTypesWithRole(role)) {
                boolean used = slots.stream().anyMatch(s -> s.type().equalsIgnoreCase(type.name()));
                if (!used && (except == null || !except.name().equals(type.name()))) {
                    candidates.add(type);
                }
            }
            return candidates.isEmpty() ? null : candidates.get(rng.nextInt(candidates.size()));
        }

        // ---- decisions ----------------------------------------------------------------------------------------

        private Slot rhythm() {
            return slots.stream().filter(s -> s.role() == LayerRole.RHYTHM).findFirst().orElse(null);
        }

        private String newLayerId(LayerType type) {
            if (type.role() == LayerRole.RHYTHM && rhythm() != null) {
                return rhythm().layerId();
            }
            String base = type.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            for (int n = 1; ; n++) {
                String id = base + "_" + n;
                if (slots.stream().noneMatch(s -> s.layerId().equals(id))) {
                    return id;
                }
            }
        }

        private void remove(Slot slot, String reasoning) {
            out.add(new ManageLayer(slot.layerId(), LayerOperation.REMOVE, null, null, List.of(),
                    StopBehavior.FADE_OUT_BAR, reasoning));
            slots.remove(slot);
        }

        private void add(LayerType type, String layerId, List<String> extraKeywords, List<EffectSpec> phaseEffects,
                         String reasoning) {
            int intensity = clampIntensity(phase.intensity() + (kind == PhaseKind.BREAKDOWN
                    && type.role() == LayerRole.RHYTHM ? -1 : 0));
            List<String> keywords = new ArrayList<>(extraKeywords);
            keywords.addAll(type.keywords());
            List<String> styleWords = new ArrayList<>(profile.keywords());
            for (int i = 0; i < 2 && !styleWords.isEmpty(); i++) {
                String w = styleWords.remove(rng.nextInt(styleWords.size()));
                if (!keywords.contains(w)) {
                    keywords.add(w);
                }
            }
            SampleDetails details = new SampleDetails(type.name(), keywords, state.key().displayName(),
                    profile.loopBars(), intensity, stemsOf(type.role()));
            List<EffectSpec> effects = new ArrayList<>(type.effects());
            effects.addAll(phaseEffects);
            PlaybackParams playback = new PlaybackParams(volumeOf(type.role()), panOf(type.role()),
                    StartBehavior.NEXT_BAR, fadeInBeatsOf(type.role()));
            Slot replaced = slots.stream().filter(s -> s.layerId().equals(layerId)).findFirst().orElse(null);
            if (replaced != null) {
                slots.remove(replaced);
            }
            out.add(new ManageLayer(layerId, LayerOperation.ADD_REPLACE, details, playback,
                    effects.size() > 4 ? effects.subList(0, 4) : effects, StopBehavior.FADE_OUT_BAR, reasoning));
            slots.add(new Slot(layerId, type.name(), type.role(), bar));
        }

        /** Effects the phase adds on top of the layer type's own. */
        private List<EffectSpec> phaseEffects(LayerType type, boolean isRhythm) {
            List<EffectSpec> fx = new ArrayList<>();
            switch (kind) {
                case BREAKDOWN -> {
                    if (isRhythm) {
                        fx.add(EffectSpec.highPass(400 + 100 * rng.nextInt(6)));
                    }
                }
                case BUILD -> {
                    // The low-pass opens from 500 Hz to about 16 kHz across the build-up (five octaves).
                    double cutoff = 500 * Math.pow(2, 5 * progress);
                    fx.add(EffectSpec.lowPass(Math.round(Math.min(16_000, cutoff))));
                }
                case OUTRO -> {
                    if (!isRhythm) {
                        double cutoff = 12_000 * Math.pow(2, -4 * progress);
                        fx.add(EffectSpec.lowPass(Math.round(Math.max(600, cutoff))));
                    }
                }
                case AMBIENT -> {
                    boolean hasReverb = type.effects().stream().anyMatch(e -> e.type() == EffectSpec.Type.REVERB);
                    if (!hasReverb && type.role() != LayerRole.BASS) {
                        fx.add(EffectSpec.reverb(0.8, 4.0, 0.35));
                    }
                }
                default -> {
                }
            }
            return fx;
        }

        private double volumeOf(LayerRole role) {
            double base = switch (role) {
                case RHYTHM -> 0.85;
                case BASS -> 0.8;
                case LEAD -> 0.65;
                case PERCUSSION -> 0.6;
                case HARMONY -> 0.6;
                case TEXTURE -> 0.45;
                case FX -> 0.5;
            };
            if (kind == PhaseKind.BREAKDOWN && role == LayerRole.RHYTHM) {
                base -= 0.15;
            }
            return Math.round(base * 100) / 100.0;
        }

        /** Beat and bass stay centred (mono low end); the rest spreads out with a random side. */
        private double panOf(LayerRole role) {
            double width = switch (role) {
                case RHYTHM, BASS -> 0;
                case PERCUSSION -> 0.2;
                case LEAD -> 0.25;
                case HARMONY -> 0.3;
                case TEXTURE -> 0.4;
                case FX -> 0.5;
            };
            return width == 0 ? 0 : (rng.nextBoolean() ? width : -width);
        }

        private double fadeInBeatsOf(LayerRole role) {
            return switch (role) {
                case HARMONY, TEXTURE -> profile.beatsPerBar();
                default -> 0;
            };
        }

        private static List<String> stemsOf(LayerRole role) {
            return switch (role) {
                case RHYTHM, PERCUSSION -> List.of("drums");
                case BASS -> List.of("bass");
                default -> List.of("other");
            };
        }

        private int clampIntensity(int intensity) {
            return Math.max(profile.intensityMin(), Math.min(profile.intensityMax(), intensity));
        }

        private static String role(LayerRole role) {
            return switch (role) {
                case RHYTHM -> "the beat";
                case PERCUSSION -> "percussion";
                case BASS -> "the low end";
                case HARMONY -> "harmony";
                case LEAD -> "a melody";
                case TEXTURE -> "texture";
                case FX -> "an accent";
            };
        }

        private static String withArticle(String noun) {
            boolean vowelSound = noun.matches("(?i)^([aeio]|fx|u[^n]|hon).*");
            return (vowelSound ? "an " : "a ") + noun;
        }

        private static String capitalise(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        private static String fmt(double bpm) {
            return bpm == Math.rint(bpm) ? String.valueOf((long) bpm) : String.valueOf(bpm);
        }
    }
}
