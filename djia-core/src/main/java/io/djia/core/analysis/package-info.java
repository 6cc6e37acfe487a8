/**
 * Music-information retrieval on {@link io.djia.core.audio.AudioBuffer}s: tempo, beats, bar starts, key,
 * loudness (ITU-R BS.1770-4 / EBU R128), band-energy profiles and masking between a clip and a mix.
 * Times are in seconds, levels in dBFS / LUFS / LU / dBTP. Results are immutable records; analysers hold no
 * state between calls, so one instance may be shared by threads unless its class says otherwise.
 */
package io.djia.core.analysis;
