package io.djia.stretch.tools;

import io.djia.core.audio.AudioBuffer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Four synthetic stereo loops, rendered from one score at any tempo: a drum loop, a bass line, a chord pad and
 * their mix. The same seed gives the same hits and notes at every tempo; only the note positions and
 * lengths follow the tempo, while attacks and decays stay in seconds, as a real performance at another tempo
 * would. A rendering at the target tempo is therefore the ideal result of stretching one at the source tempo.
 */
public final class DemoLoops {
    /** The loop kinds, in report order. */
    public enum Kind {
        DRUMS, BASS, PAD, MIX;

        public String fileStem() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final long SEED = 20_240_611L;

    private DemoLoops() {
    }

    /** {@code bars} bars of 4/4 at {@code bpm}, stereo at {@code sampleRate}. */
    public static AudioBuffer render(Kind kind, double bpm, int bars, int sampleRate) {
        double beat = 60.0 / bpm;
        int frames = (int) Math.round(bars * 4 * beat * sampleRate);
        float[][] out = new float[2][frames];
        switch (kind) {
            case DRUMS -> drums(out, beat, bars, sampleRate, 1.0);
            case BASS -> bass(out, beat, bars, sampleRate, 1.0);
            case PAD -> pad(out, beat, bars, sampleRate, 1.0);
            case MIX -> {
                drums(out, beat, bars, sampleRate, 0.7);
                bass(out, beat, bars, sampleRate, 0.6);
                pad(out, beat, bars, sampleRate, 0.5);
            }
        }
        return new AudioBuffer(out, sampleRate);
    }

    private static void drums(float[][] out, double beat, int bars, int sr, double gain) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int bar = 0; bar < bars; bar++) {
            for (int sixteenth = 0; sixteenth < 16; sixteenth++) {
                double t = (bar * 4 + sixteenth * 0.25) * beat;
                long hitSeed = random.nextLong();
                if (sixteenth == 0 || sixteenth == 6 || sixteenth == 8 || (bar % 2 == 1 && sixteenth == 14)) {
                    kick(out, t, sr, 0.9 * gain);
                }
                if (sixteenth == 4 || sixteenth == 12) {
                    snare(out, t, sr, 0.6 * gain, hitSeed);
                }
                double hatGain = sixteenth % 4 == 0 ? 0.25 : (sixteenth % 2 == 0 ? 0.18 : 0.09);
                hat(out, t, sr, hatGain * gain, hitSeed ^ 0x5DEECE66DL);
            }
        }
    }

    /** A sine sweeping from 160 to 48 Hz with a 0.3 s decay and a short click. */
    private static void kick(float[][] out, double t, int sr, double gain) {
        int start = (int) Math.round(t * sr);
        int length = (int) (0.45 * sr);
        double phase = 0;
        for (int i = 0; i < length && start + i < out[0].length; i++) {
            double s = i / (double) sr;
            double f = 48 + 112 * Math.exp(-s / 0.03);
            phase += 2 * Math.PI * f / sr;
            double v = Math.sin(phase) * Math.exp(-s / 0.3) + 0.3 * Math.exp(-s / 0.002) * Math.sin(2 * Math.PI * 3000 * s);
            add(out, start + i, gain * v, 0.0);
        }
    }

    /** Band-passed noise and a 185 Hz body, 0.15 s decay. */
    private static void snare(float[][] out, double t, int sr, double gain, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int start = (int) Math.round(t * sr);
        int length = (int) (0.3 * sr);
        double lp = 0;
        double prev = 0;
        for (int i = 0; i < length && start + i < out[0].length; i++) {
            double s = i / (double) sr;
            double noise = random.nextDouble() * 2 - 1;
            lp += 0.35 * (noise - lp);
            double band = lp - prev;
            prev = lp;
            double v = 1.6 * band * Math.exp(-s / 0.12) + 0.5 * Math.sin(2 * Math.PI * 185 * s) * Math.exp(-s / 0.06);
            add(out, start + i, gain * v, -0.15);
        }
    }

    /** High-passed noise, 35 ms decay. */
    private static void hat(float[][] out, double t, int sr, double gain, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int start = (int) Math.round(t * sr);
        int length = (int) (0.12 * sr);
        double prev = 0;
        for (int i = 0; i < length && start + i < out[0].length; i++) {
            double s = i / (double) sr;
            double noise = random.nextDouble() * 2 - 1;
            double high = noise - prev;
            prev = noise;
            add(out, start + i, gain * high * Math.exp(-s / 0.035), 0.35);
        }
    }

    private static void bass(float[][] out, double beat, int bars, int sr, double gain) {
        // A minor riff: (MIDI note, start in eighths, length in eighths), one bar, repeated.
        int[][] riff = {{33, 0, 2}, {33, 2, 1}, {45, 3, 1}, {36, 4, 2}, {40, 6, 1}, {43, 7, 1}};
        for (int bar = 0; bar < bars; bar++) {
            int transpose = (bar % 4 == 2) ? -4 : (bar % 4 == 3 ? -2 : 0);
            for (int[] note : riff) {
                double t = (bar * 4 + note[1] * 0.5) * beat;
                double hz = midiHz(note[0] + transpose);
                synthNote(out, t, note[2] * 0.5 * beat, hz, sr, 0.35 * gain, 0.005, 0.12, 0.55, 0.03, 12, 0.0, 0.0);
            }
        }
    }

    private static void pad(float[][] out, double beat, int bars, int sr, double gain) {
        int[][] chords = {{57, 60, 64, 69}, {53, 57, 60, 65}, {48, 55, 60, 64}, {55, 59, 62, 67}};
        for (int bar = 0; bar < bars; bar++) {
            int[] chord = chords[bar % chords.length];
            for (int v = 0; v < chord.length; v++) {
                double hz = midiHz(chord[v]);
                double pan = (v % 2 == 0 ? -0.4 : 0.4);
                synthNote(out, bar * 4 * beat, 4 * beat, hz, sr, 0.07 * gain, 0.15, 0.3, 0.8, 0.25, 8, pan, 4.0);
            }
        }
    }

    /**
     * An additive note with {@code harmonics} partials falling at 1/n, an ADSR envelope in seconds and two
     * voices detuned by +-{@code detuneCents}, the upper panned to {@code pan}.
     */
    private static void synthNote(float[][] out, double t, double length, double hz, int sr, double gain,
            double attack, double decay, double sustain, double release, int harmonics, double pan,
            double detuneCents) {
        int start = (int) Math.round(t * sr);
        int frames = (int) Math.round((length + release) * sr);
        double[] voices = detuneCents == 0 ? new double[] {1.0}
                : new double[] {Math.pow(2, -detuneCents / 1200), Math.pow(2, detuneCents / 1200)};
        for (int v = 0; v < voices.length; v++) {
            double f0 = hz * voices[v];
            double voicePan = voices.length == 1 ? pan : (v == 0 ? -pan : pan);
            for (int i = 0; i < frames && start + i < out[0].length; i++) {
                double s = i / (double) sr;
                double env;
                if (s < attack) {
                    env = s / attack;
                } else if (s < attack + decay) {
                    env = 1 - (1 - sustain) * (s - attack) / decay;
                } else {
                    env = sustain;
                }
                if (s > length) {
                    env *= Math.max(0, 1 - (s - length) / release);
                }
                double sum = 0;
                for (int h = 1; h <= harmonics && f0 * h < 0.45 * sr; h++) {
                    sum += Math.sin(2 * Math.PI * f0 * h * s) / h;
                }
                add(out, start + i, gain * env * sum / voices.length, voicePan);
            }
        }
    }

    private static double midiHz(int note) {
        return 440.0 * Math.pow(2, (note - 69) / 12.0);
    }

    private static void add(float[][] out, int i, double v, double pan) {
        if (i < 0 || i >= out[0].length) {
            return;
        }
        out[0][i] += (float) (v * Math.sqrt(0.5 * (1 - pan)));
        out[1][i] += (float) (v * Math.sqrt(0.5 * (1 + pan)));
    }
}
