package io.djia.generate.models;

/**
 * The sizes of a MusicGen export that its tensors show. A field equal to {@link #UNKNOWN} is read from the files
 * (the generic "musicgen" layout accepts any size).
 *
 * @param textHiddenSize  width of the T5 encoder's hidden states (768 for t5-base)
 * @param decoderLayers   decoder layers: one set of past_key_values.N.* per layer
 * @param attentionHeads  heads of each cached key/value
 * @param headDim         width of each head
 * @param codebooks       EnCodec codebooks interleaved by the delay pattern (4)
 * @param vocabSize       codes per codebook; the logits' last axis (2048)
 * @param padTokenId      the pad and start token (2048, one past the last code)
 * @param sampleRate      EnCodec's output rate in Hz (32000)
 * @param frameRateHz     code frames per second (50: EnCodec's hop is 640 samples)
 * @param maxPositions    longest decoder sequence the model was trained for, delay positions included (1500)
 */
public record MusicGenDims(int textHiddenSize, int decoderLayers, int attentionHeads, int headDim, int codebooks,
                           int vocabSize, int padTokenId, int sampleRate, int frameRateHz, int maxPositions) {
    /** A size that is read from the model files. */
    public static final int UNKNOWN = -1;

    public MusicGenDims {
        if (codebooks < 1 || vocabSize < 2 || sampleRate < 1 || frameRateHz < 1 || maxPositions <= codebooks) {
            throw new IllegalArgumentException("MusicGen dims out of range: codebooks " + codebooks + ", vocab " + vocabSize
                    + ", rate " + sampleRate + " Hz, " + frameRateHz + " frames/s, " + maxPositions + " positions");
        }
        for (int v : new int[] {textHiddenSize, decoderLayers, attentionHeads, headDim}) {
            if (v != UNKNOWN && v < 1) {
                throw new IllegalArgumentException("MusicGen sizes must be positive or UNKNOWN, got " + v);
            }
        }
    }

    /** facebook/musicgen-small: T5-base text encoder, 24 layers of 16 heads of 64. */
    public static MusicGenDims small() {
        return new MusicGenDims(768, 24, 16, 64, 4, 2048, 2048, 32000, 50, 1500);
    }

    /** facebook/musicgen-medium: 48 layers of 24 heads of 64. */
    public static MusicGenDims medium() {
        return new MusicGenDims(768, 48, 24, 64, 4, 2048, 2048, 32000, 50, 1500);
    }

    /** facebook/musicgen-large: 48 layers of 32 heads of 64. */
    public static MusicGenDims large() {
        return new MusicGenDims(768, 48, 32, 64, 4, 2048, 2048, 32000, 50, 1500);
    }

    /** Any size; the text width, layers, heads and head width are read from the files. */
    public static MusicGenDims anySize() {
        return new MusicGenDims(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, 4, 2048, 2048, 32000, 50, 1500);
    }

    public boolean isResolved() {
        return textHiddenSize != UNKNOWN && decoderLayers != UNKNOWN && attentionHeads != UNKNOWN && headDim != UNKNOWN;
    }

    /** Longest clip in code frames: the positions left after the delay pattern's extra steps. */
    public int maxFrames() {
        return maxPositions - codebooks;
    }

    /** EnCodec samples per code frame (640 at 32 kHz and 50 frames/s). */
    public int samplesPerFrame() {
        return sampleRate / frameRateHz;
    }

    public MusicGenDims withSizes(int newTextHidden, int newLayers, int newHeads, int newHeadDim) {
        return new MusicGenDims(newTextHidden, newLayers, newHeads, newHeadDim, codebooks, vocabSize, padTokenId,
                sampleRate, frameRateHz, maxPositions);
    }
}
