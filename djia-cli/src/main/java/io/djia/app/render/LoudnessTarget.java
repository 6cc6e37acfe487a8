package io.djia.app.render;

import io.djia.core.analysis.LoudnessMeter;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.fx.LookaheadLimiter;
import io.djia.core.theory.Tempo;

/**
 * Brings a finished set to a target integrated loudness (ITU-R BS.1770-4), then runs a true-peak look-ahead
 * limiter at -1 dBFS so the gain never clips. Works in place on the whole set.
 */
final class LoudnessTarget {
    /** Most gain added: more would mostly raise the noise floor and squash the drums. */
    static final double MAX_GAIN_DB = 12.0;
    static final double CEILING_DB = -1.0;
    private static final int BLOCK = 4096;

    private LoudnessTarget() {
    }

    /**
     * Limiting takes back some of the loudness that the gain adds, so a second pass corrects the gain by the
     * shortfall measured after the first.
     *
     * @return the gain applied in dB (0 when the set is silent)
     */
    static double apply(AudioBuffer audio, double targetLufs, Tempo tempo) {
        double lufs = LoudnessMeter.integratedLufs(audio);
        if (!Double.isFinite(lufs)) {
            return 0;
        }
        AudioBuffer original = audio.copy();
        double gainDb = clampGain(targetLufs - lufs);
        gainAndLimit(original, audio, gainDb);
        double shortfall = targetLufs - LoudnessMeter.integratedLufs(audio);
        if (Math.abs(shortfall) > 0.2 && gainDb + shortfall <= MAX_GAIN_DB) {
            gainDb = clampGain(gainDb + shortfall);
            gainAndLimit(original, audio, gainDb);
        }
        return gainDb;
    }

    private static double clampGain(double gainDb) {
        return Math.max(-24, Math.min(MAX_GAIN_DB, gainDb));
    }

    /** Writes limit(source * gain) into target, compensating the limiter's look-ahead. */
    private static void gainAndLimit(AudioBuffer source, AudioBuffer audio, double gainDb) {
        float gain = (float) Math.pow(10, gainDb / 20);
        int channels = audio.channels();
        int frames = audio.frames();
        LookaheadLimiter limiter = LookaheadLimiter.master(audio.sampleRate(), CEILING_DB);
        int latency = limiter.latencyFrames();
        float[][] in = new float[channels][BLOCK];
        float[][] out = new float[channels][BLOCK];
        // Read position runs `latency` frames ahead of the write position; the tail is flushed with zeros.
        long written = -latency;
        for (long read = 0; read < frames + (long) latency; read += BLOCK) {
            int n = (int) Math.min(BLOCK, frames + (long) latency - read);
            for (int c = 0; c < channels; c++) {
                float[] src = source.channel(c);
                for (int i = 0; i < n; i++) {
                    long at = read + i;
                    in[c][i] = at < frames ? src[(int) at] * gain : 0f;
                }
            }
            limiter.process(in, out, n);
            for (int c = 0; c < channels; c++) {
                float[] dst = audio.channel(c);
                for (int i = 0; i < n; i++) {
                    long at = written + i;
                    if (at >= 0 && at < frames) {
                        dst[(int) at] = out[c][i];
                    }
                }
            }
            written += n;
        }
    }
}
