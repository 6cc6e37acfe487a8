package io.djia.app.live;

import io.djia.midi.TimeSource;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays a {@link LiveEngine} on the sound card through {@code javax.sound.sampled}: 16-bit stereo into a line with
 * an explicit small buffer. The only class that touches {@code javax.sound.sampled}.
 *
 * <p>Two threads. The render thread (maximum priority) renders a block, converts it in a preallocated byte array,
 * hands a copy to the recorder and writes it to the line; the blocking write paces it, and nothing in the loop
 * allocates, locks or does other I/O. The control thread wakes every {@value #CONTROL_PERIOD_MS} ms, reads the
 * line's play position into the {@link DeviceTimelineClock} and steps the engine.
 */
final class SoundCardDriver implements AutoCloseable {
    static final int CONTROL_PERIOD_MS = 2;

    private final LiveEngine engine;
    private final SourceDataLine line;
    private final LiveRecorder recorder;
    private final DeviceTimelineClock clock;
    private final int bufferFrames;
    private final Thread renderThread;
    private final Thread controlThread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private SoundCardDriver(LiveEngine engine, SourceDataLine line, LiveRecorder recorder) {
        this.engine = engine;
        this.line = line;
        this.recorder = recorder;
        this.bufferFrames = line.getBufferSize() / 4;
        this.clock = new DeviceTimelineClock(engine.sampleRate(), engine.latencyFrames(), System.nanoTime());
        int block = engine.blockFrames();
        long controlFrames = (long) Math.ceil(CONTROL_PERIOD_MS * 1e-3 * engine.sampleRate());
        // A command may miss the block being rendered (safety: one block); a bar's changes are committed a control
        // period and a block before that, with 5 ms to spare for a late wake-up.
        engine.attach(clock, TimeSource.system(), controlFrames + block + Math.round(0.005 * engine.sampleRate()),
                block, false);
        this.renderThread = new Thread(this::renderLoop, "djia-audio");
        this.renderThread.setPriority(Thread.MAX_PRIORITY);
        this.renderThread.setDaemon(true);
        this.controlThread = new Thread(this::controlLoop, "djia-live-control");
        this.controlThread.setDaemon(true);
    }

    /**
     * Opens the default output at the engine's rate with a buffer of about {@code bufferFrames} frames.
     *
     * @throws AudioUnavailableException when this machine has no usable output
     */
    static SoundCardDriver open(LiveEngine engine, int bufferFrames, LiveRecorder recorder)
            throws AudioUnavailableException {
        AudioFormat format = new AudioFormat(engine.sampleRate(), 16, 2, true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, Math.max(bufferFrames, 2 * engine.blockFrames()) * 4);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioUnavailableException("no audio output: " + (e.getMessage() == null ? e.toString()
                    : e.getMessage()), e);
        }
        return new SoundCardDriver(engine, line, recorder);
    }

    /** "audio: 44100 Hz, 512-frame blocks, 23.2 ms buffer". */
    String description() {
        return String.format(Locale.ROOT, "audio: %d Hz, %d-frame blocks, %.1f ms buffer", engine.sampleRate(),
                engine.blockFrames(), bufferFrames * 1000.0 / engine.sampleRate());
    }

    void start() {
        line.start();
        renderThread.start();
        controlThread.start();
    }

    /** Why the audio stopped, or null while it runs. */
    Throwable failure() {
        return failure;
    }

    private void renderLoop() {
        int block = engine.blockFrames();
        float[][] out = new float[2][block];
        byte[] bytes = new byte[block * 4];
        try {
            while (running) {
                engine.render(out);
                float[] left = out[0];
                float[] right = out[1];
                for (int i = 0, b = 0; i < block; i++, b += 4) {
                    int l = toShort(left[i]);
                    int r = toShort(right[i]);
                    bytes[b] = (byte) l;
                    bytes[b + 1] = (byte) (l >> 8);
                    bytes[b + 2] = (byte) r;
                    bytes[b + 3] = (byte) (r >> 8);
                }
                if (recorder != null) {
                    recorder.offer(out, block);
                }
                line.write(bytes, 0, bytes.length);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private static int toShort(float sample) {
        float clipped = sample > 1f ? 1f : (sample < -1f ? -1f : sample);
        return Math.round(clipped * 32767f);
    }

    private void controlLoop() {
        long period = CONTROL_PERIOD_MS * 1_000_000L;
        try {
            while (running) {
                clock.update(line.getLongFramePosition(), System.nanoTime());
                engine.step();
                LockSupport.parkNanos(period);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    @Override
    public void close() {
        running = false;
        // Stopping the line releases a render thread blocked in write.
        line.stop();
        line.flush();
        try {
            controlThread.join(1000);
            renderThread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }
}
