package io.djia.core.fx;

import io.djia.core.theory.Tempo;

/**
 * Stereo feedback delay whose time is a note value at the current tempo ({@code 1/8d} at 120 BPM = 0.375 s).
 *
 * <p>Output is {@code (1 - mix) dry + mix wet}; the k-th echo (k = 0 first) of an impulse has gain
 * {@code mix * feedback^k} when damping is off. A one-pole low-pass in the feedback loop darkens each repeat
 * like tape or analog echoes. In ping-pong mode the mono sum enters the left line and the lines feed each
 * other, so repeats alternate left and right. A tempo change glides the delay time over ~50 ms (read with
 * linear interpolation) instead of jumping, which would click. The lines are allocated once for
 * {@code maxDelaySeconds}; longer times are clamped.
 */
public final class TempoSyncedDelay implements AudioProcessor, TempoSynced {
    public static final double DEFAULT_MAX_DELAY_SECONDS = 4.0;
    public static final double DEFAULT_DAMPING_HZ = 6000.0;
    private static final double GLIDE_SECONDS = 0.05;
    private static final double PARAMETER_RAMP_SECONDS = 0.02;
    private static final float TINY = 1e-20f;

    private final int sampleRate;
    private final float[] left;
    private final float[] right;
    private final int mask;
    private final double maxDelayFrames;
    private final double glideCoefficient;
    private final long parameterRampFrames;
    private final boolean pingPong;
    private final boolean damped;
    private final double dampingCoefficient;
    private final LinearRamp feedback;
    private final LinearRamp mix;

    private double beats;
    private Tempo tempo;
    private double delayFrames;
    private double targetDelayFrames;
    private double dampLeft;
    private double dampRight;
    private int write;

    /**
     * @param beats           delay time in quarter-note beats (see {@link EffectSpec#beatsOf})
     * @param feedback        gain of each repeat, 0..0.95
     * @param mix             wet share 0..1
     * @param dampingHz       cutoff of the low-pass in the loop; 0 or >= fs/2 turns damping off
     * @param maxDelaySeconds size of the preallocated lines
     */
    public TempoSyncedDelay(int sampleRate, Tempo tempo, double beats, double feedback, double mix,
                            double dampingHz, boolean pingPong, double maxDelaySeconds) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (tempo == null) {
            throw new IllegalArgumentException("a tempo-synced delay needs a tempo");
        }
        if (!(maxDelaySeconds > 0 && maxDelaySeconds <= 60)) {
            throw new IllegalArgumentException("max delay must be in (0, 60] s, got " + maxDelaySeconds);
        }
        if (!(dampingHz >= 0)) {
            throw new IllegalArgumentException("damping cutoff must be >= 0 Hz (0 = off), got " + dampingHz);
        }
        checkBeats(beats);
        checkFeedback(feedback);
        checkMix(mix);
        this.sampleRate = sampleRate;
        this.maxDelayFrames = Math.ceil(maxDelaySeconds * sampleRate);
        int capacity = Integer.highestOneBit((int) maxDelayFrames + 2) << 1;
        this.left = new float[capacity];
        this.right = new float[capacity];
        this.mask = capacity - 1;
        this.glideCoefficient = 1.0 - Math.exp(-1.0 / (GLIDE_SECONDS * sampleRate));
        this.parameterRampFrames = Math.round(PARAMETER_RAMP_SECONDS * sampleRate);
        this.pingPong = pingPong;
        this.damped = dampingHz > 0 && dampingHz < sampleRate / 2.0;
        this.dampingCoefficient = damped ? 1.0 - Math.exp(-2.0 * Math.PI * dampingHz / sampleRate) : 1.0;
        this.feedback = new LinearRamp(feedback);
        this.mix = new LinearRamp(mix);
        this.beats = beats;
        this.tempo = tempo;
        this.targetDelayFrames = delayFramesFor(tempo, beats);
        this.delayFrames = targetDelayFrames;
    }

    /** A delay of {@code noteValue} ("1/8d", "1/4", ...) with 6 kHz damping and 4 s of line, not ping-pong. */
    public static TempoSyncedDelay of(int sampleRate, Tempo tempo, String noteValue, double feedback, double mix) {
        return new TempoSyncedDelay(sampleRate, tempo, EffectSpec.beatsOf(noteValue), feedback, mix,
                DEFAULT_DAMPING_HZ, false, DEFAULT_MAX_DELAY_SECONDS);
    }

    /** Current target delay time in frames (fractional). */
    public double delayFrames() {
        return targetDelayFrames;
    }

    @Override
    public void setTempo(Tempo newTempo) {
        tempo = newTempo;
        targetDelayFrames = delayFramesFor(newTempo, beats);
    }

    /** Changes the note value, given in beats; glides like a tempo change. */
    public void setBeats(double newBeats) {
        checkBeats(newBeats);
        beats = newBeats;
        targetDelayFrames = delayFramesFor(tempo, newBeats);
    }

    public void setFeedback(double newFeedback) {
        checkFeedback(newFeedback);
        feedback.rampTo(newFeedback, parameterRampFrames);
    }

    public void setMix(double newMix) {
        checkMix(newMix);
        mix.rampTo(newMix, parameterRampFrames);
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        if (in.length != 2 || out.length != 2) {
            throw new IllegalArgumentException("the delay needs stereo in and out, got " + in.length
                    + " and " + out.length + " channels");
        }
        float[] inL = in[0];
        float[] inR = in[1];
        float[] outL = out[0];
        float[] outR = out[1];
        for (int i = 0; i < frames; i++) {
            if (delayFrames != targetDelayFrames) {
                delayFrames += (targetDelayFrames - delayFrames) * glideCoefficient;
                if (Math.abs(targetDelayFrames - delayFrames) < 1e-6) {
                    delayFrames = targetDelayFrames;
                }
            }
            double fb = feedback.next();
            double wet = mix.next();
            double readPosition = write - delayFrames;
            int i0 = (int) Math.floor(readPosition);
            double frac = readPosition - i0;
            double dl = read(left, i0, frac);
            double dr = read(right, i0, frac);
            double fl = dl;
            double fr = dr;
            if (damped) {
                dampLeft += dampingCoefficient * (dl - dampLeft);
                dampRight += dampingCoefficient * (dr - dampRight);
                if (Math.abs(dampLeft) < 1e-30) {
                    dampLeft = 0;
                }
                if (Math.abs(dampRight) < 1e-30) {
                    dampRight = 0;
                }
                fl = dampLeft;
                fr = dampRight;
            }
            double xl = inL[i];
            double xr = inR[i];
            float wl;
            float wr;
            if (pingPong) {
                wl = (float) (0.5 * (xl + xr) + fb * fr);
                wr = (float) (fb * fl);
            } else {
                wl = (float) (xl + fb * fl);
                wr = (float) (xr + fb * fr);
            }
            // Flush far-below-audible values: a decaying loop would otherwise sit in slow subnormals forever.
            left[write] = Math.abs(wl) < TINY ? 0f : wl;
            right[write] = Math.abs(wr) < TINY ? 0f : wr;
            write = (write + 1) & mask;
            outL[i] = (float) ((1.0 - wet) * xl + wet * dl);
            outR[i] = (float) ((1.0 - wet) * xr + wet * dr);
        }
    }

    private double read(float[] line, int i0, double frac) {
        double a = line[i0 & mask];
        if (frac == 0.0) {
            return a;
        }
        return a + frac * (line[(i0 + 1) & mask] - a);
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(left, 0f);
        java.util.Arrays.fill(right, 0f);
        dampLeft = 0;
        dampRight = 0;
        write = 0;
        delayFrames = targetDelayFrames;
        feedback.jumpTo(feedback.target());
        mix.jumpTo(mix.target());
    }

    /** Until the repeats fall 80 dB below the first. */
    @Override
    public long tailFrames() {
        double fb = Math.max(feedback.target(), feedback.current());
        long repeats = fb <= 0 ? 1 : (long) Math.ceil(Math.log(1e-4) / Math.log(fb)) + 1;
        return (long) Math.ceil(repeats * Math.max(targetDelayFrames, delayFrames));
    }

    private double delayFramesFor(Tempo t, double noteBeats) {
        double frames = noteBeats * t.samplesPerBeat(sampleRate);
        return Math.max(1.0, Math.min(maxDelayFrames, frames));
    }

    private static void checkBeats(double beats) {
        if (!(beats > 0 && beats <= 16)) {
            throw new IllegalArgumentException("delay note value must be 1/64..4 bars (0..16 beats), got " + beats + " beats");
        }
    }

    private static void checkFeedback(double feedback) {
        if (!(feedback >= 0 && feedback <= 0.95)) {
            throw new IllegalArgumentException("delay feedback must be 0..0.95, got " + feedback);
        }
    }

    private static void checkMix(double mix) {
        if (!(mix >= 0 && mix <= 1)) {
            throw new IllegalArgumentException("wet mix must be 0..1, got " + mix);
        }
    }
}
