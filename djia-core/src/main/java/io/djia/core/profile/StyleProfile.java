package io.djia.core.profile;

import io.djia.core.fx.EffectSpec;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import java.util.List;
import java.util.Optional;

/**
 * A musical style: tempo, key, the layers it uses, its phases and its rules.
 *
 * @param name            identifier, e.g. "techno_minimal"
 * @param description     one line for listings
 * @param bpm             default tempo
 * @param key             default key name ("C minor", "atonal")
 * @param beatsPerBar     meter
 * @param layerTypes      the layer kinds the style uses
 * @param keywords        prompt words for the style
 * @param masterEffects   the style's default effects on the master bus
 * @param phases          the phases of a set, in order
 * @param loopBars        default loop length (1, 2, 4 or 8)
 * @param preferredStems  stems the style usually keeps from a generated clip ("all", "drums", ...)
 * @param intensityMin    lowest intensity used
 * @param intensityMax    highest intensity used
 * @param maxLayers       most layers at once
 * @param swing           16th-note swing 0 (straight) .. 0.5 (full triplet feel)
 */
public record StyleProfile(String name, String description, double bpm, String key, int beatsPerBar,
                           List<LayerType> layerTypes, List<String> keywords, List<EffectSpec> masterEffects,
                           List<Phase> phases, int loopBars, List<String> preferredStems,
                           int intensityMin, int intensityMax, int maxLayers, double swing) {
    public StyleProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile needs a name");
        }
        Tempo.of(bpm);
        Key.parse(key);
        if (beatsPerBar == 0) {
            beatsPerBar = 4;
        }
        if (layerTypes == null || layerTypes.isEmpty()) {
            throw new IllegalArgumentException("profile \"" + name + "\" needs at least one layer type");
        }
        if (layerTypes.stream().noneMatch(t -> t.role() == LayerRole.RHYTHM)) {
            throw new IllegalArgumentException("profile \"" + name + "\" needs a layer type with role rhythm");
        }
        if (phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("profile \"" + name + "\" needs at least one phase");
        }
        if (loopBars == 0) {
            loopBars = 4;
        }
        if (loopBars != 1 && loopBars != 2 && loopBars != 4 && loopBars != 8) {
            throw new IllegalArgumentException("profile \"" + name + "\" loop_bars must be 1, 2, 4 or 8, got " + loopBars);
        }
        if (intensityMin == 0) {
            intensityMin = 5;
        }
        if (intensityMax == 0) {
            intensityMax = 7;
        }
        if (intensityMin < 1 || intensityMax > 10 || intensityMin > intensityMax) {
            throw new IllegalArgumentException("profile \"" + name + "\" intensity range must lie in 1..10, got "
                    + intensityMin + ".." + intensityMax);
        }
        if (maxLayers == 0) {
            maxLayers = 3;
        }
        if (maxLayers < 1 || maxLayers > 8) {
            throw new IllegalArgumentException("profile \"" + name + "\" max_layers must be 1..8, got " + maxLayers);
        }
        if (!(swing >= 0 && swing <= 0.5)) {
            throw new IllegalArgumentException("profile \"" + name + "\" swing must be 0..0.5, got " + swing);
        }
        description = description == null ? "" : description;
        layerTypes = List.copyOf(layerTypes);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        masterEffects = masterEffects == null ? List.of() : List.copyOf(masterEffects);
        phases = List.copyOf(phases);
        preferredStems = preferredStems == null ? List.of("all") : List.copyOf(preferredStems);
    }

    public Tempo tempo() {
        return new Tempo(bpm, beatsPerBar);
    }

    public Key parsedKey() {
        return Key.parse(key);
    }

    public Optional<LayerType> layerType(String typeName) {
        return layerTypes.stream().filter(t -> t.name().equalsIgnoreCase(typeName)).findFirst();
    }

    public List<LayerType> layerTypesWithRole(LayerRole role) {
        return layerTypes.stream().filter(t -> t.role() == role).toList();
    }

    public StyleProfile withBpm(double newBpm) {
        return new StyleProfile(name, description, newBpm, key, beatsPerBar, layerTypes, keywords, masterEffects,
                phases, loopBars, preferredStems, intensityMin, intensityMax, maxLayers, swing);
    }

    public StyleProfile withKey(String newKey) {
        return new StyleProfile(name, description, bpm, newKey, beatsPerBar, layerTypes, keywords, masterEffects,
                phases, loopBars, preferredStems, intensityMin, intensityMax, maxLayers, swing);
    }
}
