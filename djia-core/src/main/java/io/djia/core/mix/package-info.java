/**
 * The mixer: one render graph for offline and live playback. Layers are clips with effects, volume and pan,
 * scheduled at absolute frames; the master bus ends in a true-peak limiter. One control thread schedules,
 * one audio thread renders; the hand-over is a lock-free queue and rendering never allocates.
 */
package io.djia.core.mix;
