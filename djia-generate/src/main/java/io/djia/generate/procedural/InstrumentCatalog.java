package io.djia.generate.procedural;

import io.djia.core.profile.LayerRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The named synthesis recipes of the built-in profiles, each with its loudness, and the fallback used for an
 * instrument name no recipe knows (a user's own profile): the recipe for the layer's role. Immutable.
 */
final class InstrumentCatalog {
    /** A recipe: its canonical name, its renderer and the level it is mastered to. */
    record Recipe(String name, Instrument instrument, Level level) {
    }

    private static final Level DRUMS = new Level(-14.0, 3.0);
    private static final Level PERCUSSION = new Level(-19.0, 3.5);
    private static final Level BASS = new Level(-15.0, 1.5);
    private static final Level HARMONY = new Level(-19.0, 1.0);
    private static final Level LEAD = new Level(-18.0, 1.5);
    private static final Level TEXTURE = new Level(-24.0, 1.0);
    private static final Level FX = new Level(-22.0, 1.0);

    private static final Map<String, Recipe> RECIPES = build();

    private InstrumentCatalog() {
    }

    private static Map<String, Recipe> build() {
        Map<String, Recipe> m = new LinkedHashMap<>();
        put(m, "techno_drums", new DrumKit(DrumStyle.TECHNO), DRUMS);
        put(m, "house_drums", new DrumKit(DrumStyle.HOUSE), DRUMS);
        put(m, "boom_bap", new DrumKit(DrumStyle.BOOM_BAP), DRUMS);
        put(m, "trip_hop_drums", new DrumKit(DrumStyle.TRIP_HOP), DRUMS);
        put(m, "rock_drums", new DrumKit(DrumStyle.ROCK), DRUMS);
        put(m, "breakbeat", new DrumKit(DrumStyle.BREAKBEAT), DRUMS);
        put(m, "one_drop", new DrumKit(DrumStyle.ONE_DROP), DRUMS);
        put(m, "glitch_drums", new DrumKit(DrumStyle.GLITCH), new Level(-15.0, 3.0));
        put(m, "subtle_drums", new DrumKit(DrumStyle.SUBTLE), new Level(-17.0, 3.0));
        put(m, "timpani", new DrumKit(DrumStyle.TIMPANI), new Level(-16.0, 2.0));
        put(m, "generic_drums", new DrumKit(DrumStyle.GENERIC), DRUMS);
        put(m, "techno_percussion", new DrumKit(DrumStyle.TECHNO_PERC), PERCUSSION);
        put(m, "house_percussion", new DrumKit(DrumStyle.HOUSE_PERC), PERCUSSION);
        put(m, "shaker", new DrumKit(DrumStyle.SHAKER), PERCUSSION);
        put(m, "acid_bass", new BassInstrument(BassInstrument.Style.ACID), BASS);
        put(m, "sub_bass", new BassInstrument(BassInstrument.Style.SUB), BASS);
        put(m, "reese_bass", new BassInstrument(BassInstrument.Style.REESE), BASS);
        put(m, "dub_bass", new BassInstrument(BassInstrument.Style.DUB), BASS);
        put(m, "808_bass", new BassInstrument(BassInstrument.Style.EIGHT_O_EIGHT), BASS);
        put(m, "rock_bass", new BassInstrument(BassInstrument.Style.ROCK), BASS);
        put(m, "deep_bass", new BassInstrument(BassInstrument.Style.DEEP), BASS);
        put(m, "abstract_bass", new BassInstrument(BassInstrument.Style.ABSTRACT), BASS);
        put(m, "cello_bass", new BassInstrument(BassInstrument.Style.CELLO), BASS);
        put(m, "pad", new PadInstrument(), HARMONY);
        put(m, "strings", new StringsInstrument(), HARMONY);
        put(m, "choir", new ChoirInstrument(), HARMONY);
        put(m, "organ", new OrganInstrument(), HARMONY);
        put(m, "rhodes_chords", new KeysInstrument(), HARMONY);
        put(m, "skank", new SkankInstrument(), new Level(-20.0, 3.0));
        put(m, "drone", new DroneInstrument(), HARMONY);
        put(m, "stab", new StabInstrument(), new Level(-18.0, 3.0));
        put(m, "pluck", new MelodyInstrument(MelodyInstrument.Kind.PLUCK), LEAD);
        put(m, "rhodes_melody", new MelodyInstrument(MelodyInstrument.Kind.RHODES), LEAD);
        put(m, "bells", new MelodyInstrument(MelodyInstrument.Kind.BELLS), LEAD);
        put(m, "melodica", new MelodyInstrument(MelodyInstrument.Kind.MELODICA), LEAD);
        put(m, "horns", new MelodyInstrument(MelodyInstrument.Kind.HORNS), LEAD);
        put(m, "noise_synth", new MelodyInstrument(MelodyInstrument.Kind.NOISE), LEAD);
        put(m, "piano", new PianoInstrument(), LEAD);
        put(m, "harp", new HarpInstrument(), LEAD);
        put(m, "brass", new BrassInstrument(), LEAD);
        put(m, "power_chords", new PowerChordInstrument(), LEAD);
        put(m, "texture", new TextureInstrument(), TEXTURE);
        put(m, "field", new FieldInstrument(), TEXTURE);
        put(m, "riser", new RiserInstrument(), FX);
        put(m, "noise_sweep", new NoiseSweepInstrument(), FX);
        put(m, "siren", new SirenInstrument(), FX);
        put(m, "vinyl", new VinylInstrument(), new Level(-33.0, 6.0));
        put(m, "scratch", new ScratchInstrument(), new Level(-20.0, 2.0));
        put(m, "glitch_fx", new GlitchFxInstrument(), FX);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Recipe> m, String name, Instrument instrument, Level level) {
        m.put(name, new Recipe(name, instrument, level));
    }

    /** The recipe for an instrument name, or the role's fallback when the name is unknown. Never fails. */
    static Recipe resolve(String instrument, LayerRole role) {
        String key = instrument == null ? "" : instrument.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        Recipe recipe = RECIPES.get(key);
        if (recipe != null) {
            return recipe;
        }
        Recipe fallback = RECIPES.get(fallbackName(role));
        return fallback != null ? fallback : RECIPES.get("generic_drums");
    }

    /** The recipe an unknown instrument of a role falls back to. */
    static String fallbackName(LayerRole role) {
        return switch (role) {
            case RHYTHM -> "generic_drums";
            case PERCUSSION -> "shaker";
            case BASS -> "sub_bass";
            case HARMONY -> "pad";
            case LEAD -> "pluck";
            case TEXTURE -> "texture";
            case FX -> "riser";
        };
    }

    static Set<String> names() {
        return RECIPES.keySet();
    }
}
