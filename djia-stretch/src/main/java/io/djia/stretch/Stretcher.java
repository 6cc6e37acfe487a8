package io.djia.stretch;

/**
 * A streaming time-stretcher and pitch-shifter over planar float audio.
 *
 * <p><b>Constant-latency contract.</b> Each {@link #process} call consumes all the input it is given and
 * returns exactly {@code floor(S_after) - floor(S_before)} output frames, where {@code S} is the running sum of
 * the time ratio over every input frame consumed so far. At a constant ratio {@code r}, {@code n} input frames
 * therefore yield {@code floor(r * n)} output frames in total, whatever the block sizes. Output frame {@code o}
 * holds the input that belongs at stretched time {@code o - latencyFrames()}: the first
 * {@link #latencyFrames()} frames are the stretcher's delay (silence at the start of a stream), and
 * {@link #flush} returns the last {@link #latencyFrames()} frames at the end. The latency never changes while
 * the stretcher lives, so a live mixer compensates it once.
 *
 * <p><b>Changing ratio and pitch.</b> {@link #setRatio} and {@link #setPitchSemitones} take effect from the
 * next input frame, without clicks. Their product {@code ratio * 2^(semitones/12)} (the ratio the phase vocoder
 * runs at) must stay within {@link #minEffectiveRatio()} and {@link #maxEffectiveRatio()}, the range the
 * latency and buffers were sized for at creation: half and twice the creation value, widened to include 1.
 *
 * <p><b>Threads and memory.</b> Not thread-safe: one thread calls {@code process}, the setters and
 * {@code flush} (the audio thread). {@code process}, {@code flush} and the setters allocate nothing, take no
 * locks and do no I/O. Callers own the arrays they pass; the stretcher keeps no reference to them.
 * Output is deterministic: the same options, input and block sizes give identical samples.
 */
public sealed interface Stretcher extends AutoCloseable permits PhaseVocoderStretcher {

    /**
     * A stretcher for {@code channels} channels at {@code sampleRate} Hz, starting at the options' ratio and
     * pitch. Its quality and formant mode are fixed for its life.
     */
    static Stretcher create(int channels, int sampleRate, StretchOptions options) {
        return PhaseVocoderStretcher.forLive(channels, sampleRate, options);
    }

    int channels();

    int sampleRate();

    /** Output frames between an input frame going in and its stretched image coming out; constant. */
    int latencyFrames();

    /** Exact number of frames the next {@code process} call returns for {@code inputFrames} input frames. */
    int outputFramesFor(int inputFrames);

    /**
     * Consumes {@code frames} frames from {@code in[c][0..frames)} and writes the output into
     * {@code out[c][0..n)}, returning {@code n} (see {@link #outputFramesFor}). {@code out} must have room
     * for {@code n} frames in every channel.
     *
     * @throws IllegalStateException after {@link #flush} until {@link #reset}
     */
    int process(float[][] in, int frames, float[][] out);

    /**
     * Ends the stream: writes the last {@link #latencyFrames()} frames into {@code out} (which must have room for
     * them) and returns that count. Call {@link #reset} to start a new stream.
     */
    int flush(float[][] out);

    /** Sets the time ratio (output / input duration) from the next input frame on. */
    void setRatio(double ratio);

    /** Sets the pitch shift in semitones (fractional for cents) from the next input frame on. */
    void setPitchSemitones(double semitones);

    double ratio();

    double pitchSemitones();

    /** Smallest {@code ratio * pitch scale} this stretcher accepts. */
    double minEffectiveRatio();

    /** Largest {@code ratio * pitch scale} this stretcher accepts. */
    double maxEffectiveRatio();

    /** Forgets all audio and starts a new stream with the current ratio and pitch. */
    void reset();

    /** Releases nothing native today; present so engines that do hold native memory fit the same contract. */
    @Override
    void close();
}
