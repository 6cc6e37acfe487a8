/**
 * WAV (RIFF/WAVE) reading and writing: integer PCM 8/16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE,
 * and loop metadata in 'smpl' and 'acid' chunks. Samples are planar floats nominally in [-1, 1]; loop points are
 * frame indices. Static entry points are thread-safe; a {@link io.djia.core.wav.WavStreamWriter} belongs to one
 * thread and does file I/O, so it never runs on the audio thread.
 */
package io.djia.core.wav;
