package io.djia.generate.procedural;

/** A synthesis recipe: renders one clip into a canvas. Implementations are stateless and thread-safe. */
interface Instrument {
    void render(ClipContext ctx, LoopCanvas canvas);
}
