package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.SineTable;
import java.util.Arrays;

/**
 * The stereo loop being rendered. Sounds are added at any frame and wrap around the loop end into its start,
 * so a note or tail that crosses the end continues seamlessly when the clip repeats (circular rendering).
 * Holds two reusable scratch buffers for per-note rendering. Not thread-safe.
 */
final class LoopCanvas {
    private final float[] left;
    private final float[] right;
    private final int frames;
    private float[] scratchA = new float[0];
    private float[] scratchB = new float[0];

    LoopCanvas(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a loop needs at least one frame, got " + frames);
        }
        this.frames = frames;
        this.left = new float[frames];
        this.right = new float[frames];
    }

    int frames() {
        return frames;
    }

    float[] left() {
        return left;
    }

    float[] right() {
        return right;
    }

    /** A zeroed scratch buffer of at least {@code length} frames (reused; valid until the next call). */
    float[] scratch(int length) {
        if (scratchA.length < length) {
            scratchA = new float[Math.max(length, scratchA.length * 3 / 2)];
        } else {
            Arrays.fill(scratchA, 0, length, 0f);
        }
        return scratchA;
    }

    /** A second zeroed scratch buffer, independent of {@link #scratch(int)}. */
    float[] scratch2(int length) {
        if (scratchB.length < length) {
            scratchB = new float[Math.max(length, scratchB.length * 3 / 2)];
        } else {
            Arrays.fill(scratchB, 0, length, 0f);
        }
        return scratchB;
    }

    /** Adds {@code src[0..length)} at {@code start} (any frame; wraps) with separate channel gains. */
    void add(float[] src, int length, long start, double gainLeft, double gainRight) {
        int pos = (int) Math.floorMod(start, (long) frames);
        float gl = (float) gainLeft;
        float gr = (float) gainRight;
        int i = 0;
        while (i < length) {
            int n = Math.min(length - i, frames - pos);
            for (int k = 0; k < n; k++) {
                float v = src[i + k];
                left[pos + k] += v * gl;
                right[pos + k] += v * gr;
            }
            i += n;
            pos = 0;
        }
    }

    /** Adds a mono sound at a pan position (-1 left .. +1 right, constant power, unity gain at centre). */
    void addPanned(float[] src, int length, long start, double gain, double pan) {
        add(src, length, start, gain * panLeft(pan), gain * panRight(pan));
    }

    /** Adds a stereo pair at {@code start} (wraps). */
    void addStereo(float[] srcLeft, float[] srcRight, int length, long start, double gain) {
        int pos = (int) Math.floorMod(start, (long) frames);
        float g = (float) gain;
        int i = 0;
        while (i < length) {
            int n = Math.min(length - i, frames - pos);
            for (int k = 0; k < n; k++) {
                left[pos + k] += srcLeft[i + k] * g;
                right[pos + k] += srcRight[i + k] * g;
            }
            i += n;
            pos = 0;
        }
    }

    /**
     * Adds a continuous sound rendered for {@code frames + fade} frames, folding its last {@code fade} frames
     * over the first with an equal-power crossfade, so that a drone or noise bed of arbitrary phase joins
     * itself without a seam: the output at the wrap continues exactly from frame {@code frames - 1} into
     * {@code frames}.
     */
    void addLooped(float[] srcLeft, float[] srcRight, int fade, double gain) {
        float g = (float) gain;
        int xf = Math.min(fade, frames);
        for (int i = 0; i < frames; i++) {
            float l = srcLeft[i];
            float r = srcRight[i];
            if (i < xf) {
                double t = (i + 0.5) / xf;
                float in = (float) SineTable.sin(0.25 * t);
                float out = (float) SineTable.cos(0.25 * t);
                l = l * in + srcLeft[frames + i] * out;
                r = r * in + srcRight[frames + i] * out;
            }
            left[i] += l * g;
            right[i] += r * g;
        }
    }

    static double panLeft(double pan) {
        double p = Math.max(-1.0, Math.min(1.0, pan));
        return Math.cos((p + 1.0) * Math.PI / 4.0) * Math.sqrt(2.0);
    }

    static double panRight(double pan) {
        double p = Math.max(-1.0, Math.min(1.0, pan));
        return Math.sin((p + 1.0) * Math.PI / 4.0) * Math.sqrt(2.0);
    }
}
