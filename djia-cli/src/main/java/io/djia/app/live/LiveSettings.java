package io.djia.app.live;

import io.djia.core.profile.StyleProfile;

/**
 * Fixed settings of a {@link LiveEngine}. Start from {@link #defaults} and change what you need.
 *
 * @param profile     the style, with any tempo and key overrides applied (its tempo is the internal clock's)
 * @param seed        the set's seed: the same seed, clock and requests give the same headless output
 * @param sampleRate  output rate in Hz
 * @param blockFrames frames the mixer renders per block
 * @param autoPilot   whether the brain decides by itself at every loop boundary (else only when asked)
 * @param clipThreads threads making clips in the background
 */
public record LiveSettings(StyleProfile profile, long seed, int sampleRate, int blockFrames, boolean autoPilot,
                           int clipThreads) {
    public LiveSettings {
        if (profile == null) {
            throw new IllegalArgumentException("a profile is required");
        }
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate must be 8000..192000 Hz, got " + sampleRate);
        }
        if (blockFrames < 16 || blockFrames > 8192) {
            throw new IllegalArgumentException("block must be 16..8192 frames, got " + blockFrames);
        }
        if (clipThreads < 1 || clipThreads > 64) {
            throw new IllegalArgumentException("clip threads must be 1..64, got " + clipThreads);
        }
    }

    /** 44.1 kHz, 512-frame blocks, the brain on auto-pilot, two clip threads. */
    public static LiveSettings defaults(StyleProfile profile, long seed) {
        return new LiveSettings(profile, seed, 44_100, 512, true, 2);
    }

    public LiveSettings withSampleRate(int value) {
        return new LiveSettings(profile, seed, value, blockFrames, autoPilot, clipThreads);
    }

    public LiveSettings withBlockFrames(int value) {
        return new LiveSettings(profile, seed, sampleRate, value, autoPilot, clipThreads);
    }

    public LiveSettings withAutoPilot(boolean value) {
        return new LiveSettings(profile, seed, sampleRate, blockFrames, value, clipThreads);
    }

    public LiveSettings withClipThreads(int value) {
        return new LiveSettings(profile, seed, sampleRate, blockFrames, autoPilot, value);
    }
}
