package io.djia.generate.brain;

import io.djia.core.profile.Phase;
import io.djia.core.profile.StyleProfile;
import java.util.Locale;
import java.util.Set;

/**
 * The musical function of a phase, read from its name and intensity: the rule brain arranges layers and
 * effects by it (a breakdown filters the beat, an ambient phase drops it, a build-up opens a low-pass).
 */
enum PhaseKind {
    INTRO, BUILD, MAIN, PEAK, BREAKDOWN, AMBIENT, OUTRO;

    private static final Set<String> INTRO_NAMES = Set.of("intro", "introduction", "exposition");
    private static final Set<String> BUILD_NAMES = Set.of("build", "build_up", "buildup", "tension", "development", "journey");
    private static final Set<String> PEAK_NAMES = Set.of("drop", "second_drop", "climax", "chaos", "hook", "energetic");
    private static final Set<String> BREAKDOWN_NAMES = Set.of("breakdown", "bridge", "meditation", "melancholy");
    private static final Set<String> AMBIENT_NAMES = Set.of("ambient", "reset", "emergence", "floating");
    private static final Set<String> OUTRO_NAMES = Set.of("outro", "coda", "resolution", "ending");

    static PhaseKind of(Phase phase, StyleProfile profile) {
        String name = phase.name().toLowerCase(Locale.ROOT);
        if (INTRO_NAMES.contains(name)) {
            return INTRO;
        }
        if (BUILD_NAMES.contains(name)) {
            return BUILD;
        }
        if (PEAK_NAMES.contains(name)) {
            return PEAK;
        }
        if (BREAKDOWN_NAMES.contains(name)) {
            return BREAKDOWN;
        }
        if (AMBIENT_NAMES.contains(name) || phase.intensity() <= 2) {
            return AMBIENT;
        }
        if (OUTRO_NAMES.contains(name)) {
            return OUTRO;
        }
        int highest = profile.phases().stream().mapToInt(Phase::intensity).max().orElse(10);
        if (phase.intensity() >= 8 || phase.intensity() == highest) {
            return PEAK;
        }
        return MAIN;
    }

    /** Whether the main rhythm layer plays in this kind of phase (a breakdown keeps it filtered for a while). */
    boolean wantsRhythm(double progress) {
        return switch (this) {
            case AMBIENT -> false;
            case BREAKDOWN -> progress < 0.5;
            default -> true;
        };
    }
}
