/**
 * Band-limited sample-rate conversion with a Kaiser-windowed sinc: offline ({@link io.djia.core.resample.Resampler},
 * zero delay, exact output length) and streaming ({@link io.djia.core.resample.StreamingResampler}, constant latency,
 * no allocation per block). Rates in Hz, positions in frames. A Resampler is immutable and thread-safe; a
 * StreamingResampler belongs to one thread.
 */
package io.djia.core.resample;
