package io.djia.stretch;

import java.util.Arrays;

/**
 * The embedded engine: pitch resampler, onset detector, hop scheduler and one or three {@link SpectralBand}s.
 *
 * <p>Signal path per block: input -> {@link FractionalResampler} (step = pitch factor {@code p}) -> input ring
 * and {@link TransientDetector} -> frames scheduled by {@link HopScheduler} at the effective ratio
 * {@code v = ratio * p} -> {@link SpectralBand}s overlap-add into the output ring -> exactly as many output
 * frames as the constant-latency contract of {@link Stretcher} asks for.
 *
 * <p>The latency is the output lead the slowest case needs: half the longest window, the resampler's lookahead,
 * and, scaled by the largest effective ratio, the onset lookahead, the detector's delay and an analysis window.
 */
final class PhaseVocoderStretcher implements Stretcher {
    /** Overlap weight under which an output frame has no analysis frame behind it (the very start). */
    private static final float MIN_WEIGHT = 1e-6f;
    /** Input frames handled per step inside one call, which bounds every ring. */
    private static final int CHUNK = 256;
    private static final double MAX_PITCH_SCALE = StretchOptions.pitchScaleOf(StretchOptions.MAX_PITCH_SEMITONES);
    private static final double MIN_EFFECTIVE = 1.0 / 16;
    private static final double MAX_EFFECTIVE = 16.0;
    /** Cepstral lifter cut-off: envelopes smoother than this frequency spacing (Hz) stay, harmonics go. */
    private static final double FORMANT_LIFTER_HZ = 700.0;
    /**
     * The standard mode runs at a quarter-frame hop from this effective ratio up and at an eighth below.
     * Measured on steady chords: at a quarter frame and ratio 0.7 a -48 dB spur appears (-26 dB at 0.6) that an
     * eighth avoids, while from 0.8 up both are clean and the demo loops score the same at half the cost. The
     * fine mode always uses an eighth, which keeps the crossover between its resolutions clean.
     */
    private static final double COARSE_HOP_FROM_RATIO = 0.8;
    /** Crossover of the fine mode between its long and standard frames, and the width of the transition. */
    private static final double CROSSOVER_HZ = 600.0;
    private static final double CROSSOVER_WIDTH_HZ = 200.0;

    private final int channels;
    private final int sampleRate;
    private final Quality quality;
    private final double minEffective;
    private final double maxEffective;
    private final int coarseHop;
    private final int fineHop;
    private final int longestWindow;
    private final int gateWindow;
    private final int latency;
    private final SpectralBand[] bands;
    private final FractionalResampler resampler;
    private final TransientDetector detector;
    private final TimeMap map;
    private final HopScheduler scheduler;
    private final float[][] inRing;
    private final int inMask;
    private final float[][] outRing;
    private final int outMask;
    /** Sum of overlap weights per output frame when hops vary (standard mode), else null. */
    private final float[] weightRing;
    private final float[][] resampled;
    private final float[] mono;
    private final float[][] silence;
    private final long firstOutputCentre;

    private double ratio;
    private double pitchSemitones;
    private double pitchScale;
    private long written;
    private long emitted;
    private double stretchedBase;
    private long inputSinceChange;
    private boolean flushed;
    private long underrunFrames;

    static PhaseVocoderStretcher forLive(int channels, int sampleRate, StretchOptions options) {
        double v = options.ratio() * options.pitchScale();
        double lo = Math.max(MIN_EFFECTIVE, Math.min(v, 1.0) / 2);
        double hi = Math.min(MAX_EFFECTIVE, Math.max(v, 1.0) * 2);
        return new PhaseVocoderStretcher(channels, sampleRate, options, lo, hi);
    }

    /** For one fixed ratio and pitch: the smallest latency and buffers. */
    static PhaseVocoderStretcher forOffline(int channels, int sampleRate, StretchOptions options) {
        double v = options.ratio() * options.pitchScale();
        return new PhaseVocoderStretcher(channels, sampleRate, options, v, v);
    }

    private PhaseVocoderStretcher(int channels, int sampleRate, StretchOptions options, double minEffective,
            double maxEffective) {
        if (channels < 1 || channels > 64) {
            throw new IllegalArgumentException("channel count must be 1..64, got " + channels);
        }
        if (sampleRate < 8000 || sampleRate > 768_000) {
            throw new IllegalArgumentException("sample rate must be 8000..768000 Hz, got " + sampleRate);
        }
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.quality = options.quality();
        this.minEffective = minEffective;
        this.maxEffective = maxEffective;
        this.ratio = options.ratio();
        this.pitchSemitones = options.pitchSemitones();
        this.pitchScale = options.pitchScale();

        int n = standardSize(sampleRate);
        this.fineHop = fineHop(n, minEffective);
        this.coarseHop = quality == Quality.STANDARD ? n / 4 : fineHop;
        boolean variableHop = coarseHop != fineHop;
        int fixedHop = variableHop ? 0 : fineHop;
        int lifter = options.formantPreserved() ? (int) Math.round(sampleRate / FORMANT_LIFTER_HZ) : 0;
        if (quality == Quality.FINE) {
            // Long frames resolve bass partials that sit closer than the standard frame's main lobe; the rest
            // keeps the standard frame, since attacks are already copied whole by the onset locking.
            this.bands = new SpectralBand[] {
                new SpectralBand(2 * n, channels, fixedHop,
                        bandMask(2 * n, sampleRate, -1, 0, CROSSOVER_HZ, CROSSOVER_WIDTH_HZ), lifter),
                new SpectralBand(n, channels, fixedHop,
                        bandMask(n, sampleRate, CROSSOVER_HZ, CROSSOVER_WIDTH_HZ, -1, 0), lifter)
            };
            bands[1].sharePhaseBelow(bands[0], CROSSOVER_HZ + CROSSOVER_WIDTH_HZ / 2, sampleRate);
        } else {
            this.bands = new SpectralBand[] {new SpectralBand(n, channels, fixedHop, null, lifter)};
        }
        int longest = 0;
        int shortest = Integer.MAX_VALUE;
        for (SpectralBand band : bands) {
            longest = Math.max(longest, band.size());
            shortest = Math.min(shortest, band.size());
        }
        this.longestWindow = longest;
        int maxHop = shortest / 2;
        this.gateWindow = maxHop + longest / 2;

        this.resampler = new FractionalResampler(channels, MAX_PITCH_SCALE, CHUNK);
        int maxResampledPerChunk = (int) Math.ceil(CHUNK * MAX_PITCH_SCALE) + 2;
        this.detector = new TransientDetector(sampleRate, maxResampledPerChunk);
        // Frames within one standard window of an onset are locked: the attack and the start of its decay are
        // copied, as a performance at another tempo would play them (measured best on the demo loops, where
        // half a window left more of each drum decay smeared). Onsets are known half a window before that.
        int lockHalf = n;
        int lookahead = lockHalf + n / 2;
        int inputLead = Math.max(gateWindow, lookahead + detector.delayFrames());
        double deviation = Math.max(0.25, Math.max(maxEffective - 1, 1 - minEffective)) * n / 2.0;
        double resamplerLag = StretchOptions.MAX_RATIO * resampler.lookaheadFrames();
        this.latency = (int) Math.ceil(longest / 2.0 + 3.0 * coarseHop + resamplerLag
                + maxEffective * inputLead + deviation);

        this.map = new TimeMap(ratio * pitchScale);
        this.scheduler = new HopScheduler(coarseHop, fineHop, COARSE_HOP_FROM_RATIO, lockHalf, lookahead, maxHop,
                latency, map);
        int inCapacity = Integer.highestOneBit(inputLead + longest + maxHop + maxResampledPerChunk + 1024) * 2;
        this.inRing = new float[channels][inCapacity];
        this.inMask = inCapacity - 1;
        int outCapacity = Integer.highestOneBit(latency + 2 * longest
                + (int) Math.ceil(CHUNK * StretchOptions.MAX_RATIO) + 4096) * 2;
        this.outRing = new float[channels][outCapacity];
        this.outMask = outCapacity - 1;
        this.weightRing = variableHop ? new float[outCapacity] : null;
        this.resampled = new float[channels][maxResampledPerChunk];
        this.mono = new float[maxResampledPerChunk];
        this.silence = new float[channels][CHUNK];
        // The first frames lie wholly after the output emitted before the resampler releases its first sample,
        // so no frame adds to an output frame already handed out.
        int emittedBeforeFirstFrame = (int) Math.ceil((resampler.lookaheadFrames() + CHUNK) * StretchOptions.MAX_RATIO);
        this.firstOutputCentre = longest / 2 + emittedBeforeFirstFrame;
        validateEffective(ratio, pitchScale);
        reset();
    }

    /**
     * The fine synthesis hop: an eighth of a frame, halved until the analysis hop at the smallest effective
     * ratio (fine hop / ratio) stays within half a frame, where phase unwrapping still works.
     */
    static int fineHop(int n, double minEffective) {
        int hop = n / 8;
        while (hop > 16 && hop / minEffective > n / 2.0) {
            hop /= 2;
        }
        return hop;
    }

    /** Frame size of the standard resolution: about 46 ms, a power of two. */
    static int standardSize(int sampleRate) {
        if (sampleRate <= 24_000) {
            return 1024;
        }
        if (sampleRate <= 50_000) {
            return 2048;
        }
        if (sampleRate <= 100_000) {
            return 4096;
        }
        return 8192;
    }

    /**
     * Gains of one band over the bins of a {@code size}-point FFT: a raised-cosine rise across
     * {@code loHz +- loWidth/2} and fall across {@code hiHz +- hiWidth/2} (negative edge = open), so
     * neighbouring bands sharing an edge sum to one.
     */
    static float[] bandMask(int size, int sampleRate, double loHz, double loWidth, double hiHz, double hiWidth) {
        int bins = size / 2 + 1;
        float[] mask = new float[bins];
        for (int k = 0; k < bins; k++) {
            double f = k * (double) sampleRate / size;
            double fall = hiHz < 0 ? 1.0 : 1.0 - rise(f, hiHz, hiWidth);
            mask[k] = (float) (rise(f, loHz, loWidth) * fall);
        }
        return mask;
    }

    private static double rise(double f, double edge, double width) {
        if (edge < 0) {
            return 1.0;
        }
        double x = (f - (edge - width / 2)) / width;
        if (x <= 0) {
            return 0.0;
        }
        if (x >= 1) {
            return 1.0;
        }
        return 0.5 - 0.5 * Math.cos(Math.PI * x);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    @Override
    public int outputFramesFor(int inputFrames) {
        if (inputFrames < 0) {
            throw new IllegalArgumentException("input frame count must be >= 0, got " + inputFrames);
        }
        return (int) ((long) Math.floor(stretchedBase + (inputSinceChange + inputFrames) * ratio) - emitted);
    }

    @Override
    public int process(float[][] in, int frames, float[][] out) {
        if (flushed) {
            throw new IllegalStateException("the stream was flushed; call reset() to start a new one");
        }
        if (in.length < channels || out.length < channels) {
            throw new IllegalArgumentException("need " + channels + " input and output channels, got "
                    + in.length + " and " + out.length);
        }
        int expected = outputFramesFor(frames);
        for (int c = 0; c < channels; c++) {
            if (in[c].length < frames || out[c].length < expected) {
                throw new IllegalArgumentException("channel " + c + ": " + frames + " input frames need "
                        + expected + " output frames of room, got input " + in[c].length + ", output " + out[c].length);
            }
        }
        int produced = 0;
        for (int offset = 0; offset < frames; offset += CHUNK) {
            int n = Math.min(CHUNK, frames - offset);
            feed(in, offset, n);
            inputSinceChange += n;
            long target = (long) Math.floor(stretchedBase + inputSinceChange * ratio);
            produced += emit(out, produced, (int) (target - emitted));
        }
        return produced;
    }

    @Override
    public int flush(float[][] out) {
        if (flushed) {
            throw new IllegalStateException("the stream was already flushed; call reset() to start a new one");
        }
        for (int c = 0; c < channels; c++) {
            if (out[c].length < latency) {
                throw new IllegalArgumentException("flush writes " + latency + " frames, channel " + c
                        + " has room for " + out[c].length);
            }
        }
        int produced = 0;
        while (produced < latency) {
            feed(silence, 0, CHUNK);
            inputSinceChange += CHUNK;
            long target = (long) Math.floor(stretchedBase + inputSinceChange * ratio);
            int n = (int) Math.min(target - emitted, latency - produced);
            produced += emit(out, produced, n);
        }
        flushed = true;
        return produced;
    }

    @Override
    public void setRatio(double newRatio) {
        if (!(newRatio >= StretchOptions.MIN_RATIO && newRatio <= StretchOptions.MAX_RATIO)) {
            throw new IllegalArgumentException("time ratio must be between " + StretchOptions.MIN_RATIO + " and "
                    + StretchOptions.MAX_RATIO + ", got " + newRatio);
        }
        validateEffective(newRatio, pitchScale);
        rebase();
        ratio = newRatio;
        map.change(written, ratio * pitchScale);
    }

    @Override
    public void setPitchSemitones(double semitones) {
        if (!(Math.abs(semitones) <= StretchOptions.MAX_PITCH_SEMITONES)) {
            throw new IllegalArgumentException("pitch shift must be within +-" + StretchOptions.MAX_PITCH_SEMITONES
                    + " semitones, got " + semitones);
        }
        double scale = StretchOptions.pitchScaleOf(semitones);
        validateEffective(ratio, scale);
        pitchSemitones = semitones;
        pitchScale = scale;
        resampler.setStep(scale);
        map.change(written, ratio * pitchScale);
    }

    private void validateEffective(double r, double p) {
        double v = r * p;
        if (v < minEffective * (1 - 1e-9) || v > maxEffective * (1 + 1e-9)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "ratio %.4f x pitch factor %.4f = %.4f is outside %.4f..%.4f, the range this stretcher was "
                            + "created for; create a new one for it", r, p, v, minEffective, maxEffective));
        }
    }

    /** Starts a new ratio segment at the current input position so earlier output counts are kept. */
    private void rebase() {
        stretchedBase += inputSinceChange * ratio;
        inputSinceChange = 0;
    }

    @Override
    public double ratio() {
        return ratio;
    }

    @Override
    public double pitchSemitones() {
        return pitchSemitones;
    }

    @Override
    public double minEffectiveRatio() {
        return minEffective;
    }

    @Override
    public double maxEffectiveRatio() {
        return maxEffective;
    }

    @Override
    public void reset() {
        for (float[] r : inRing) {
            Arrays.fill(r, 0f);
        }
        for (float[] r : outRing) {
            Arrays.fill(r, 0f);
        }
        if (weightRing != null) {
            Arrays.fill(weightRing, 0f);
        }
        resampler.reset();
        resampler.setStep(pitchScale);
        detector.reset();
        map.reset(ratio * pitchScale);
        scheduler.reset(firstOutputCentre);
        for (SpectralBand band : bands) {
            band.reset();
        }
        written = 0;
        emitted = 0;
        stretchedBase = 0;
        inputSinceChange = 0;
        flushed = false;
        underrunFrames = 0;
    }

    @Override
    public void close() {
        // Nothing native to release.
    }

    /** Output frames emitted before the vocoder had finished them; zero unless the contract was broken. */
    long underrunFrames() {
        return underrunFrames;
    }


    private void feed(float[][] in, int offset, int frames) {
        resampler.push(in, offset, frames);
        while (true) {
            int m = resampler.pull(resampled, resampled[0].length);
            if (m == 0) {
                return;
            }
            float scale = 1f / channels;
            for (int i = 0; i < m; i++) {
                mono[i] = 0f;
            }
            for (int c = 0; c < channels; c++) {
                float[] src = resampled[c];
                float[] ring = inRing[c];
                for (int i = 0; i < m; i++) {
                    ring[(int) ((written + i) & inMask)] = src[i];
                    mono[i] += src[i] * scale;
                }
            }
            written += m;
            detector.push(mono, 0, m);
            runFrames();
        }
    }

    private void runFrames() {
        while (true) {
            long prevA = scheduler.previousAnalysisCentre();
            if (written < prevA + gateWindow || detector.finalizedUpTo() < prevA + scheduler.lookahead()) {
                return;
            }
            long a = scheduler.next(detector);
            int synthesisHop = scheduler.lastHop();
            long o = scheduler.previousOutputCentre();
            int hop = (int) Math.max(1, a - prevA);
            boolean lock = scheduler.lastInLock();
            for (SpectralBand band : bands) {
                if (a + band.size() / 2 <= 0) {
                    band.skip(weightRing, outMask, o);
                } else {
                    band.process(inRing, inMask, a, hop, synthesisHop, lock, pitchScale, outRing, weightRing,
                            outMask, o);
                }
            }
        }
    }

    private int emit(float[][] out, int offset, int count) {
        if (count <= 0) {
            return 0;
        }
        long finished = scheduler.nextOutputCentre() - longestWindow / 2;
        if (emitted + count > finished) {
            underrunFrames += emitted + count - Math.max(emitted, finished);
        }
        for (int c = 0; c < channels; c++) {
            float[] ring = outRing[c];
            float[] dst = out[c];
            if (weightRing == null) {
                for (int i = 0; i < count; i++) {
                    int idx = (int) ((emitted + i) & outMask);
                    dst[offset + i] = ring[idx];
                    ring[idx] = 0f;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    int idx = (int) ((emitted + i) & outMask);
                    float weight = weightRing[idx];
                    dst[offset + i] = weight > MIN_WEIGHT ? ring[idx] / weight : 0f;
                    ring[idx] = 0f;
                }
            }
        }
        if (weightRing != null) {
            for (int i = 0; i < count; i++) {
                weightRing[(int) ((emitted + i) & outMask)] = 0f;
            }
        }
        emitted += count;
        return count;
    }
}
