/**
 * The embedded procedural synthesiser: renders style-specific drum kits, basses, chords, leads, textures and
 * effects from code, with no model weights. {@link io.djia.generate.procedural.ProceduralGenerator} is the entry
 * point; it is stateless and thread-safe. Clips are stereo float audio exactly on the bar grid, rendered
 * circularly so they loop without a click, with no DC and peaks at most -1 dBFS.
 */
package io.djia.generate.procedural;
