package io.djia.core.mix;

import io.djia.core.fx.EffectSpec;
import io.djia.core.theory.Tempo;
import java.util.List;

/**
 * Fixed settings of a {@link Mixer}.
 *
 * @param sampleRate       frames per second of every clip and of the output
 * @param channels         output channels; only 2 (stereo) is supported
 * @param blockFrames      largest block {@link Mixer#render} is asked for; scratch buffers are this long
 * @param tempo            initial tempo, for tempo-synced effects
 * @param masterEffects    effects on the summed bus, before the glue compressor and the limiter
 * @param limiterCeilingDb true-peak ceiling of the master limiter, dBFS
 * @param maxLayers        most layer ids playing at once
 */
public record MixerConfig(int sampleRate, int channels, int blockFrames, Tempo tempo,
                          List<EffectSpec> masterEffects, double limiterCeilingDb, int maxLayers) {
    public static final int DEFAULT_BLOCK_FRAMES = 512;
    public static final double DEFAULT_LIMITER_CEILING_DB = -1.0;
    public static final int DEFAULT_MAX_LAYERS = 16;

    public MixerConfig {
        if (sampleRate < 8000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sample rate must be 8000..384000 Hz, got " + sampleRate);
        }
        if (channels != 2) {
            throw new IllegalArgumentException("the mixer renders stereo: channels must be 2, got " + channels);
        }
        if (blockFrames < 1 || blockFrames > 65_536) {
            throw new IllegalArgumentException("block size must be 1..65536 frames, got " + blockFrames);
        }
        if (tempo == null) {
            throw new IllegalArgumentException("the mixer needs an initial tempo");
        }
        if (!(limiterCeilingDb >= -40 && limiterCeilingDb <= 0)) {
            throw new IllegalArgumentException("limiter ceiling must be -40..0 dBFS, got " + limiterCeilingDb);
        }
        if (maxLayers < 1 || maxLayers > 256) {
            throw new IllegalArgumentException("max layers must be 1..256, got " + maxLayers);
        }
        masterEffects = masterEffects == null ? List.of() : List.copyOf(masterEffects);
    }

    /** Stereo, 512-frame blocks, no master effects, -1 dBFS ceiling, 16 layers. */
    public static MixerConfig defaults(int sampleRate, Tempo tempo) {
        return new MixerConfig(sampleRate, 2, DEFAULT_BLOCK_FRAMES, tempo, List.of(), DEFAULT_LIMITER_CEILING_DB,
                DEFAULT_MAX_LAYERS);
    }

    public MixerConfig withMasterEffects(List<EffectSpec> effects) {
        return new MixerConfig(sampleRate, channels, blockFrames, tempo, effects, limiterCeilingDb, maxLayers);
    }

    public MixerConfig withBlockFrames(int frames) {
        return new MixerConfig(sampleRate, channels, frames, tempo, masterEffects, limiterCeilingDb, maxLayers);
    }
}
