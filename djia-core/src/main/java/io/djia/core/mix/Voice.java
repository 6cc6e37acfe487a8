package io.djia.core.mix;

import io.djia.core.fx.EffectChain;
import io.djia.core.fx.EffectSpec;
import io.djia.core.fx.LinearRamp;
import io.djia.core.fx.ParameterUpdate;
import io.djia.core.theory.Tempo;
import java.util.List;

/**
 * One playing instance of a layer: clip reader, effect chain, gain stage. Built on the control thread with
 * all its buffers; after the {@link Command.Start} is queued only the audio thread touches its audio state.
 * Every time-dependent value (loop iteration, fades, ramps) is a function of the absolute frame or of a
 * per-frame counter, so output never depends on how blocks are cut.
 */
final class Voice {
    private static final int NONE = 0;
    private static final int FADE_IN = 1;
    private static final int FADE_OUT = 2;

    final String id;
    private final float[] clipLeft;
    private final float[] clipRight;
    private final int clipFrames;
    private final long startFrame;
    private final double loopLengthFrames;
    private final long fadeInFrames;
    private final long rampFrames;
    private final long chainCrossfadeFrames;
    private final float[][] dry;
    private final float[][] wet;
    private final float[][] incoming;

    // Audio-thread state.
    private EffectChain chain;
    private EffectChain nextChain;
    private long chainFadePosition;
    private final LinearRamp volume;
    private final LinearRamp leftGain;
    private final LinearRamp rightGain;
    private boolean duckable;
    private boolean started;
    private boolean done;
    private long iteration;
    private long iterationStart;
    private long nextIterationStart;
    private int envelopeKind;
    private long envelopeStart;
    private long envelopeLength;
    private double envelopeFrom;
    private long naturalEnd = Long.MAX_VALUE;
    private long fadeEnd = Long.MAX_VALUE;
    /** Set by the audio thread when the voice has ended; read by the control thread. */
    volatile boolean finished;

    // Control-thread state.
    List<EffectSpec> controlEffects;
    boolean stopScheduled;

    Voice(String id, float[] clipLeft, float[] clipRight, long startFrame, double loopLengthFrames,
          long fadeInFrames, LayerSettings settings, EffectChain chain, int blockFrames, long rampFrames,
          long chainCrossfadeFrames) {
        this.id = id;
        this.clipLeft = clipLeft;
        this.clipRight = clipRight;
        this.clipFrames = clipLeft.length;
        this.startFrame = startFrame;
        this.loopLengthFrames = loopLengthFrames;
        this.fadeInFrames = fadeInFrames;
        this.rampFrames = rampFrames;
        this.chainCrossfadeFrames = Math.max(1, chainCrossfadeFrames);
        this.dry = new float[2][blockFrames];
        this.wet = new float[2][blockFrames];
        this.incoming = new float[2][blockFrames];
        this.chain = chain;
        this.volume = new LinearRamp(settings.volume());
        this.leftGain = new LinearRamp(Mixer.leftGainOf(settings.pan()));
        this.rightGain = new LinearRamp(Mixer.rightGainOf(settings.pan()));
        this.duckable = settings.duckable();
        this.controlEffects = settings.effects();
    }

    boolean looping() {
        return loopLengthFrames > 0;
    }

    /** First frame of loop iteration {@code k}: one multiplication and one rounding, never a running sum. */
    long iterationStartFrame(long k) {
        return startFrame + Math.round(k * loopLengthFrames);
    }

    boolean isDone() {
        return done;
    }

    // ---- audio thread ----

    /** Starts playing at {@code frame} (the start frame, or later if the command came late). */
    void start(long frame, Tempo tempo) {
        if (done) {
            return;
        }
        started = true;
        chain.setTempo(tempo);
        if (looping()) {
            long k = (long) Math.floor((frame - startFrame) / loopLengthFrames);
            k = Math.max(0, k);
            while (k > 0 && iterationStartFrame(k) > frame) {
                k--;
            }
            while (iterationStartFrame(k + 1) <= frame) {
                k++;
            }
            iteration = k;
            iterationStart = iterationStartFrame(k);
            nextIterationStart = iterationStartFrame(k + 1);
        } else {
            iterationStart = startFrame;
            nextIterationStart = Long.MAX_VALUE;
            naturalEnd = satAdd(startFrame + clipFrames, chain.tailFrames());
        }
        if (fadeInFrames > 0) {
            envelopeKind = FADE_IN;
            envelopeStart = frame;
            envelopeLength = fadeInFrames;
        }
    }

    /** Fades from the current level to silence over {@code frames}; an earlier end already under way wins. */
    void stop(long frame, long frames) {
        if (done) {
            return;
        }
        if (!started) {
            finish();
            return;
        }
        long end = satAdd(frame, frames);
        if (end >= fadeEnd) {
            return;
        }
        envelopeFrom = envelope(frame);
        envelopeKind = FADE_OUT;
        envelopeStart = frame;
        envelopeLength = frames;
        fadeEnd = end;
    }

    void applySettings(Command.Settings settings, Tempo tempo) {
        if (done) {
            return;
        }
        long ramp = started ? rampFrames : 0;
        volume.rampTo(settings.volume(), ramp);
        leftGain.rampTo(settings.leftGain(), ramp);
        rightGain.rampTo(settings.rightGain(), ramp);
        duckable = settings.duckable();
        if (settings.updates() != null) {
            EffectChain target = nextChain != null ? nextChain : chain;
            for (int i = 0; i < settings.updates().size(); i++) {
                ParameterUpdate update = settings.updates().get(i);
                if (update != null) {
                    update.applyTo(target.get(i));
                }
            }
        }
        if (settings.newChain() != null) {
            settings.newChain().setTempo(tempo);
            if (!started) {
                chain = settings.newChain();
            } else {
                if (nextChain != null) {
                    chain = nextChain;
                }
                nextChain = settings.newChain();
                chainFadePosition = 0;
            }
        }
        if (!looping() && started) {
            long tail = Math.max(chain.tailFrames(), nextChain == null ? 0 : nextChain.tailFrames());
            naturalEnd = Math.max(naturalEnd, satAdd(startFrame + clipFrames, tail));
        }
    }

    void setTempo(Tempo tempo) {
        chain.setTempo(tempo);
        if (nextChain != null) {
            nextChain.setTempo(tempo);
        }
    }

    /**
     * Adds frames {@code [position, position + frames)} of this voice into {@code mix} at {@code offset}.
     * {@code duckGains[i]} is the master ducking gain of frame {@code position + i}.
     */
    void render(long position, int frames, float[][] mix, int offset, double[] duckGains) {
        long end = Math.min(naturalEnd, fadeEnd);
        int active = (int) Math.max(0, Math.min(frames, end - position));
        if (active > 0) {
            readClip(position, active);
            float[][] source = runEffects(active);
            addWithGain(source, position, active, mix, offset, duckGains);
        }
        if (position + frames >= end) {
            finish();
        }
    }

    private void readClip(long position, int frames) {
        int done = 0;
        while (done < frames) {
            long frame = position + done;
            if (frame >= nextIterationStart) {
                iteration++;
                iterationStart = nextIterationStart;
                nextIterationStart = iterationStartFrame(iteration + 1);
                continue;
            }
            int run = (int) Math.min(frames - done, nextIterationStart - frame);
            long index = frame - iterationStart;
            int available = (int) Math.max(0, Math.min(run, clipFrames - index));
            if (available > 0) {
                System.arraycopy(clipLeft, (int) index, dry[0], done, available);
                System.arraycopy(clipRight, (int) index, dry[1], done, available);
            }
            if (available < run) {
                java.util.Arrays.fill(dry[0], done + available, done + run, 0f);
                java.util.Arrays.fill(dry[1], done + available, done + run, 0f);
            }
            done += run;
        }
    }

    private float[][] runEffects(int frames) {
        chain.process(dry, wet, frames);
        if (nextChain == null) {
            return wet;
        }
        nextChain.process(dry, incoming, frames);
        // Linear crossfade: old and new chains carry the same, correlated signal.
        for (int i = 0; i < frames; i++) {
            double t = Math.min(1.0, (double) (chainFadePosition + i) / chainCrossfadeFrames);
            wet[0][i] = (float) (wet[0][i] + t * (incoming[0][i] - wet[0][i]));
            wet[1][i] = (float) (wet[1][i] + t * (incoming[1][i] - wet[1][i]));
        }
        chainFadePosition += frames;
        if (chainFadePosition >= chainCrossfadeFrames) {
            chain = nextChain;
            nextChain = null;
        }
        return wet;
    }

    private void addWithGain(float[][] source, long position, int frames, float[][] mix, int offset,
                             double[] duckGains) {
        float[] srcL = source[0];
        float[] srcR = source[1];
        float[] mixL = mix[0];
        float[] mixR = mix[1];
        for (int i = 0; i < frames; i++) {
            double gain = volume.next() * envelope(position + i);
            if (duckable) {
                gain *= duckGains[i];
            }
            double gl = gain * leftGain.next();
            double gr = gain * rightGain.next();
            mixL[offset + i] += (float) (srcL[i] * gl);
            mixR[offset + i] += (float) (srcR[i] * gr);
        }
    }

    /**
     * Fade envelope at {@code frame}: equal-power quarter sine in ({@code sin(pi/2 t)}, exactly 1 from
     * {@code fadeInFrames} on) and quarter cosine out, so a replace crossfade keeps the power of two
     * unrelated loops constant.
     */
    private double envelope(long frame) {
        if (envelopeKind == NONE) {
            return 1.0;
        }
        long elapsed = frame - envelopeStart;
        if (envelopeKind == FADE_IN) {
            if (elapsed >= envelopeLength) {
                envelopeKind = NONE;
                return 1.0;
            }
            return elapsed <= 0 ? 0.0 : Math.sin(Math.PI / 2 * elapsed / envelopeLength);
        }
        if (elapsed >= envelopeLength) {
            return 0.0;
        }
        return envelopeFrom * Math.cos(Math.PI / 2 * Math.max(0, elapsed) / envelopeLength);
    }

    void finish() {
        done = true;
        finished = true;
    }

    private static long satAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
