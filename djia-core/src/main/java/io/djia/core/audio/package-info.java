/**
 * Planar float audio buffers ({@code [channel][frame]}) that carry their sample rate.
 * Not thread-safe; a buffer belongs to whoever made it.
 */
package io.djia.core.audio;
