/**
 * Effects: RBJ biquads, constant-power pan, smoothed gain, tempo-synced delay, FDN reverb, compressor and
 * look-ahead limiter, each a small {@link io.djia.core.fx.AudioProcessor} on planar float audio in [-1, 1],
 * described by immutable {@link io.djia.core.fx.EffectSpec} records and built by {@link io.djia.core.fx.Effects}.
 * Processors are single-threaded and never allocate, lock or do I/O in {@code process}; parameters in Hz, dB, s.
 */
package io.djia.core.fx;
