package io.djia.core.mix;

import io.djia.core.fx.EffectSpec;
import java.util.List;

/**
 * How one layer sounds: its level, its place in the stereo field and its effects.
 *
 * @param volume   linear gain 0..1, applied after the effects
 * @param pan      -1 (left) .. 0 (centre, -3 dB each side) .. 1 (right), constant-power law
 * @param effects  the layer's effect chain, in order
 * @param duckable whether {@link Mixer#setDuckingDb} attenuates this layer; false for voice drops
 */
public record LayerSettings(double volume, double pan, List<EffectSpec> effects, boolean duckable) {
    public LayerSettings {
        if (!(volume >= 0 && volume <= 1)) {
            throw new IllegalArgumentException("layer volume must be a linear gain 0..1, got " + volume);
        }
        if (!(pan >= -1 && pan <= 1)) {
            throw new IllegalArgumentException("layer pan must be -1 (left) .. 1 (right), got " + pan);
        }
        effects = effects == null ? List.of() : List.copyOf(effects);
    }

    /** A duckable layer with the given effects. */
    public LayerSettings(double volume, double pan, List<EffectSpec> effects) {
        this(volume, pan, effects, true);
    }

    /** A duckable layer without effects. */
    public static LayerSettings of(double volume, double pan) {
        return new LayerSettings(volume, pan, List.of(), true);
    }

    public LayerSettings withVolume(double newVolume) {
        return new LayerSettings(newVolume, pan, effects, duckable);
    }

    public LayerSettings withPan(double newPan) {
        return new LayerSettings(volume, newPan, effects, duckable);
    }

    public LayerSettings withEffects(List<EffectSpec> newEffects) {
        return new LayerSettings(volume, pan, newEffects, duckable);
    }

    public LayerSettings withDuckable(boolean newDuckable) {
        return new LayerSettings(volume, pan, effects, newDuckable);
    }
}
