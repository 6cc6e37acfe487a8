/**
 * Command-line helpers for measuring the stretcher against Rubber Band: synthetic loops rendered at any tempo
 * (references with known answers) and the log-spectral distance in dB. Not used by the library itself.
 */
package io.djia.stretch.tools;
