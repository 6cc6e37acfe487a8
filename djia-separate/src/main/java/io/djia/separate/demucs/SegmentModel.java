package io.djia.separate.demucs;

/**
 * One call of a separation network on one segment, with tensors as flat row-major float arrays in the layouts
 * of {@link DemucsModelDescription}. Arrays absent from the description are null. Implementations write every
 * element of the output arrays and keep no reference to any array.
 */
@FunctionalInterface
public interface SegmentModel {
    void run(float[] waveform, float[] spectrogram, float[] waveformOut, float[] spectrogramOut);
}
