/**
 * Small synthesis units for the procedural generator: oscillators, filters, noise, envelopes and shapers.
 * Frequencies in Hz, times in seconds, samples as doubles in [-1, 1]. Each instance holds the state of one
 * voice and is not thread-safe; the static helpers are pure. Nothing allocates after construction.
 */
package io.djia.generate.procedural.dsp;
