package io.djia.app.render;

import io.djia.core.audio.AudioBuffer;

/** Collects a render in memory (for tests and short renders). */
public final class MemorySink implements AudioSink {
    private final float[][] samples;
    private final int sampleRate;
    private int written;

    public MemorySink(int channels, long frames, int sampleRate) {
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(frames + " frames do not fit in memory; write to a file instead");
        }
        this.samples = new float[channels][(int) frames];
        this.sampleRate = sampleRate;
    }

    @Override
    public void write(float[][] block, int frames) {
        if (written + (long) frames > samples[0].length) {
            throw new IllegalStateException("sink holds " + samples[0].length + " frames; got more");
        }
        for (int c = 0; c < samples.length; c++) {
            System.arraycopy(block[c], 0, samples[c], written, frames);
        }
        written += frames;
    }

    /** What has been written (the full buffer once the render is done). */
    public AudioBuffer audio() {
        return new AudioBuffer(samples, sampleRate);
    }

    public int framesWritten() {
        return written;
    }

    @Override
    public void close() {
    }
}
