package io.djia.core.spectral;

import java.util.Objects;

/**
 * A complex short-time spectrum: {@code re[frame][bin]} and {@code im[frame][bin]} with {@code fftSize / 2 + 1}
 * bins per frame, as produced by {@link Stft#forward} and consumed by {@link Stft#inverse}.
 *
 * <p>The arrays are live: callers may edit them in place (masking, phase changes) before an inverse transform.
 * Not thread-safe while being edited.
 */
public final class Spectrogram {
    private final float[][] re;
    private final float[][] im;

    /** Wraps the given arrays (not copied); both must be {@code [frames][bins]} with equal shapes. */
    public Spectrogram(float[][] re, float[][] im) {
        Objects.requireNonNull(re, "re");
        Objects.requireNonNull(im, "im");
        if (re.length != im.length) {
            throw new IllegalArgumentException("re has " + re.length + " frames but im has " + im.length);
        }
        int bins = re.length == 0 ? 0 : re[0].length;
        for (int t = 0; t < re.length; t++) {
            if (re[t].length != bins || im[t].length != bins) {
                throw new IllegalArgumentException("frame " + t + " has " + re[t].length + "/" + im[t].length
                        + " bins (re/im), expected " + bins);
            }
        }
        this.re = re;
        this.im = im;
    }

    /** An all-zero spectrogram of the given shape. */
    public static Spectrogram zeros(int frames, int bins) {
        if (frames < 0 || bins < 1) {
            throw new IllegalArgumentException("need frames >= 0 and bins >= 1, got " + frames + " x " + bins);
        }
        return new Spectrogram(new float[frames][bins], new float[frames][bins]);
    }

    public int frames() {
        return re.length;
    }

    public int bins() {
        return re.length == 0 ? 0 : re[0].length;
    }

    /** Live real parts, {@code [frame][bin]}. */
    public float[][] re() {
        return re;
    }

    /** Live imaginary parts, {@code [frame][bin]}. */
    public float[][] im() {
        return im;
    }

    public float magnitude(int frame, int bin) {
        float r = re[frame][bin];
        float i = im[frame][bin];
        return (float) Math.sqrt(r * r + i * i);
    }

    /** Squared magnitude, cheaper than {@link #magnitude} where only energy matters. */
    public float power(int frame, int bin) {
        float r = re[frame][bin];
        float i = im[frame][bin];
        return r * r + i * i;
    }

    /** Phase in radians, in (-pi, pi]. */
    public float phase(int frame, int bin) {
        return (float) Math.atan2(im[frame][bin], re[frame][bin]);
    }

    /** A new {@code [frame][bin]} array of magnitudes. */
    public float[][] magnitudes() {
        float[][] out = new float[frames()][bins()];
        for (int t = 0; t < out.length; t++) {
            float[] r = re[t];
            float[] i = im[t];
            float[] m = out[t];
            for (int k = 0; k < m.length; k++) {
                m[k] = (float) Math.sqrt(r[k] * r[k] + i[k] * i[k]);
            }
        }
        return out;
    }

    /** A deep copy. */
    public Spectrogram copy() {
        float[][] r = new float[frames()][];
        float[][] i = new float[frames()][];
        for (int t = 0; t < r.length; t++) {
            r[t] = re[t].clone();
            i[t] = im[t].clone();
        }
        return new Spectrogram(r, i);
    }
}
