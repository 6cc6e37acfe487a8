package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Adsr;
import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.Resonator;
import io.djia.generate.procedural.dsp.Shaper;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;

/**
 * Analogue-style drum voices synthesised from oscillators and noise, after the classic drum machines as
 * described in Gordon Reid's "Synth Secrets" (Sound On Sound, 2001-2002): a pitch-swept sine for the kick,
 * head tone plus band-passed noise for the snare, retriggered noise bursts for the clap, a bank of six square
 * oscillators at the TR-808's metal frequencies for hats and cymbals, and decaying modes for toms, congas and
 * timpani. Every stroke starts with a sub-millisecond fade-in so onsets never click. Not thread-safe.
 */
final class DrumSynth {
    /** The TR-808's six cymbal/hi-hat square oscillators, Hz. */
    private static final double[] METAL_HZ = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};
    /** Timpani modes (1,1)..(5,1) relative to the principal tone (T. Rossing, "Science of Percussion Instruments", 2000). */
    private static final double[] TIMPANI_RATIOS = {1.0, 1.50, 1.98, 2.44, 2.89};
    private static final double[] TIMPANI_AMPS = {1.0, 0.55, 0.32, 0.2, 0.12};
    private static final double[] TIMPANI_DECAYS = {2.4, 1.5, 1.0, 0.7, 0.5};

    private final int sr;
    private final KitTone tone;
    private final Noise noise;
    private final double kickHz;
    private final double[] metalPhase = new double[METAL_HZ.length];

    DrumSynth(int sampleRate, KitTone tone, Noise noise, double kickHz) {
        this.sr = sampleRate;
        this.tone = tone;
        this.noise = noise;
        this.kickHz = kickHz;
    }

    /**
     * Voices that cut their own previous stroke, as one voice circuit of a drum machine does (and a drummer's
     * hand damping a conga): a new kick ends the old kick's tail. Hats share the pedal choke in {@link DrumKit}.
     */
    static boolean selfChoking(Drum drum) {
        return switch (drum) {
            case KICK, SHAKER, CONGA_LOW, CONGA_HIGH, BONGO, CLAVE, RIM -> true;
            default -> false;
        };
    }

    /** Longest stroke any voice renders, in frames. */
    int maxFrames() {
        return (int) (3.2 * sr);
    }

    /**
     * Renders one stroke into {@code out} (zeroed, at least {@link #maxFrames()} long).
     *
     * @param limitFrames cut the stroke (with a short fade) after this many frames, e.g. an open hat choked by the
     *                    next hat; 0 for no limit
     * @return frames written
     */
    int render(DrumHit hit, float[] out, int limitFrames) {
        double v = hit.velocity();
        int len = switch (hit.drum()) {
            case KICK -> kick(out, v, hit.tuneHz() > 0 ? hit.tuneHz() : kickHz);
            case SNARE -> snare(out, v);
            case CLAP -> clap(out, v);
            case RIM -> rim(out, v);
            case CLOSED_HAT -> metal(out, v, tone.closedDecay(), 1.0, tone.hatBandHz(), 0.3);
            case OPEN_HAT -> metal(out, v, tone.openDecay(), 1.0, tone.hatBandHz(), 0.3);
            case RIDE -> ride(out, v);
            case CRASH -> metal(out, v, 1.8, 1.35, 7000, 0.6);
            case SHAKER -> shaker(out, v, 0.0015, 0.075, 8500);
            case BRUSH -> shaker(out, v, 0.0025, 0.16, 3200);
            case CONGA_LOW -> membrane(out, v, tuned(hit, 190), 0.28, 1.25, 0.008, 0.25);
            case CONGA_HIGH -> membrane(out, v, tuned(hit, 285), 0.2, 1.25, 0.006, v > 0.8 ? 0.6 : 0.25);
            case BONGO -> membrane(out, v, tuned(hit, 420), 0.14, 1.2, 0.004, 0.3);
            case TOM_LOW -> membrane(out, v, tuned(hit, 95), 0.6, 1.6, 0.04, 0.2);
            case TOM_MID -> membrane(out, v, tuned(hit, 135), 0.5, 1.6, 0.035, 0.2);
            case TOM_HIGH -> membrane(out, v, tuned(hit, 185), 0.42, 1.6, 0.03, 0.2);
            case CLAVE -> modes(out, v, new double[] {2500, 3900}, new double[] {1.0, 0.25}, new double[] {0.07, 0.04});
            case TIMPANI -> timpani(out, v, tuned(hit, 98));
            case BLIP -> blip(out, v, tuned(hit, 1200));
            case CLICK -> click(out, v);
            case NOISE_BURST -> noiseBurst(out, v);
        };
        if (limitFrames > 0 && limitFrames < len) {
            int fade = Math.min(limitFrames, (int) (0.004 * sr));
            for (int i = 0; i < fade; i++) {
                out[limitFrames - fade + i] *= (float) (1.0 - (i + 1.0) / fade);
            }
            len = limitFrames;
        }
        if (tone.crushBits() > 0 || tone.decimate() > 1) {
            crush(out, len);
        }
        fadeIn(out, len, (int) Math.max(2, 0.0006 * sr));
        return len;
    }

    private static double tuned(DrumHit hit, double defaultHz) {
        return hit.tuneHz() > 0 ? hit.tuneHz() : defaultHz;
    }

    private int kick(float[] out, double vel, double hz) {
        int hold = (int) (tone.kickHold() * sr);
        int len = hold + (int) (tone.kickDecay() * sr);
        double df = hz * (tone.kickSweep() - 1.0);
        double pitchCoeff = Math.exp(-1.0 / (tone.kickPitchTime() * sr));
        double ampCoeff = Adsr.coefficient(tone.kickDecay(), sr);
        double clickCoeff = Adsr.coefficient(0.006, sr);
        Svf clickFilter = new Svf(sr).set(3500, 0.7);
        double drive = tone.kickDrive();
        double norm = drive > 1.0 ? 1.0 / Shaper.fastTanh(drive) : 1.0;
        double phase = 0;
        double amp = 1.0;
        double clickEnv = tone.kickClick();
        double invSr = 1.0 / sr;
        for (int n = 0; n < len; n++) {
            double f = hz + df;
            df *= pitchCoeff;
            phase += f * invSr;
            if (phase >= 1.0) {
                phase -= 1.0;
            }
            double y = SineTable.sin(phase) * amp;
            if (n >= hold) {
                amp *= ampCoeff;
            }
            if (clickEnv > 1e-4) {
                y += clickFilter.highpass(noise.white()) * clickEnv;
                clickEnv *= clickCoeff;
            }
            if (drive > 1.0) {
                y = Shaper.fastTanh(y * drive) * norm;
            }
            out[n] = (float) (y * vel);
        }
        return len;
    }

    private int snare(float[] out, double vel) {
        double toneDecay = tone.snareToneDecay();
        double noiseDecay = tone.snareNoiseDecay();
        int len = (int) (Math.max(toneDecay, noiseDecay) * sr);
        Resonator head1 = new Resonator(tone.snareHz(), toneDecay, 0.7, 0, sr);
        Resonator head2 = new Resonator(tone.snareHz() * 1.78, toneDecay * 0.6, 0.45, 0, sr);
        Svf wires = new Svf(sr).set(tone.snareNoiseHz(), 0.6);
        double noiseCoeff = Adsr.coefficient(noiseDecay, sr);
        double env = tone.snareNoiseMix();
        // Harder hits are brighter: more wire noise relative to the head.
        env *= 0.7 + 0.3 * vel;
        for (int n = 0; n < len; n++) {
            wires.tick(noise.white());
            double w = (0.6 * wires.bandNormalized() + 0.5 * wires.high()) * env;
            env *= noiseCoeff;
            out[n] = (float) ((head1.next() + head2.next() + w) * vel);
        }
        return len;
    }

    private int clap(float[] out, double vel) {
        int burstGap = (int) (0.0095 * sr);
        int tailStart = 3 * burstGap;
        int len = tailStart + (int) (tone.clapDecay() * sr);
        Svf band = new Svf(sr).set(1150, 1.4);
        double burstCoeff = Adsr.coefficient(0.022, sr);
        double tailCoeff = Adsr.coefficient(tone.clapDecay(), sr);
        double env = 0;
        for (int n = 0; n < len; n++) {
            if (n < tailStart && n % burstGap == 0) {
                env = 1.0;
            }
            band.tick(noise.white());
            double y = (band.bandNormalized() * 1.2 + 0.25 * band.high()) * env;
            env *= n < tailStart ? burstCoeff : tailCoeff;
            if (n == tailStart) {
                env = 0.85;
            }
            out[n] = (float) (y * vel);
        }
        return len;
    }

    private int rim(float[] out, double vel) {
        int len = (int) (0.06 * sr);
        Resonator body = new Resonator(1710, 0.03, 0.8, 0, sr);
        Resonator shell = new Resonator(480, 0.05, 0.45, 0, sr);
        Svf hp = new Svf(sr).set(2500, 0.7);
        double clickCoeff = Adsr.coefficient(0.003, sr);
        double click = 0.7;
        for (int n = 0; n < len; n++) {
            double c = hp.highpass(noise.white()) * click;
            click *= clickCoeff;
            out[n] = (float) ((body.next() + shell.next() + c) * vel);
        }
        return len;
    }

    /** Six detuned square waves through high- and band-pass: the TR-808 metal circuit. */
    private int metal(float[] out, double vel, double decay, double freqScale, double bandHz, double noiseMix) {
        int len = (int) (decay * sr);
        Svf hp = new Svf(sr).set(0.68 * bandHz, 0.7);
        Svf bp = new Svf(sr).set(bandHz, 0.9);
        double coeff = Adsr.coefficient(decay, sr);
        double[] inc = new double[METAL_HZ.length];
        for (int k = 0; k < inc.length; k++) {
            inc[k] = METAL_HZ[k] * freqScale / sr;
            metalPhase[k] = noise.uniform();
        }
        double env = 1.0;
        // The squares' energy lies mostly below the high-pass; only their upper harmonics pass, so weight them up.
        double metalMix = 2.5 * (1.0 - noiseMix) / METAL_HZ.length;
        for (int n = 0; n < len; n++) {
            double sq = 0;
            for (int k = 0; k < inc.length; k++) {
                double p = metalPhase[k] + inc[k];
                if (p >= 1.0) {
                    p -= 1.0;
                }
                metalPhase[k] = p;
                sq += p < 0.5 ? 1.0 : -1.0;
            }
            double x = sq * metalMix + noise.white() * noiseMix;
            double h = hp.highpass(x);
            double y = 0.55 * bp.bandpass(h) + 0.6 * h;
            out[n] = (float) (y * env * vel);
            env *= coeff;
        }
        return len;
    }

    private int ride(float[] out, double vel) {
        int len = metal(out, vel * 0.8, 1.1, 1.42, 6500, 0.25);
        Resonator bell1 = new Resonator(3170, 0.9, 0.12 * vel, 0, sr);
        Resonator bell2 = new Resonator(4690, 0.6, 0.07 * vel, 0, sr);
        for (int n = 0; n < len; n++) {
            out[n] += (float) (bell1.next() + bell2.next());
        }
        return len;
    }

    private int shaker(float[] out, double vel, double attack, double decay, double bandHz) {
        int attackFrames = Math.max(1, (int) (attack * sr));
        int len = attackFrames + (int) (decay * sr);
        Svf hp = new Svf(sr).set(0.6 * bandHz, 0.7);
        Svf bp = new Svf(sr).set(bandHz, 1.1);
        double coeff = Adsr.coefficient(decay, sr);
        double env = 0;
        for (int n = 0; n < len; n++) {
            env = n < attackFrames ? (n + 1.0) / attackFrames : env * coeff;
            double h = hp.highpass(noise.white());
            out[n] = (float) ((0.8 * bp.bandpass(h) + 0.4 * h) * env * vel);
        }
        return len;
    }

    /**
     * A struck membrane: a sine whose pitch falls from {@code bend} times the tuned pitch (the head's tension
     * relaxing after the stroke) plus a short noise slap.
     */
    private int membrane(float[] out, double vel, double hz, double decay, double bend, double bendTime, double slap) {
        int len = (int) (decay * sr);
        double df = hz * (bend - 1.0);
        double pitchCoeff = Math.exp(-1.0 / (bendTime * sr));
        double ampCoeff = Adsr.coefficient(decay, sr);
        double slapCoeff = Adsr.coefficient(0.02, sr);
        Svf slapBand = new Svf(sr).set(Math.min(6 * hz, 4000), 0.9);
        double phase = 0;
        double amp = 1.0;
        double slapEnv = slap;
        double overtonePhase = 0;
        for (int n = 0; n < len; n++) {
            double f = hz + df;
            df *= pitchCoeff;
            phase += f / sr;
            overtonePhase += 1.59 * f / sr;
            double y = (SineTable.sin(phase) + 0.18 * SineTable.sin(overtonePhase) * amp) * amp;
            amp *= ampCoeff;
            y += slapBand.bandpass(noise.white()) * slapEnv;
            slapEnv *= slapCoeff;
            out[n] = (float) (y * vel);
        }
        return len;
    }

    private int modes(float[] out, double vel, double[] hz, double[] amps, double[] decays) {
        double longest = 0;
        Resonator[] rs = new Resonator[hz.length];
        for (int i = 0; i < hz.length; i++) {
            rs[i] = new Resonator(hz[i], decays[i], amps[i], 0, sr);
            longest = Math.max(longest, decays[i]);
        }
        int len = (int) (longest * sr);
        for (int n = 0; n < len; n++) {
            double y = 0;
            for (Resonator r : rs) {
                y += r.next();
            }
            out[n] = (float) (y * vel);
        }
        return len;
    }

    /** Kettle drum: five near-harmonic modes, a short low thump and a felt-mallet noise burst. */
    private int timpani(float[] out, double vel, double hz) {
        int len = (int) (TIMPANI_DECAYS[0] * sr);
        Resonator[] rs = new Resonator[TIMPANI_RATIOS.length];
        for (int i = 0; i < rs.length; i++) {
            // Softer strokes excite the upper modes less.
            double amp = TIMPANI_AMPS[i] * Math.pow(vel, 0.5 * i);
            rs[i] = new Resonator(hz * TIMPANI_RATIOS[i], TIMPANI_DECAYS[i], amp, 0, sr);
        }
        Resonator thump = new Resonator(hz * 0.72, 0.18, 0.6, 0, sr);
        Svf mallet = new Svf(sr).set(600 + 900 * vel, 0.7);
        double malletCoeff = Adsr.coefficient(0.03, sr);
        double malletEnv = 0.5;
        for (int n = 0; n < len; n++) {
            double y = thump.next();
            for (Resonator r : rs) {
                y += r.next();
            }
            y += mallet.lowpass(noise.white()) * malletEnv;
            malletEnv *= malletCoeff;
            out[n] = (float) (0.6 * y * vel);
        }
        return len;
    }

    private int blip(float[] out, double vel, double hz) {
        double decay = 0.03 + 0.09 * noise.uniform();
        int len = (int) (decay * sr);
        Resonator a = new Resonator(hz, decay, 0.8, 0, sr);
        Resonator b = new Resonator(hz * 2.71, decay * 0.5, 0.35, 0, sr);
        for (int n = 0; n < len; n++) {
            out[n] = (float) (Shaper.fastTanh(2.0 * (a.next() + b.next())) * vel);
        }
        return len;
    }

    private int click(float[] out, double vel) {
        int len = (int) ((0.002 + 0.004 * noise.uniform()) * sr);
        Svf hp = new Svf(sr).set(3000 + 6000 * noise.uniform(), 0.8);
        for (int n = 0; n < len; n++) {
            double env = 1.0 - (double) n / len;
            out[n] = (float) (hp.highpass(noise.white()) * env * vel);
        }
        return len;
    }

    private int noiseBurst(float[] out, double vel) {
        int len = (int) ((0.03 + 0.06 * noise.uniform()) * sr);
        Svf band = new Svf(sr).set(500 + 5000 * noise.uniform(), 2.5);
        double gate = 1.0;
        for (int n = 0; n < len; n++) {
            double env = gate * (1.0 - (double) n / len);
            out[n] = (float) (band.bandNormalized() * env * vel * 1.5);
            band.tick(noise.white());
        }
        return len;
    }

    /** Sample-and-hold decimation and bit reduction: the grain of 12-bit samplers (E-mu SP-1200 at 26 kHz). */
    private void crush(float[] out, int len) {
        int hold = Math.max(1, tone.decimate());
        int bits = tone.crushBits();
        float held = 0;
        for (int n = 0; n < len; n++) {
            if (n % hold == 0) {
                held = bits > 0 ? (float) Shaper.quantize(out[n], bits) : out[n];
            }
            out[n] = held;
        }
    }

    private static void fadeIn(float[] out, int len, int frames) {
        int f = Math.min(frames, len);
        for (int i = 0; i < f; i++) {
            out[i] *= (float) ((double) i / f);
        }
    }
}
