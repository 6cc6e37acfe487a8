package io.djia.separate;

import io.djia.core.audio.AudioBuffer;
import java.util.SplittableRandom;

/**
 * Four-bar dance loops whose true stems are known: drums (sine-sweep kicks, noise-and-sine snares, noise hats),
 * a bass line of low-passed saw notes ducked by the kick (sidechain, as dance mixes do), and a pad of detuned
 * saws spread across the stereo field. Each stem is scaled to the same RMS so none wins by level alone.
 */
final class SyntheticMix {
    static final int RATE = 44_100;

    /** Drum and bass patterns. */
    enum Groove {
        /** Broken beat: kicks on 1, 2+ and 3+, bass quarter and eighth notes that start with the kicks. */
        BROKEN,
        /** House: four-on-the-floor, bass on the off-beat eighths. */
        OFFBEAT,
        /** Psytrance: four-on-the-floor, one-note bass on the three sixteenths between kicks. */
        ROLLING
    }

    final AudioBuffer drums;
    final AudioBuffer bass;
    final AudioBuffer pad;
    final AudioBuffer mixture;
    final double bpm;
    final Groove groove;

    private SyntheticMix(double bpm, Groove groove, AudioBuffer drums, AudioBuffer bass, AudioBuffer pad) {
        this.bpm = bpm;
        this.groove = groove;
        this.drums = drums;
        this.bass = bass;
        this.pad = pad;
        float[][] mix = new float[2][drums.frames()];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < mix[c].length; i++) {
                mix[c][i] = drums.channel(c)[i] + bass.channel(c)[i] + pad.channel(c)[i];
            }
        }
        this.mixture = new AudioBuffer(mix, RATE);
    }

    /** Four bars of {@code groove} at {@code bpm}; the chords (and bass roots) go Am, C, G, Em. */
    static SyntheticMix of(double bpm, Groove groove, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double beat = 60.0 / bpm;
        int frames = (int) Math.round(16 * beat * RATE);
        float[][] drums = new float[2][frames];
        float[][] bass = new float[2][frames];
        float[][] pad = new float[2][frames];
        float[] duck = new float[frames];
        java.util.Arrays.fill(duck, 1f);
        int[] roots = {45, 48, 43, 40};
        for (int bar = 0; bar < 4; bar++) {
            double barStart = bar * 4 * beat;
            double[] kicks = groove == Groove.BROKEN ? new double[] {0, 1.5, 2.5} : new double[] {0, 1, 2, 3};
            for (double k : kicks) {
                int at = at(barStart + k * beat);
                kick(drums, at, random);
                sidechain(duck, at);
            }
            snare(drums, at(barStart + beat), random);
            snare(drums, at(barStart + 3 * beat), random);
            for (int h = 0; h < 8; h++) {
                hat(drums, at(barStart + h * beat / 2), random, h % 2 == 1 ? 1.0 : 0.5);
            }
            int bassMidi = roots[bar] - 12;
            switch (groove) {
                case BROKEN -> {
                    bassNote(bass, at(barStart), beat, bassMidi, 1.0);
                    bassNote(bass, at(barStart + 1.5 * beat), beat, bassMidi, 0.5);
                    bassNote(bass, at(barStart + 2.5 * beat), beat, bassMidi + 7, 1.0);
                    bassNote(bass, at(barStart + 3.5 * beat), beat, bassMidi, 0.5);
                }
                case OFFBEAT -> {
                    for (int b = 0; b < 4; b++) {
                        bassNote(bass, at(barStart + (b + 0.5) * beat), beat, bassMidi + (b == 3 ? 7 : 0), 0.45);
                    }
                }
                case ROLLING -> {
                    for (int s = 0; s < 16; s++) {
                        if (s % 4 != 0) {
                            bassNote(bass, at(barStart + s * beat / 4), beat, bassMidi, 0.22);
                        }
                    }
                }
            }
            int[] chord = {roots[bar] + 12, roots[bar] + 15, roots[bar] + 19};
            for (int i = 0; i < chord.length; i++) {
                padChord(pad, at(barStart), at(barStart + 4 * beat), midiHz(chord[i]), i, random);
            }
        }
        for (float[] ch : bass) {
            for (int i = 0; i < frames; i++) {
                ch[i] *= duck[i];
            }
        }
        normalise(drums, 0.1);
        normalise(bass, 0.1);
        normalise(pad, 0.1);
        return new SyntheticMix(bpm, groove, new AudioBuffer(drums, RATE), new AudioBuffer(bass, RATE),
                new AudioBuffer(pad, RATE));
    }

    /**
     * A sung-like line, centred: a vibrato tone (5.5 Hz, +/-30 cents) whose harmonics pass three formants
     * (700, 1200, 2600 Hz), one note every half second, at RMS 0.1.
     */
    static AudioBuffer centredVoice(int frames) {
        float[] v = new float[frames];
        int[] notes = {57, 60, 64, 62};
        double phase = 0;
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            double f0 = midiHz(notes[(int) (t / 0.5) % notes.length]) * Math.pow(2, 0.3 / 12 * Math.sin(2 * Math.PI * 5.5 * t));
            phase += 2 * Math.PI * f0 / RATE;
            double s = 0;
            for (int h = 1; h <= 20; h++) {
                double hz = f0 * h;
                double formants = Math.exp(-Math.pow((hz - 700) / 300, 2)) + 0.6 * Math.exp(-Math.pow((hz - 1200) / 400, 2))
                        + 0.2 * Math.exp(-Math.pow((hz - 2600) / 500, 2));
                s += formants * Math.sin(h * phase) / h;
            }
            double inNote = t % 0.5;
            v[i] = (float) (s * Math.min(1, inNote / 0.03) * Math.min(1, (0.5 - inNote) / 0.05));
        }
        float[][] x = {v, v.clone()};
        normalise(x, 0.1);
        return new AudioBuffer(x, RATE);
    }

    /** An A minor chord of saws, detuned -9 cents on the left and +7 cents on the right only: wide, RMS 0.1. */
    static AudioBuffer widePad(int frames) {
        float[][] x = new float[2][frames];
        int[] chord = {57, 60, 64};
        for (int j = 0; j < chord.length; j++) {
            double left = midiHz(chord[j]) * Math.pow(2, -9 / 1200.0) / RATE;
            double right = midiHz(chord[j]) * Math.pow(2, 7 / 1200.0) / RATE;
            double pl = 0.1 * j;
            double pr = 0.37 * j;
            for (int i = 0; i < frames; i++) {
                pl += left;
                pl -= Math.floor(pl);
                pr += right;
                pr -= Math.floor(pr);
                x[0][i] += (float) (2 * pl - 1);
                x[1][i] += (float) (2 * pr - 1);
            }
        }
        normalise(x, 0.1);
        return new AudioBuffer(x, RATE);
    }

    static double midiHz(int midi) {
        return 440.0 * Math.pow(2, (midi - 69) / 12.0);
    }

    private static int at(double seconds) {
        return (int) Math.round(seconds * RATE);
    }

    /** Sine sweeping from 160 Hz down to 50 Hz with an 80 ms decay, plus a 2 ms noise click. */
    private static void kick(float[][] out, int start, SplittableRandom random) {
        int n = at(0.35);
        double phase = 0;
        for (int i = 0; i < n && start + i < out[0].length; i++) {
            double t = i / (double) RATE;
            double hz = 50 + 110 * Math.exp(-t / 0.03);
            phase += 2 * Math.PI * hz / RATE;
            double v = Math.sin(phase) * Math.exp(-t / 0.08);
            if (t < 0.002) {
                v += 0.3 * (random.nextDouble() * 2 - 1);
            }
            out[0][start + i] += (float) v;
            out[1][start + i] += (float) v;
        }
    }

    /** Bass gain dips by 14 dB at each kick and recovers with an 80 ms time constant. */
    private static void sidechain(float[] gain, int start) {
        double release = 0.08 * RATE;
        for (int i = 0; i < 6 * release && start + i < gain.length; i++) {
            float g = (float) (1 - 0.8 * Math.exp(-i / release));
            gain[start + i] = Math.min(gain[start + i], g);
        }
    }

    /** High-passed noise burst with a 185 Hz body. */
    private static void snare(float[][] out, int start, SplittableRandom random) {
        int n = at(0.25);
        double low = 0;
        for (int i = 0; i < n && start + i < out[0].length; i++) {
            double t = i / (double) RATE;
            double noise = random.nextDouble() * 2 - 1;
            low += 0.35 * (noise - low);
            double v = 0.5 * (noise - low) * Math.exp(-t / 0.07)
                    + 0.4 * Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t / 0.05);
            out[0][start + i] += (float) (0.9 * v);
            out[1][start + i] += (float) v;
        }
    }

    /** Differentiated noise, 30 ms decay, a little right of centre. */
    private static void hat(float[][] out, int start, SplittableRandom random, double level) {
        int n = at(0.08);
        double previous = 0;
        for (int i = 0; i < n && start + i < out[0].length; i++) {
            double t = i / (double) RATE;
            double noise = random.nextDouble() * 2 - 1;
            double v = 0.25 * level * (noise - previous) * Math.exp(-t / 0.03);
            previous = noise;
            out[0][start + i] += (float) (0.8 * v);
            out[1][start + i] += (float) (1.1 * v);
        }
    }

    /** A saw through a two-pole low-pass at 500 Hz with 5 ms attack and 15 ms release, centred. */
    private static void bassNote(float[][] out, int start, double beat, int midi, double lengthBeats) {
        int n = at(lengthBeats * beat);
        double hz = midiHz(midi);
        double phase = 0;
        double a = 1 - Math.exp(-2 * Math.PI * 500.0 / RATE);
        double s1 = 0;
        double s2 = 0;
        int release = at(0.015);
        for (int i = 0; i < n + release && start + i < out[0].length; i++) {
            phase += hz / RATE;
            phase -= Math.floor(phase);
            s1 += a * ((2 * phase - 1) - s1);
            s2 += a * (s1 - s2);
            double env = Math.min(1.0, i / (0.005 * RATE));
            if (i >= n) {
                env *= 1.0 - (i - n) / (double) release;
            }
            float v = (float) (s2 * env);
            out[0][start + i] += v;
            out[1][start + i] += v;
        }
    }

    /** Three saws detuned by -9, 0 and +7 cents, spread left, centre and right, 150 ms attack, low-passed. */
    private static void padChord(float[][] out, int start, int end, double hz, int voice, SplittableRandom random) {
        double[] cents = {-9, 0, 7};
        double[][] pans = {{1.0, 0.2}, {0.6, 0.6}, {0.2, 1.0}};
        double a = 1 - Math.exp(-2 * Math.PI * 2500.0 / RATE);
        for (int d = 0; d < 3; d++) {
            double f = hz * Math.pow(2, cents[d] / 1200.0);
            double phase = random.nextDouble();
            double s = 0;
            double[] pan = pans[(d + voice) % 3];
            for (int i = start; i < end && i < out[0].length; i++) {
                phase += f / RATE;
                phase -= Math.floor(phase);
                s += a * ((2 * phase - 1) - s);
                double env = Math.min(1.0, (i - start) / (0.15 * RATE)) * Math.min(1.0, (end - i) / (0.02 * RATE));
                out[0][i] += (float) (0.3 * s * env * pan[0]);
                out[1][i] += (float) (0.3 * s * env * pan[1]);
            }
        }
    }

    private static void normalise(float[][] x, double targetRms) {
        double sum = 0;
        long count = 0;
        for (float[] ch : x) {
            for (float v : ch) {
                sum += v * v;
            }
            count += ch.length;
        }
        float g = (float) (targetRms / Math.sqrt(sum / count));
        for (float[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] *= g;
            }
        }
    }
}
