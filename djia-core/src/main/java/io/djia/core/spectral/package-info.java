/**
 * Spectral building blocks on JTransforms: a planned real FFT with split re/im arrays, windows, the offline
 * {@link io.djia.core.spectral.Stft} (centred frames, least-squares inverse) and the block-based
 * {@link io.djia.core.spectral.StreamingStft} for the live engine. Instances are single-threaded and allocate
 * only when constructed (offline {@code forward} allocates its result); callers own the arrays they pass in.
 */
package io.djia.core.spectral;
