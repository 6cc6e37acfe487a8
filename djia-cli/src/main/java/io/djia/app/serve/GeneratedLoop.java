package io.djia.app.serve;

import io.djia.core.audio.AudioBuffer;
import io.djia.generate.brain.ManageLayer;
import java.util.List;

/**
 * A loop made for a request.
 *
 * @param audio             stereo at {@link LoopService#SAMPLE_RATE}, exactly {@code measures} bars long
 * @param wav               the audio as WAV file bytes (16-bit PCM)
 * @param style             the style's name
 * @param bpm               the tempo the loop is on
 * @param key               the key it is in (display name)
 * @param measures          its length in bars
 * @param layerType         the layer type generated
 * @param stemsUsed         stems the audio holds
 * @param preferredStems    stems asked for
 * @param seed              the seed it was made with
 * @param decision          the manage_layer decision as applied
 * @param generationSeconds time spent deciding, generating and encoding
 */
public record GeneratedLoop(AudioBuffer audio, byte[] wav, String style, double bpm, String key, int measures,
                            String layerType, List<String> stemsUsed, List<String> preferredStems, long seed,
                            ManageLayer decision, double generationSeconds) {
    public String reasoning() {
        return decision.reasoning();
    }
}
