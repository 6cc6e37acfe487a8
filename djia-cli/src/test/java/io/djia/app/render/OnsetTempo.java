package io.djia.app.render;

import io.djia.core.audio.AudioBuffer;

/**
 * A small tempo check for tests, independent of the analysis library: an onset-strength envelope
 * (half-wave rectified rise of frame energy) autocorrelated around the expected bar length. Looking near one
 * bar (four beats) rather than one beat gives fine resolution; the search window (+/-8%) excludes octave errors
 * by design, because the question is "is the set at its tempo", not "what tempo is it".
 */
final class OnsetTempo {
    private static final int HOP = 256;

    private OnsetTempo() {
    }

    static double estimateBpm(AudioBuffer audio, double expectedBpm) {
        AudioBuffer mono = audio.toMono();
        float[] x = mono.channel(0);
        int frames = x.length / HOP;
        double[] energy = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * HOP; i < (f + 1) * HOP; i++) {
                sum += x[i] * x[i];
            }
            energy[f] = Math.log1p(1000 * sum);
        }
        double[] onset = new double[frames];
        for (int f = 1; f < frames; f++) {
            onset[f] = Math.max(0, energy[f] - energy[f - 1]);
        }
        double mean = 0;
        for (double v : onset) {
            mean += v;
        }
        mean /= frames;
        for (int f = 0; f < frames; f++) {
            onset[f] -= mean;
        }
        double framesPerBar = 4 * 60.0 / expectedBpm * audio.sampleRate() / HOP;
        int lo = (int) Math.floor(framesPerBar * 0.92);
        int hi = (int) Math.ceil(framesPerBar * 1.08);
        double[] ac = new double[hi + 2];
        int best = lo;
        for (int lag = lo - 1; lag <= hi + 1; lag++) {
            double sum = 0;
            for (int f = lag; f < frames; f++) {
                sum += onset[f] * onset[f - lag];
            }
            ac[lag] = sum / (frames - lag);
            if (lag >= lo && lag <= hi && ac[lag] > ac[best]) {
                best = lag;
            }
        }
        double a = ac[best - 1];
        double b = ac[best];
        double c = ac[best + 1];
        double denom = a - 2 * b + c;
        double refined = best + (denom == 0 ? 0 : 0.5 * (a - c) / denom);
        double secondsPerBar = refined * HOP / audio.sampleRate();
        return 4 * 60.0 / secondsPerBar;
    }
}
