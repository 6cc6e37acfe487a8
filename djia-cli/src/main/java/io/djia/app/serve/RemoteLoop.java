package io.djia.app.serve;

import io.djia.core.audio.AudioBuffer;
import java.util.List;

/**
 * A loop the server made, with what it says about it.
 *
 * @param audio          stereo at the server's rate, exactly {@code measures} bars at {@code bpm}
 * @param bpm            the loop's tempo
 * @param key            its key (display name)
 * @param measures       its length in bars
 * @param style          the style
 * @param layerType      the layer type generated ("bass", "kick"...)
 * @param stemsUsed      stems the audio holds ("all": the whole loop)
 * @param seed           the seed it was made with (send it again for the same loop)
 * @param reasoning      the brain's one-sentence reason
 * @param requestId      the server's id of the request
 * @param attempts       how many attempts it took (1 when the first succeeded)
 */
public record RemoteLoop(AudioBuffer audio, double bpm, String key, int measures, String style, String layerType,
                         List<String> stemsUsed, long seed, String reasoning, String requestId, int attempts) {
    public RemoteLoop {
        stemsUsed = List.copyOf(stemsUsed);
    }
}
