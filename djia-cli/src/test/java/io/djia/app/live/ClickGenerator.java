package io.djia.app.live;

import io.djia.core.audio.AudioBuffer;
import io.djia.generate.GenerationRequest;
import io.djia.generate.Generator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generator whose every loop is silence with one click on its first frame: in a mix of such loops each onset is
 * a loop start, so where loops start can be read back from the output. The click is a single full-scale sample
 * per channel times {@link #CLICK_LEVEL}, so its onset is exact to the frame.
 */
final class ClickGenerator implements Generator {
    static final float CLICK_LEVEL = 0.5f;
    private final AtomicInteger made = new AtomicInteger();
    private final boolean neural;

    /** Stands for the embedded (fast) engine. */
    ClickGenerator() {
        this(false);
    }

    /** @param neural whether to stand for a slow (neural or remote) engine */
    ClickGenerator(boolean neural) {
        this.neural = neural;
    }

    @Override
    public AudioBuffer generate(GenerationRequest request) {
        made.incrementAndGet();
        int frames = request.frames();
        float[][] clip = new float[2][frames];
        clip[0][0] = CLICK_LEVEL;
        clip[1][0] = CLICK_LEVEL;
        return new AudioBuffer(clip, request.sampleRate());
    }

    int clipsMade() {
        return made.get();
    }

    @Override
    public String name() {
        return "clicks";
    }

    @Override
    public boolean isNeural() {
        return neural;
    }
}
