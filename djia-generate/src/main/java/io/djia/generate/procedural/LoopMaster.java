package io.djia.generate.procedural;

/**
 * Final stage of every clip: removes DC and subsonic rumble, sets the recipe's loudness, tames peaks with a soft
 * knee and guarantees a peak of at most -1 dBFS, so three layers can be summed by the mixer with headroom.
 */
final class LoopMaster {
    /** Peak ceiling the soft clipper approaches: -1.2 dBFS, leaving 0.2 dB below the -1 dBFS promise. */
    static final double CEILING = Math.pow(10.0, -1.2 / 20.0);
    static final double PEAK_LIMIT = Math.pow(10.0, -1.0 / 20.0);
    private static final double KNEE = 0.7 * CEILING;

    private LoopMaster() {
    }

    static void finish(LoopCanvas canvas, Level level, int sampleRate) {
        float[] l = canvas.left();
        float[] r = canvas.right();
        // 20 Hz high-pass (inaudible rumble and DC), then the exact DC of a periodic signal: its mean.
        LoopEffects.highpass(l, 20.0, sampleRate);
        LoopEffects.highpass(r, 20.0, sampleRate);
        removeMean(l);
        removeMean(r);
        double rms = rms(l, r);
        if (!(rms > 1e-12)) {
            return;
        }
        double gain = Math.pow(10.0, level.targetRmsDb() / 20.0) / rms;
        double peak = Math.max(peak(l), peak(r));
        double maxPeak = CEILING * Math.pow(10.0, level.overshootDb() / 20.0);
        if (peak * gain > maxPeak) {
            gain = maxPeak / peak;
        }
        softClip(l, gain);
        softClip(r, gain);
        removeMean(l);
        removeMean(r);
        double finalPeak = Math.max(peak(l), peak(r));
        if (finalPeak > PEAK_LIMIT) {
            scale(l, PEAK_LIMIT / finalPeak);
            scale(r, PEAK_LIMIT / finalPeak);
        }
    }

    /** Linear below the knee; above it a tanh curve that meets the line with equal slope and never passes the ceiling. */
    private static void softClip(float[] buf, double gain) {
        double span = CEILING - KNEE;
        for (int i = 0; i < buf.length; i++) {
            double x = buf[i] * gain;
            double a = Math.abs(x);
            if (a > KNEE) {
                double y = KNEE + span * Math.tanh((a - KNEE) / span);
                x = x < 0 ? -y : y;
            }
            buf[i] = (float) x;
        }
    }

    static void removeMean(float[] buf) {
        double sum = 0;
        for (float v : buf) {
            sum += v;
        }
        float mean = (float) (sum / buf.length);
        for (int i = 0; i < buf.length; i++) {
            buf[i] -= mean;
        }
    }

    private static void scale(float[] buf, double factor) {
        float f = (float) factor;
        for (int i = 0; i < buf.length; i++) {
            buf[i] *= f;
        }
    }

    static double rms(float[] l, float[] r) {
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            sum += (double) l[i] * l[i] + (double) r[i] * r[i];
        }
        return Math.sqrt(sum / (2.0 * l.length));
    }

    static double peak(float[] buf) {
        double p = 0;
        for (float v : buf) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }
}
