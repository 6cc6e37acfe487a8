/**
 * Time-stretching and pitch-shifting of planar float audio, and fitting generated loops to the bar grid.
 *
 * <p>Entry points: {@link io.djia.stretch.Stretcher} (streaming, constant latency in output frames),
 * {@link io.djia.stretch.Stretch} (whole buffers, exact lengths), {@link io.djia.stretch.LoopFitter} and the
 * {@link io.djia.stretch.StretchOptions} record. Ratios are output / input duration; pitch is in semitones.
 * A stretcher is single-threaded and allocation-free per block; the static helpers are thread-safe.
 */
package io.djia.stretch;
