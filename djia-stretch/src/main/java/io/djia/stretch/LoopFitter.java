package io.djia.stretch;

import io.djia.core.analysis.KeyDetector;
import io.djia.core.analysis.OnsetDetector;
import io.djia.core.analysis.OnsetEnvelope;
import io.djia.core.analysis.TempoEstimate;
import io.djia.core.analysis.TempoEstimator;
import io.djia.core.analysis.TempoPrior;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import java.util.Objects;
import java.util.Optional;

/**
 * Fits a generated clip onto the bar grid: finds its musical start, estimates its tempo, stretches a whole
 * number of its bars to exactly {@code target.framesOfBars(bars, rate)} frames, makes the loop point seamless
 * and, when asked, transposes it into the session key.
 *
 * <ol>
 *   <li><b>Start</b>: the first onset at least {@value #STRONG_ONSET_FRACTION} of the strongest one
 *       ({@link OnsetDetector}), moved back to where the waveform starts to rise; a clip without onsets starts
 *       where it first exceeds -40 dB of its peak.</li>
 *   <li><b>Tempo</b>: {@link TempoEstimator} with a prior around the target tempo (generated clips are asked for
 *       near it), then snapped so that the clip, from the start or from frame 0, holds a whole number of bars
 *       when that is within {@value #SNAP_TOLERANCE} of the estimate; without a pulse (a pad), the clip is taken
 *       to be a whole number of bars near the target tempo.</li>
 *   <li><b>Stretch</b>: as many source bars as the clip holds, up to {@code bars}, plus the quarter bar that
 *       follows them (or, when the clip ends, their own beginning again), stretched by
 *       {@link Stretch#toFrames}; fewer source bars are tiled on exact bar frames.</li>
 *   <li><b>Seam</b>: the stretched quarter bar past the loop end is laid over the loop start, where a repeat
 *       plays it, added when it is a decay and crossfaded when it is music carrying on, so the jump from the
 *       last frame to the first continues the sound instead of cutting it.</li>
 * </ol>
 *
 * <p>Stateless apart from its options; thread-safe.
 */
public final class LoopFitter {
    static final double STRONG_ONSET_FRACTION = 0.3;
    static final double SNAP_TOLERANCE = 0.03;
    private static final double TAIL_BARS = 0.25;
    private static final double ADD_BELOW = 0.3;
    private static final double CROSSFADE_ABOVE = 0.7;
    private static final double SILENCE_FRACTION = 0.01;
    private static final int MAX_BARS = 256;

    private final StretchOptions options;

    /** Standard quality, no formant preservation. */
    public LoopFitter() {
        this(StretchOptions.defaults());
    }

    /**
     * Uses the quality and formant mode of {@code options}, and its pitch shift when no key is asked for; the
     * ratio is set per clip.
     */
    public LoopFitter(StretchOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * What {@link #fit} did.
     *
     * @param audio             the loop, exactly {@code target.framesOfBars(bars, rate)} frames
     * @param sourceTempo       the clip's estimated tempo (with the target's meter)
     * @param startOffsetFrames where the music starts in the clip
     * @param ratio             time ratio applied (output / input duration)
     * @param pitchSemitones    transposition applied, 0 when none
     */
    public record FitResult(AudioBuffer audio, Tempo sourceTempo, int startOffsetFrames, double ratio,
            double pitchSemitones) {
        public FitResult {
            Objects.requireNonNull(audio, "audio");
            Objects.requireNonNull(sourceTempo, "sourceTempo");
            if (startOffsetFrames < 0) {
                throw new IllegalArgumentException("start offset must be >= 0, got " + startOffsetFrames);
            }
        }
    }

    /**
     * Fits {@code clip} to {@code bars} bars of {@code target}; with {@code toKey}, transposes it there from
     * the key {@link KeyDetector} hears in it (by the smaller interval, relative keys counting as the same),
     * else by the options' pitch shift.
     */
    public FitResult fit(AudioBuffer clip, Tempo target, int bars, Optional<Key> toKey) {
        Objects.requireNonNull(toKey, "toKey");
        Objects.requireNonNull(clip, "clip");
        double semitones = options.pitchSemitones();
        if (toKey.isPresent()) {
            semitones = transposition(new KeyDetector().detect(clip).key(), toKey.get());
        }
        return fit(clip, target, bars, semitones);
    }

    /** Fits {@code clip}, whose key is known to be {@code clipKey}, and transposes it to {@code toKey}. */
    public FitResult fit(AudioBuffer clip, Tempo target, int bars, Key clipKey, Key toKey) {
        Objects.requireNonNull(clipKey, "clipKey");
        Objects.requireNonNull(toKey, "toKey");
        return fit(clip, target, bars, transposition(clipKey, toKey));
    }

    /**
     * Semitones from {@code from} to {@code to}, in -6..+5; modes are matched through the relative key (A minor
     * to C major is 0). Atonal on either side: 0.
     */
    static int transposition(Key from, Key to) {
        if (from.atonal() || to.atonal()) {
            return 0;
        }
        Key target = from.mode() == to.mode() ? to : to.relative();
        int up = Math.floorMod(target.tonic() - from.tonic(), 12);
        return up >= 6 ? up - 12 : up;
    }

    private FitResult fit(AudioBuffer clip, Tempo target, int bars, double semitones) {
        Objects.requireNonNull(target, "target");
        if (bars < 1 || bars > MAX_BARS) {
            throw new IllegalArgumentException("bar count must be 1.." + MAX_BARS + ", got " + bars);
        }
        int rate = clip.sampleRate();
        float[] mono = clip.toMono().channel(0);
        float peak = 0f;
        for (float v : mono) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (!(peak > 0f)) {
            throw new IllegalArgumentException("the clip is silent (or holds NaN); there is nothing to fit");
        }
        OnsetDetector detector = new OnsetDetector();
        OnsetEnvelope envelope = detector.envelope(mono, rate);
        int start = musicalStart(mono, rate, peak, detector, envelope);
        Tempo source = sourceTempo(envelope, target, clip.frames(), start, rate);

        double sourceBar = source.samplesPerBar(rate);
        int available = (int) Math.floor((clip.frames() - start) / sourceBar + 0.02);
        int sourceBars = Math.max(1, Math.min(bars, available));
        int segment = (int) Math.round(sourceBars * sourceBar);
        int loopFrames = target.framesOfBars(sourceBars, rate);
        double ratio = loopFrames / (double) segment;
        if (ratio < StretchOptions.MIN_RATIO || ratio > StretchOptions.MAX_RATIO) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the clip's tempo (%.1f BPM) is too far from the target %.1f BPM to stretch (ratio %.3f)",
                    source.bpm(), target.bpm(), ratio));
        }
        int tailIn = (int) Math.round(TAIL_BARS * sourceBar);
        int tailOut = (int) Math.round(tailIn * ratio);
        AudioBuffer body = withTail(clip, start, segment, tailIn);
        StretchOptions perClip = options.withRatio(ratio).withPitchSemitones(semitones);
        AudioBuffer stretched = Stretch.toFrames(body, loopFrames + tailOut, perClip);
        float[][] loop = foldTail(stretched, loopFrames, tailOut);
        float[][] out = tile(loop, target, bars, sourceBars, rate);
        return new FitResult(new AudioBuffer(out, rate), source, start, ratio, semitones);
    }

    /** First strong onset, moved back to the last zero crossing before the waveform rises. */
    private static int musicalStart(float[] mono, int rate, float peak, OnsetDetector detector,
            OnsetEnvelope envelope) {
        double[] onsets = detector.onsetTimes(envelope);
        float[] strength = envelope.strength();
        double strongest = 0;
        for (double t : onsets) {
            strongest = Math.max(strongest, strengthNear(envelope, strength, t));
        }
        int guess = -1;
        for (double t : onsets) {
            if (strengthNear(envelope, strength, t) >= STRONG_ONSET_FRACTION * strongest) {
                guess = (int) Math.round(t * rate);
                break;
            }
        }
        if (guess < 0) {
            for (int i = 0; i < mono.length; i++) {
                if (Math.abs(mono[i]) >= SILENCE_FRACTION * peak) {
                    return backToZeroCrossing(mono, i, rate);
                }
            }
            return 0;
        }
        int from = Math.max(0, guess - rate / 40);
        int to = Math.min(mono.length, guess + rate / 20);
        float local = 0f;
        for (int i = from; i < to; i++) {
            local = Math.max(local, Math.abs(mono[i]));
        }
        int rise = from;
        while (rise < to - 1 && Math.abs(mono[rise]) < 0.1f * local) {
            rise++;
        }
        return backToZeroCrossing(mono, rise, rate);
    }

    /** The last sign change within 2 ms before {@code i}, or {@code i}. */
    private static int backToZeroCrossing(float[] x, int i, int rate) {
        int limit = Math.max(0, i - rate / 500);
        for (int j = i; j > limit; j--) {
            if (x[j - 1] == 0f || (x[j - 1] < 0f) != (x[j] < 0f)) {
                return j;
            }
        }
        return i;
    }

    private static Tempo sourceTempo(OnsetEnvelope envelope, Tempo target, int frames, int start, int rate) {
        TempoPrior prior = TempoPrior.around(Math.max(30, Math.min(290, target.bpm())));
        TempoEstimate estimate = new TempoEstimator(prior).estimate(envelope);
        double bpm;
        if (estimate.found()) {
            bpm = snapToWholeBars(estimate.bpm(), target.beatsPerBar(), rate, frames - start, frames);
        } else {
            // No pulse: the clip is taken to hold a whole number of bars at a tempo near the target.
            double barAtTarget = target.samplesPerBar(rate);
            int wholeBars = Math.max(1, (int) Math.round((frames - start) / barAtTarget));
            bpm = wholeBars * target.beatsPerBar() * 60.0 * rate / (frames - start);
        }
        return new Tempo(Math.max(Tempo.MIN_BPM, Math.min(Tempo.MAX_BPM, bpm)), target.beatsPerBar());
    }

    /**
     * The tempo at which {@code fromStart} frames (the music from its start), or failing that {@code total}
     * frames (a clip whose silent lead-in is part of its first bar), make a whole number of bars, when it lies
     * within {@link #SNAP_TOLERANCE} of {@code bpm}; else {@code bpm}.
     */
    static double snapToWholeBars(double bpm, int beatsPerBar, int rate, int fromStart, int total) {
        for (int length : new int[] {fromStart, total}) {
            double bars = length * bpm / (60.0 * rate * beatsPerBar);
            long whole = Math.max(1, Math.round(bars));
            double snapped = whole * beatsPerBar * 60.0 * rate / length;
            if (Math.abs(snapped / bpm - 1) < SNAP_TOLERANCE) {
                return snapped;
            }
        }
        return bpm;
    }

    /**
     * The segment {@code [start, start + segment)} followed by {@code tail} frames of what comes after it in
     * the clip, or, when the clip ends before that, by the segment's own beginning: the loop as it would
     * continue when repeated. Zero-padded where the clip is shorter than the segment.
     */
    private static AudioBuffer withTail(AudioBuffer clip, int start, int segment, int tail) {
        float[][] out = new float[clip.channels()][segment + tail];
        int inSegment = Math.max(0, Math.min(segment, clip.frames() - start));
        boolean clipHasTail = clip.frames() - start - segment >= tail;
        for (int c = 0; c < clip.channels(); c++) {
            float[] src = clip.channel(c);
            System.arraycopy(src, start, out[c], 0, inSegment);
            if (clipHasTail) {
                System.arraycopy(src, start + segment, out[c], segment, tail);
            } else {
                System.arraycopy(out[c], 0, out[c], segment, Math.min(tail, segment));
            }
        }
        return new AudioBuffer(out, clip.sampleRate());
    }

    /**
     * The first {@code loopFrames} frames, with the {@code tailFrames} that follow them (the sound going on past
     * the loop end) laid over the loop start, where a repeat plays them: full at the loop point, faded out over
     * the tail. A quiet tail (the decay of the last notes, at most {@value #ADD_BELOW} of the loop start's
     * level) is simply added; a tail as loud as the loop start (music carrying on, at least
     * {@value #CROSSFADE_ABOVE}) is crossfaded, so a held sound does not double; levels in between blend the
     * two.
     */
    private static float[][] foldTail(AudioBuffer stretched, int loopFrames, int tailFrames) {
        int n = Math.min(tailFrames, loopFrames);
        double tailEnergy = 0;
        double startEnergy = 0;
        for (int c = 0; c < stretched.channels(); c++) {
            float[] all = stretched.channel(c);
            for (int i = 0; i < n; i++) {
                tailEnergy += (double) all[loopFrames + i] * all[loopFrames + i];
                startEnergy += (double) all[i] * all[i];
            }
        }
        double level = startEnergy > 0 ? Math.sqrt(tailEnergy / startEnergy) : 1.0;
        double crossfade = Math.max(0, Math.min(1, (level - ADD_BELOW) / (CROSSFADE_ABOVE - ADD_BELOW)));
        float[][] loop = new float[stretched.channels()][];
        for (int c = 0; c < loop.length; c++) {
            float[] all = stretched.channel(c);
            float[] l = java.util.Arrays.copyOf(all, loopFrames);
            for (int i = 0; i < n; i++) {
                double fade = 0.5 + 0.5 * Math.cos(Math.PI * i / n);
                l[i] = (float) (l[i] * (1 - crossfade * fade) + all[loopFrames + i] * fade);
            }
            loop[c] = l;
        }
        return loop;
    }

    /** Repeats a loop of {@code loopBars} bars, each copy starting on its exact bar frame, to {@code bars} bars. */
    private static float[][] tile(float[][] loop, Tempo target, int bars, int loopBars, int rate) {
        int total = target.framesOfBars(bars, rate);
        if (loopBars == bars) {
            return loop;
        }
        float[][] out = new float[loop.length][total];
        int length = loop[0].length;
        for (int copy = 0; copy * loopBars < bars; copy++) {
            int from = (int) target.frameOfBar((long) copy * loopBars, rate);
            int to = (int) Math.min(total, target.frameOfBar((long) (copy + 1) * loopBars, rate));
            for (int c = 0; c < loop.length; c++) {
                for (int i = from; i < to; i++) {
                    out[c][i] = loop[c][(i - from) % length];
                }
            }
        }
        return out;
    }

    /** Strength of the onset at {@code seconds}: the envelope's peak within a few frames (its lead included). */
    private static double strengthNear(OnsetEnvelope envelope, float[] strength, double seconds) {
        int f = envelope.frameAtSeconds(seconds);
        double max = 0;
        for (int i = Math.max(0, f - 2); i <= Math.min(strength.length - 1, f + 1); i++) {
            max = Math.max(max, strength[i]);
        }
        return max;
    }
}
