package io.djia.core.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * Planar floating-point audio: {@code samples[channel][frame]} at a fixed sample rate.
 *
 * <p>Samples are nominally in [-1, 1]. The buffer owns its arrays; {@link #channel(int)} exposes them
 * for fast in-place processing, every other method returns a new buffer.
 */
public final class AudioBuffer {
    private final float[][] samples;
    private final int sampleRate;

    /** Wraps the given planar arrays (not copied). All channels must have the same length. */
    public AudioBuffer(float[][] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        if (samples.length < 1) {
            throw new IllegalArgumentException("an audio buffer needs at least one channel");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        int frames = samples[0].length;
        for (int c = 1; c < samples.length; c++) {
            if (samples[c].length != frames) {
                throw new IllegalArgumentException("channel " + c + " has " + samples[c].length
                        + " frames, channel 0 has " + frames);
            }
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /** A silent buffer. */
    public static AudioBuffer silence(int channels, int frames, int sampleRate) {
        return new AudioBuffer(new float[channels][frames], sampleRate);
    }

    public int channels() {
        return samples.length;
    }

    public int frames() {
        return samples[0].length;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** The live array of one channel; writes change this buffer. */
    public float[] channel(int c) {
        return samples[c];
    }

    /** The live planar arrays; writes change this buffer. */
    public float[][] planar() {
        return samples;
    }

    public AudioBuffer copy() {
        float[][] out = new float[samples.length][];
        for (int c = 0; c < samples.length; c++) {
            out[c] = samples[c].clone();
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** Average of all channels. */
    public AudioBuffer toMono() {
        if (channels() == 1) {
            return copy();
        }
        int n = frames();
        float[] mono = new float[n];
        float scale = 1f / channels();
        for (float[] ch : samples) {
            for (int i = 0; i < n; i++) {
                mono[i] += ch[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mono[i] *= scale;
        }
        return new AudioBuffer(new float[][] {mono}, sampleRate);
    }

    /** Mono is duplicated to both sides; stereo is copied; more channels fold down by averaging odd and even channels. */
    public AudioBuffer toStereo() {
        if (channels() == 2) {
            return copy();
        }
        if (channels() == 1) {
            return new AudioBuffer(new float[][] {samples[0].clone(), samples[0].clone()}, sampleRate);
        }
        int n = frames();
        float[] left = new float[n];
        float[] right = new float[n];
        int leftCount = 0;
        int rightCount = 0;
        for (int c = 0; c < channels(); c++) {
            float[] target = (c % 2 == 0) ? left : right;
            for (int i = 0; i < n; i++) {
                target[i] += samples[c][i];
            }
            if (c % 2 == 0) {
                leftCount++;
            } else {
                rightCount++;
            }
        }
        for (int i = 0; i < n; i++) {
            left[i] /= leftCount;
            right[i] /= rightCount;
        }
        return new AudioBuffer(new float[][] {left, right}, sampleRate);
    }

    /** Frames {@code [from, from + length)} as a new buffer. */
    public AudioBuffer slice(int from, int length) {
        if (from < 0 || length < 0 || from + (long) length > frames()) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + (from + (long) length)
                    + ") outside a buffer of " + frames() + " frames");
        }
        float[][] out = new float[samples.length][];
        for (int c = 0; c < samples.length; c++) {
            out[c] = Arrays.copyOfRange(samples[c], from, from + length);
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** A copy with every sample multiplied by the linear factor of {@code gainDb}. */
    public AudioBuffer withGainDb(double gainDb) {
        return withGain((float) Math.pow(10.0, gainDb / 20.0));
    }

    /** A copy with every sample multiplied by {@code factor}. */
    public AudioBuffer withGain(float factor) {
        AudioBuffer out = copy();
        for (float[] ch : out.samples) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] *= factor;
            }
        }
        return out;
    }

    /** Largest absolute sample value over all channels. */
    public float peak() {
        float peak = 0f;
        for (float[] ch : samples) {
            for (float v : ch) {
                float a = Math.abs(v);
                if (a > peak || Float.isNaN(v)) {
                    peak = Float.isNaN(v) ? Float.NaN : a;
                    if (Float.isNaN(v)) {
                        return Float.NaN;
                    }
                }
            }
        }
        return peak;
    }

    /** Root mean square over all channels and frames. */
    public double rms() {
        double sum = 0;
        long count = 0;
        for (float[] ch : samples) {
            for (float v : ch) {
                sum += (double) v * v;
            }
            count += ch.length;
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }
}
