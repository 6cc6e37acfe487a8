/**
 * Effects: filters, pan, tempo-synced delay, reverb, compressor and limiter, each a block processor
 * with no allocation in {@code process}. Described by immutable {@link io.djia.core.fx.EffectSpec} records.
 */
package io.djia.core.fx;
