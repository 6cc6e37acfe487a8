/**
 * Spectral building blocks on JTransforms: a planned real FFT with split re/im arrays, windows, and the
 * STFT. Instances are single-threaded and allocate only when constructed.
 */
package io.djia.core.spectral;
