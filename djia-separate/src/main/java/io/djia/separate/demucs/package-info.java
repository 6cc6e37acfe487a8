/**
 * Host side of Demucs-style hybrid models exported to ONNX: the model description, segmenting with overlap-add,
 * normalisation, and the spectrogram conventions of HTDemucs. Audio is planar float at the model's rate;
 * a {@link io.djia.separate.demucs.HybridPipeline} reuses scratch buffers, so one call at a time per instance.
 */
package io.djia.separate.demucs;
