package io.djia.generate.procedural;

import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import io.djia.generate.GenerationRequest;
import io.djia.generate.procedural.music.ChordPlan;
import io.djia.generate.procedural.music.Scale;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everything an instrument needs to render one clip: the musical frame (key, scale, chords, tempo, swing), the
 * loop length, the intensity and seeded random sources. Immutable.
 */
final class ClipContext {
    private final String recipe;
    private final String style;
    private final LayerRole role;
    private final Key key;
    private final Tempo tempo;
    private final int bars;
    private final int intensity;
    private final long seed;
    private final int sampleRate;
    private final double swing;
    private final int frames;
    private final int stepsPerBar;
    private final double framesPerBeat;
    private final Scale scale;
    private final ChordPlan plan;
    private final Set<String> words;

    ClipContext(String recipe, String style, LayerRole role, Key key, Tempo tempo, int bars, int intensity, long seed,
                int sampleRate, double swing, Set<String> words) {
        this.recipe = recipe;
        this.style = style;
        this.role = role;
        this.key = key;
        this.tempo = tempo;
        this.bars = bars;
        this.intensity = intensity;
        this.seed = seed;
        this.sampleRate = sampleRate;
        this.swing = swing;
        this.frames = tempo.framesOfBars(bars, sampleRate);
        this.stepsPerBar = 4 * tempo.beatsPerBar();
        this.framesPerBeat = tempo.samplesPerBeat(sampleRate);
        // Atonal material is shared by every layer of a style, so it is seeded by the style, not the clip.
        this.scale = Scale.of(key, style.hashCode());
        this.plan = ChordPlan.forStyle(style, key);
        this.words = Set.copyOf(words);
    }

    static ClipContext of(GenerationRequest request, LayerType layer, String recipe) {
        Set<String> words = new HashSet<>();
        addWords(words, String.join(" ", layer.keywords()));
        addWords(words, String.join(" ", request.keywords()));
        addWords(words, request.prompt());
        return new ClipContext(recipe, request.profile().name(), layer.role(), request.key(), request.tempo(),
                request.bars(), request.intensity(), request.seed(), request.sampleRate(), request.profile().swing(), words);
    }

    private static void addWords(Set<String> into, String text) {
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                into.add(w);
            }
        }
    }

    String recipe() {
        return recipe;
    }

    String style() {
        return style;
    }

    LayerRole role() {
        return role;
    }

    Key key() {
        return key;
    }

    Tempo tempo() {
        return tempo;
    }

    int bars() {
        return bars;
    }

    int intensity() {
        return intensity;
    }

    /** Intensity mapped to 0 (calm, 1) .. 1 (peak, 10). */
    double energy() {
        return (intensity - 1) / 9.0;
    }

    int sampleRate() {
        return sampleRate;
    }

    /** Loop length in frames, exactly {@code bars} on the tempo grid. */
    int frames() {
        return frames;
    }

    int stepsPerBar() {
        return stepsPerBar;
    }

    /** Total 16th-note steps in the loop. */
    int steps() {
        return stepsPerBar * bars;
    }

    double framesPerBeat() {
        return framesPerBeat;
    }

    double framesPerStep() {
        return framesPerBeat / 4.0;
    }

    double secondsPerStep() {
        return 15.0 / tempo.bpm();
    }

    double loopSeconds() {
        return frames / (double) sampleRate;
    }

    double swing() {
        return swing;
    }

    Scale scale() {
        return scale;
    }

    ChordPlan plan() {
        return plan;
    }

    boolean mentions(String word) {
        return words.contains(word);
    }

    /**
     * Frame of a (possibly fractional) 16th-note step with the style's swing. Swing delays every second 16th
     * by {@code swing * 2/3} of a step, so 0.5 gives the full triplet feel (the off 16th at 2/3 of the 8th);
     * positions inside an 8th are stretched piecewise linearly, which also places 32nd-note ratchets.
     */
    long frameAt(double step) {
        double pairs = Math.floor(step / 2.0);
        double u = step - 2.0 * pairs;
        double delay = swing * 2.0 / 3.0;
        double swung = u < 1.0 ? u * (1.0 + delay) : (1.0 + delay) + (u - 1.0) * (1.0 - delay);
        return Math.round((2.0 * pairs + swung) / 4.0 * framesPerBeat);
    }

    /** Frames from {@code step} to {@code step + length} (swung at both ends). */
    int framesBetween(double step, double length) {
        return (int) Math.max(1, frameAt(step + length) - frameAt(step));
    }

    /** A random source for one purpose of this clip; the same request and purpose give the same stream. */
    SplittableRandom random(String purpose) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= (long) recipe.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= (long) purpose.hashCode() * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        return new SplittableRandom(h);
    }

    /** A seed for a {@link io.djia.generate.procedural.dsp.Noise} source. */
    long noiseSeed(String purpose) {
        return random("noise:" + purpose).nextLong();
    }

    /**
     * Timbre brightness from the prompt words: -1 (dark, warm, dusty, lo-fi) .. +1 (bright, metallic,
     * distorted, aggressive); 0 when neutral.
     */
    double brightness() {
        double b = 0;
        for (String w : new String[] {"bright", "metallic", "distorted", "aggressive", "harsh", "crisp", "punchy"}) {
            if (words.contains(w)) {
                b += 0.4;
            }
        }
        for (String w : new String[] {"dark", "warm", "deep", "dusty", "lo", "soft", "mellow", "muffled", "round"}) {
            if (words.contains(w)) {
                b -= 0.35;
            }
        }
        return Math.max(-1.0, Math.min(1.0, b));
    }
}
