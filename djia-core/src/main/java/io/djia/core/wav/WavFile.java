package io.djia.core.wav;

import io.djia.core.audio.AudioBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded WAV file.
 *
 * @param audio  the samples as planar floats at the file's sample rate
 * @param format how the samples were stored
 * @param loop   loop metadata from 'smpl' and 'acid' chunks, when the file has either
 */
public record WavFile(AudioBuffer audio, WavFormat format, Optional<LoopMetadata> loop) {
    public WavFile {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(loop, "loop");
        if (audio.channels() != format.channels() || audio.sampleRate() != format.sampleRate()) {
            throw new IllegalArgumentException("audio (" + audio.channels() + " ch, " + audio.sampleRate()
                    + " Hz) does not match format (" + format.channels() + " ch, " + format.sampleRate() + " Hz)");
        }
    }
}
