package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Key;
import io.djia.core.theory.Mode;
import java.util.SplittableRandom;

/** Synthetic signals with known tempo, beats, key and spectra, for the analysis tests. */
final class TestSignals {
    static final int RATE = 44_100;

    private TestSignals() {
    }

    /** Times in seconds of beats at {@code bpm} from {@code firstBeat} up to {@code seconds}. */
    static double[] beatTimes(double bpm, double seconds, double firstBeat) {
        int count = (int) Math.floor((seconds - firstBeat) * bpm / 60.0 - 1e-9) + 1;
        double[] out = new double[Math.max(0, count)];
        for (int i = 0; i < out.length; i++) {
            out[i] = firstBeat + i * 60.0 / bpm;
        }
        return out;
    }

    /** A metronome: a 1.5 kHz click of 20 ms with a 3 ms decay on every beat, louder on each bar start. */
    static float[] clickTrack(double bpm, double seconds, double firstBeat) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        double[] beats = beatTimes(bpm, seconds, firstBeat);
        for (int i = 0; i < beats.length; i++) {
            double amplitude = i % 4 == 0 ? 0.8 : 0.5;
            addTone(x, beats[i], 0.02, 1500, amplitude, 0.003);
        }
        return x;
    }

    /**
     * A drum loop: kick on beats 1 and 3 and on the "and" of 3, snare on 2 and 4, closed hi-hats on every
     * eighth, plus a bass note on each bar start. Seeded noise, so the same seed gives the same loop.
     */
    static float[] drumLoop(double bpm, double seconds, double firstBeat, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[(int) Math.round(seconds * RATE)];
        double beat = 60.0 / bpm;
        double[] beats = beatTimes(bpm, seconds, firstBeat);
        for (int i = 0; i < beats.length; i++) {
            double t = beats[i];
            int position = i % 4;
            if (position == 0 || position == 2) {
                addKick(x, t, 0.9);
            }
            if (position == 2) {
                addKick(x, t + beat / 2, 0.6);
            }
            if (position == 1 || position == 3) {
                addSnare(x, t, 0.5, random);
            }
            addHat(x, t, 0.25, random);
            addHat(x, t + beat / 2, 0.15, random);
            if (position == 0) {
                addTone(x, t, Math.min(1.5, 3 * beat), 55, 0.3, 0.4);
            }
        }
        return x;
    }

    /**
     * A plain backbeat: kick on 1 and 3, a quieter noise snare on 2 and 4, faint hats between the beats.
     * Half and double this tempo are both plausible readings; the loud kick and snare decide.
     */
    static float[] backbeatLoop(double bpm, double seconds, double firstBeat, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[(int) Math.round(seconds * RATE)];
        double[] beats = beatTimes(bpm, seconds, firstBeat);
        for (int i = 0; i < beats.length; i++) {
            if (i % 2 == 0) {
                addKick(x, beats[i], 0.8);
            } else {
                addNoiseBurst(x, beats[i], 0.15, 0.05, 0.4, random);
            }
            addNoiseBurst(x, beats[i] + 30.0 / bpm, 0.04, 0.01, 0.1, random);
        }
        return x;
    }

    static void addNoiseBurst(float[] x, double at, double duration, double decay, double amplitude,
            SplittableRandom random) {
        int start = (int) Math.round(at * RATE);
        for (int i = 0; i < duration * RATE && start + i < x.length; i++) {
            double noise = random.nextDouble() * 2 - 1;
            if (start + i >= 0) {
                x[start + i] += (float) (amplitude * Math.exp(-i / (decay * RATE)) * noise);
            }
        }
    }

    /** A swept sine kick: 150 Hz falling to 45 Hz with a 120 ms decay and a 2 ms click. */
    static void addKick(float[] x, double at, double amplitude) {
        int start = (int) Math.round(at * RATE);
        int length = (int) (0.35 * RATE);
        double phase = 0;
        for (int i = 0; i < length && start + i < x.length; i++) {
            if (start + i < 0) {
                continue;
            }
            double t = i / (double) RATE;
            double hz = 45 + 105 * Math.exp(-t / 0.03);
            phase += 2 * Math.PI * hz / RATE;
            double fade = Math.min(1.0, (length - i) / (0.02 * RATE));
            double env = Math.exp(-t / 0.12) * Math.min(1.0, i / 20.0) * fade;
            x[start + i] += (float) (amplitude * env * Math.sin(phase));
        }
    }

    static void addSnare(float[] x, double at, double amplitude, SplittableRandom random) {
        int start = (int) Math.round(at * RATE);
        int length = (int) (0.2 * RATE);
        for (int i = 0; i < length && start + i < x.length; i++) {
            if (start + i < 0) {
                continue;
            }
            double t = i / (double) RATE;
            double noise = random.nextDouble() * 2 - 1;
            double tone = Math.sin(2 * Math.PI * 185 * t);
            x[start + i] += (float) (amplitude * (0.7 * noise * Math.exp(-t / 0.06) + 0.4 * tone * Math.exp(-t / 0.04)));
        }
    }

    /** High-passed noise burst (first difference of white noise), 25 ms decay. */
    static void addHat(float[] x, double at, double amplitude, SplittableRandom random) {
        int start = (int) Math.round(at * RATE);
        int length = (int) (0.08 * RATE);
        double previous = 0;
        for (int i = 0; i < length && start + i < x.length; i++) {
            double noise = random.nextDouble() * 2 - 1;
            if (start + i >= 0) {
                double t = i / (double) RATE;
                x[start + i] += (float) (amplitude * 0.5 * (noise - previous) * Math.exp(-t / 0.025));
            }
            previous = noise;
        }
    }

    /** A sine burst with an exponential decay time constant of {@code decay} seconds. */
    static void addTone(float[] x, double at, double duration, double hz, double amplitude, double decay) {
        int start = (int) Math.round(at * RATE);
        int length = (int) Math.round(duration * RATE);
        for (int i = 0; i < length && start + i < x.length; i++) {
            if (start + i < 0) {
                continue;
            }
            double t = i / (double) RATE;
            x[start + i] += (float) (amplitude * Math.exp(-t / decay) * Math.sin(2 * Math.PI * hz * t));
        }
    }

    /** A harmonic tone (partials 1..6 at 1/h) with 10 ms attack and release, added at {@code at}. */
    static void addNote(float[] x, double at, double duration, double midiNote, double amplitude) {
        double f0 = Key.midiToHz(midiNote);
        int start = (int) Math.round(at * RATE);
        int length = Math.min((int) Math.round(duration * RATE), x.length - start);
        int ramp = (int) (0.01 * RATE);
        for (int h = 1; h <= 6 && f0 * h < RATE / 2.0; h++) {
            // Sine oscillator by the two-term recurrence s[n+1] = 2 cos(w) s[n] - s[n-1].
            double w = 2 * Math.PI * f0 * h / RATE;
            double coefficient = 2 * Math.cos(w);
            double previous = -Math.sin(w);
            double current = 0;
            for (int i = 0; i < length; i++) {
                double env = Math.min(1.0, Math.min(i, length - i) / (double) ramp);
                x[start + i] += (float) (amplitude * env * current / h);
                double next = coefficient * current - previous;
                previous = current;
                current = next;
            }
        }
    }

    /**
     * A cadence in {@code key}: I-IV-V-I in major, i-iv-V-i in minor (harmonic minor dominant), each chord a
     * root-position triad over a bass note, the tonic chords held twice as long.
     */
    static float[] cadence(Key key) {
        int tonic = 48 + key.tonic();
        boolean minor = key.mode() == Mode.MINOR;
        int third = minor ? 3 : 4;
        int[][] chords = {
            {0, third, 7},
            {5, 5 + third, 12},
            {7, 11, 14},
            {0, third, 7}
        };
        double[] durations = {1.2, 0.6, 0.6, 1.2};
        double seconds = 0;
        for (double d : durations) {
            seconds += d;
        }
        float[] x = new float[(int) Math.round(seconds * RATE)];
        double at = 0;
        for (int c = 0; c < chords.length; c++) {
            for (int interval : chords[c]) {
                addNote(x, at, durations[c], tonic + 12 + interval, 0.12);
            }
            addNote(x, at, durations[c], tonic - 12 + chords[c][0], 0.15);
            at += durations[c];
        }
        return x;
    }

    static float[] whiteNoise(double seconds, double amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * (random.nextDouble() * 2 - 1));
        }
        return x;
    }

    static float[] sine(double hz, double amplitude, double seconds) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }

    static AudioBuffer mono(float[] x) {
        return new AudioBuffer(new float[][] {x}, RATE);
    }

    static AudioBuffer stereo(float[] x) {
        return new AudioBuffer(new float[][] {x, x.clone()}, RATE);
    }

    /** Sample-wise sum of signals (the shortest length). */
    static float[] mix(float[]... parts) {
        int n = Integer.MAX_VALUE;
        for (float[] p : parts) {
            n = Math.min(n, p.length);
        }
        float[] out = new float[n];
        for (float[] p : parts) {
            for (int i = 0; i < n; i++) {
                out[i] += p[i];
            }
        }
        return out;
    }
}
