package io.djia.app.render;

import io.djia.core.audio.AudioBuffer;
import io.djia.generate.GenerationRequest;
import io.djia.generate.Generator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the clip for each layer start: generate, fit to the grid when the engine does not already, keep the
 * chosen stems. Clips for the embedded generator are made on all cores ahead of the mixer; neural engines,
 * which hold one native session, get one thread.
 */
public final class ClipMaker implements AutoCloseable {
    /** Turns a generated clip into the clip the layer plays (fit to the grid, keep stems...). */
    public interface ClipStage extends AutoCloseable {
        AudioBuffer apply(AudioBuffer clip, LayerEvent.Start start);

        /** Frees what the stage holds (a separator's native session); closed with the clip maker. */
        @Override
        default void close() {
        }
    }

    private final Generator generator;
    private final ClipStage stage;
    private final ExecutorService pool;

    public ClipMaker(Generator generator, ClipStage stage, int threads) {
        this.generator = generator;
        this.stage = stage;
        int n = generator.isNeural() ? 1 : Math.max(1, threads);
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "djia-clip-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts making the clip; the future's value is stereo at the request's rate. */
    public Future<AudioBuffer> submit(LayerEvent.Start start) {
        return pool.submit(() -> make(start));
    }

    /** Waits for a clip, unwrapping failures into a runtime exception that names the layer. */
    public static AudioBuffer await(Future<AudioBuffer> clip, LayerEvent.Start start) {
        try {
            return clip.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while generating " + start.layerId());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("generating layer " + start.layerId() + " failed: " + cause, cause);
        }
    }

    private AudioBuffer make(LayerEvent.Start start) {
        GenerationRequest request = start.request();
        AudioBuffer clip = generator.generate(request);
        if (clip.sampleRate() != request.sampleRate()) {
            throw new IllegalStateException("generator " + generator.name() + " returned " + clip.sampleRate()
                    + " Hz for a " + request.sampleRate() + " Hz request");
        }
        AudioBuffer staged = stage.apply(clip, start);
        return staged.channels() == 2 ? staged : staged.toStereo();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        stage.close();
    }
}
