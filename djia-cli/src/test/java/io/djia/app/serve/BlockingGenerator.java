package io.djia.app.serve;

import io.djia.core.audio.AudioBuffer;
import io.djia.generate.GenerationCancelledException;
import io.djia.generate.GenerationMonitor;
import io.djia.generate.GenerationRequest;
import io.djia.generate.Generator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generator that holds every generation until {@link #release()}, so tests decide exactly how many requests are
 * running and waiting. It stops when its monitor says cancelled, as a real engine does between steps. Its audio is
 * a known answer: a 440 Hz sine at half scale in both channels, exactly the request's frames.
 */
final class BlockingGenerator implements Generator {
    static final double HZ = 440.0;
    static final float AMPLITUDE = 0.5f;

    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore entered = new Semaphore(0);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    @Override
    public AudioBuffer generate(GenerationRequest request) {
        return generate(request, GenerationMonitor.NONE);
    }

    @Override
    public AudioBuffer generate(GenerationRequest request, GenerationMonitor monitor) {
        calls.incrementAndGet();
        entered.release();
        try {
            while (!release.await(5, TimeUnit.MILLISECONDS)) {
                if (monitor.isCancelled()) {
                    cancelled.incrementAndGet();
                    throw new GenerationCancelledException("cancelled while generating");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException("interrupted");
        }
        finished.incrementAndGet();
        return sine(request.frames(), request.sampleRate());
    }

    static AudioBuffer sine(int frames, int sampleRate) {
        float[][] out = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            float x = (float) (AMPLITUDE * Math.sin(2 * Math.PI * HZ * i / sampleRate));
            out[0][i] = x;
            out[1][i] = x;
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** Lets every held and future generation finish. */
    void release() {
        release.countDown();
    }

    /** Waits until {@code n} more generations have started (5 s at most). */
    void awaitEntered(int n) throws InterruptedException {
        if (!entered.tryAcquire(n, 5, TimeUnit.SECONDS)) {
            throw new AssertionError("expected " + n + " generations to start within 5 s");
        }
    }

    int calls() {
        return calls.get();
    }

    int cancelled() {
        return cancelled.get();
    }

    int finished() {
        return finished.get();
    }

    @Override
    public String name() {
        return "blocking-test";
    }

    @Override
    public boolean isNeural() {
        return false;
    }
}
