package io.djia.separate;

import io.djia.core.audio.AudioBuffer;
import java.util.Objects;

/**
 * Splits a clip into {@link Stem drums, bass, other and vocals}. The stems have the clip's channels, length and
 * sample rate and sum back to the clip within float rounding ("other" takes whatever the rest leave).
 *
 * <p>Engines: {@link DspSeparator}, the embedded default that needs no files, and {@link DemucsOnnxSeparator},
 * which runs an exported Demucs model. Pick one with {@link #create}. Close a separator to free native memory.
 */
public sealed interface Separator extends AutoCloseable permits DspSeparator, DemucsOnnxSeparator {

    /** Separates one mono or stereo clip, reporting progress from the calling thread. */
    Stems separate(AudioBuffer clip, SeparationProgress progress);

    /** Separates one mono or stereo clip. */
    default Stems separate(AudioBuffer clip) {
        return separate(clip, SeparationProgress.NONE);
    }

    /** One line saying which engine this is, for logs and render metadata. */
    String description();

    @Override
    void close();

    /** The Demucs engine when the options name a model file, otherwise the DSP engine. */
    static Separator create(SeparatorOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.modelPath() != null) {
            return DemucsOnnxSeparator.open(options.modelPath(), options.onnx());
        }
        return new DspSeparator(options.dsp());
    }
}
