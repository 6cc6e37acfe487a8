/**
 * Stem separation: a {@link io.djia.separate.Separator} turns a clip into drums, bass, other and vocals that sum
 * back to the clip, and a {@link io.djia.separate.StemSelector} picks the stems that complement the mix.
 * Audio is planar float at the clip's sample rate; separators say in their docs whether calls may overlap.
 */
package io.djia.separate;
