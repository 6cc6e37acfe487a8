package io.djia.app.live;

import io.djia.core.audio.AudioBuffer;
import io.djia.generate.GenerationRequest;
import io.djia.app.render.LayerEvent;
import io.djia.core.theory.Tempo;

/** Small clip and request transformations of the live engine; control thread, they allocate. */
final class LoopClips {
    private LoopClips() {
    }

    /**
     * The loop read from {@code phaseFrames} on and wrapped: frame 0 of the result is frame {@code phaseFrames} of
     * the loop, so a voice that starts mid-loop can be scheduled at a future frame and still loop on the original
     * grid. The result is {@code ceil(loopFrames)} long; a clip shorter than the loop is padded with silence.
     */
    static AudioBuffer rotate(AudioBuffer clip, double phaseFrames, double loopFrames) {
        int length = (int) Math.ceil(loopFrames);
        int start = (int) Math.floorMod(Math.round(phaseFrames), (long) length);
        float[][] out = new float[clip.channels()][length];
        for (int c = 0; c < clip.channels(); c++) {
            float[] in = clip.channel(c);
            float[] dst = out[c];
            int valid = Math.min(in.length, length);
            // dst[i] = loop[(start + i) mod length], where loop is the clip padded with zeros to length.
            int firstPart = length - start;
            if (start < valid) {
                System.arraycopy(in, start, dst, 0, valid - start);
            }
            System.arraycopy(in, 0, dst, firstPart, Math.min(valid, start));
        }
        return new AudioBuffer(out, clip.sampleRate());
    }

    /** The same layer start with its clip made at another tempo. */
    static LayerEvent.Start withTempo(LayerEvent.Start start, Tempo tempo) {
        GenerationRequest r = start.request();
        GenerationRequest remade = new GenerationRequest(r.profile(), r.layerType(), r.keywords(), r.prompt(), r.key(),
                tempo, r.bars(), r.intensity(), r.seed(), r.sampleRate());
        return new LayerEvent.Start(start.bar(), start.layerId(), remade, start.playback(), start.effects(),
                start.stems());
    }

    /** The same layer start with the user's prompt and stems, where given. */
    static LayerEvent.Start personalised(LayerEvent.Start start, String prompt, java.util.List<String> stems) {
        GenerationRequest r = start.request();
        GenerationRequest remade = prompt == null || prompt.isBlank() ? r
                : new GenerationRequest(r.profile(), r.layerType(), r.keywords(), prompt, r.key(), r.tempo(), r.bars(),
                        r.intensity(), r.seed(), r.sampleRate());
        return new LayerEvent.Start(start.bar(), start.layerId(), remade, start.playback(), start.effects(),
                stems == null || stems.isEmpty() ? start.stems() : stems);
    }
}
