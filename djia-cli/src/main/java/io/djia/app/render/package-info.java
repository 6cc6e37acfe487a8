/**
 * Offline rendering of a whole set: the brain plans it bar by bar ({@link io.djia.app.render.SetPlanner}),
 * clips are made in parallel ({@link io.djia.app.render.ClipMaker}), and the shared mixer renders fixed
 * blocks into a sink ({@link io.djia.app.render.SetRenderer}). Frames are long counts on the tempo grid.
 */
package io.djia.app.render;
