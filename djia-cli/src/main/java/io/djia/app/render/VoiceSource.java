package io.djia.app.render;

import io.djia.core.audio.AudioBuffer;
import java.util.Optional;

/** Speaks a line for a voice drop; empty when no speech engine is available. */
@FunctionalInterface
public interface VoiceSource {
    VoiceSource NONE = (text, energy, sampleRate) -> Optional.empty();

    Optional<AudioBuffer> speak(String text, int energy, int sampleRate);

    /** Engine name for reports. */
    default String name() {
        return "none";
    }
}
