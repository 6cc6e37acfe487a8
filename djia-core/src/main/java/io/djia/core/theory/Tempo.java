package io.djia.core.theory;

/**
 * A tempo in beats per minute with a meter of {@code beatsPerBar} quarter-note beats.
 *
 * <p>Frame positions are always computed from the beat index in one multiplication, never by summing
 * rounded beat lengths, so a bar boundary after an hour is exact to the sample.
 */
public record Tempo(double bpm, int beatsPerBar) {
    public static final double MIN_BPM = 20.0;
    public static final double MAX_BPM = 400.0;

    public Tempo {
        if (!(bpm >= MIN_BPM && bpm <= MAX_BPM)) {
            throw new IllegalArgumentException("tempo must be between " + MIN_BPM + " and " + MAX_BPM + " BPM, got " + bpm);
        }
        if (beatsPerBar < 1 || beatsPerBar > 32) {
            throw new IllegalArgumentException("beats per bar must be 1..32, got " + beatsPerBar);
        }
    }

    /** Four beats to the bar. */
    public static Tempo of(double bpm) {
        return new Tempo(bpm, 4);
    }

    public double secondsPerBeat() {
        return 60.0 / bpm;
    }

    public double secondsPerBar() {
        return secondsPerBeat() * beatsPerBar;
    }

    /** Exact (fractional) frames per beat. */
    public double samplesPerBeat(int sampleRate) {
        return sampleRate * 60.0 / bpm;
    }

    /** Exact (fractional) frames per bar. */
    public double samplesPerBar(int sampleRate) {
        return samplesPerBeat(sampleRate) * beatsPerBar;
    }

    /** First frame of beat {@code beat} (0-based), rounded to the nearest frame. */
    public long frameOfBeat(double beat, int sampleRate) {
        return Math.round(beat * sampleRate * 60.0 / bpm);
    }

    /** First frame of bar {@code bar} (0-based). */
    public long frameOfBar(long bar, int sampleRate) {
        return frameOfBeat((double) bar * beatsPerBar, sampleRate);
    }

    /** Length in frames of {@code bars} bars starting at bar 0, so loops of N bars tile exactly. */
    public int framesOfBars(int bars, int sampleRate) {
        long frames = frameOfBar(bars, sampleRate);
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(bars + " bars at " + bpm + " BPM do not fit in one buffer");
        }
        return (int) frames;
    }

    /** Index of the bar that contains (or starts at) {@code frame}. */
    public long barAtFrame(long frame, int sampleRate) {
        return (long) Math.floor(frame / samplesPerBar(sampleRate) + 1e-9);
    }

    /** First bar boundary at or after {@code frame}. */
    public long nextBarFrame(long frame, int sampleRate) {
        long bar = (long) Math.ceil(frame / samplesPerBar(sampleRate) - 1e-9);
        return frameOfBar(bar, sampleRate);
    }

    public Tempo withBpm(double newBpm) {
        return new Tempo(newBpm, beatsPerBar);
    }
}
