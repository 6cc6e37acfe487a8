package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.PolyBlep;
import io.djia.generate.procedural.dsp.Shaper;
import io.djia.generate.procedural.dsp.SineTable;
import io.djia.generate.procedural.dsp.Svf;

/**
 * A subtractive synth voice for pads, strings, choir sources, brass, reeds and stabs: a stack of detuned
 * band-limited saw/pulse oscillators spread across the stereo field, delayed vibrato, an optional pitch scoop at
 * the attack (brass players lip up into a note), breath noise, and a per-note low-pass whose cutoff follows an
 * envelope and the velocity (louder brass is brighter: J.-C. Risset, "Computer study of trumpet tones", 1965).
 */
final class SubtractiveVoice implements NoteVoice {
    /**
     * @param oscillators    number of detuned oscillators (1..7)
     * @param detuneCents    spread between the outermost oscillators
     * @param stereoSpread   0 = mono centre .. 1 = outermost oscillators hard left and right
     * @param sawMix         1 = all saw .. 0 = all pulse
     * @param pulseWidth     duty cycle of the pulse
     * @param attack         seconds
     * @param decay          seconds to fall towards sustain (-60 dB of the span)
     * @param sustain        0..1
     * @param release        seconds to -60 dB
     * @param vibratoHz      vibrato rate
     * @param vibratoCents   vibrato depth
     * @param vibratoDelay   seconds before the vibrato fades in
     * @param cutoffHz       base cutoff of the per-note low-pass (0 = none)
     * @param envOctaves     how far the filter envelope opens the cutoff
     * @param filterDecay    seconds for the filter envelope to fall by 60 dB
     * @param resonanceQ     filter Q
     * @param scoopCents     pitch offset at the attack (negative = from below)
     * @param scoopTime      time constant of the scoop, seconds
     * @param breath         breath-noise level
     * @param drive          output saturation (1 = clean)
     */
    record Patch(int oscillators, double detuneCents, double stereoSpread, double sawMix, double pulseWidth,
                 double attack, double decay, double sustain, double release, double vibratoHz, double vibratoCents,
                 double vibratoDelay, double cutoffHz, double envOctaves, double filterDecay, double resonanceQ,
                 double scoopCents, double scoopTime, double breath, double drive) {
    }

    private static final int CONTROL = 16;
    private final Patch patch;
    private final int sr;
    private final Noise noise;
    private final double[] phases;
    private final double[] ratios;
    private final double[] gainsL;
    private final double[] gainsR;

    SubtractiveVoice(Patch patch, int sampleRate, long noiseSeed) {
        this.patch = patch;
        this.sr = sampleRate;
        this.noise = new Noise(noiseSeed);
        int n = Math.max(1, Math.min(7, patch.oscillators()));
        phases = new double[n];
        ratios = new double[n];
        gainsL = new double[n];
        gainsR = new double[n];
        double norm = 1.0 / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            double position = n == 1 ? 0.0 : 2.0 * i / (n - 1) - 1.0;
            ratios[i] = Math.pow(2.0, position * patch.detuneCents() / 2400.0);
            double pan = position * patch.stereoSpread();
            gainsL[i] = LoopCanvas.panLeft(pan) * norm;
            gainsR[i] = LoopCanvas.panRight(pan) * norm;
        }
    }

    @Override
    public int length(Note note) {
        return note.gate() + (int) (patch.release() * sr);
    }

    @Override
    public boolean render(Note note, float[] left, float[] right, int length) {
        double hz = Key.midiToHz(note.midi());
        double vel = note.velocity();
        int n = phases.length;
        for (int i = 0; i < n; i++) {
            phases[i] = noise.uniform();
        }
        Svf filterL = patch.cutoffHz() > 0 ? new Svf(sr) : null;
        Svf filterR = patch.cutoffHz() > 0 && patch.stereoSpread() > 0 ? new Svf(sr) : null;
        Svf breathBand = patch.breath() > 0 ? new Svf(sr).set(Math.min(2.5 * hz, 6000), 1.2) : null;
        double attackStep = 1.0 / Math.max(1.0, patch.attack() * sr);
        double decayCoeff = coefficient(patch.decay());
        double releaseCoeff = coefficient(patch.release());
        double filterCoeff = coefficient(patch.filterDecay());
        double scoopCoeff = patch.scoopTime() > 0 ? Math.exp(-1.0 / (patch.scoopTime() * sr)) : 0.0;
        double scoop = patch.scoopCents() / 1200.0 * Math.log(2.0);
        double vibDepth = patch.vibratoCents() / 1200.0 * Math.log(2.0);
        int vibDelay = (int) (patch.vibratoDelay() * sr);
        double vibFadeStep = 1.0 / Math.max(1.0, 0.4 * sr);
        double vibPhaseStep = patch.vibratoHz() / sr;
        double vibPhase = noise.uniform();
        double vibAmount = 0;
        double env = 0;
        double filterEnv = 1.0;
        boolean attacking = true;
        double cutoffBase = patch.cutoffHz() * (0.6 + 0.6 * vel);
        double sustain = patch.sustain();
        double drive = patch.drive();
        double driveNorm = drive > 1.0 ? 1.0 / Shaper.fastTanh(drive) : 1.0;
        double bend = 1.0;
        boolean pureSaw = patch.sawMix() >= 1.0;
        double sawMix = patch.sawMix();
        double pulseWidth = patch.pulseWidth();
        boolean stereo = patch.stereoSpread() > 0;
        double lastCutoff = -1;
        for (int t = 0; t < length; t++) {
            if (t % CONTROL == 0) {
                // Pitch modulation (scoop and vibrato) and the filter are updated at control rate, and only while
                // they move: a held pad note costs nothing here once its envelopes have settled.
                double vib = 0;
                if (vibDepth > 0 && t >= vibDelay) {
                    vibAmount = Math.min(1.0, vibAmount + vibFadeStep * CONTROL);
                    vib = vibDepth * vibAmount * SineTable.sin(vibPhase);
                }
                if (vib != 0 || Math.abs(scoop) > 1e-5) {
                    bend = Math.exp(scoop + vib);
                    scoop *= Math.pow(scoopCoeff, CONTROL);
                } else {
                    bend = 1.0;
                }
                if (filterL != null) {
                    double cutoff = Math.min(cutoffBase * Math.pow(2.0, patch.envOctaves() * filterEnv * vel), 0.45 * sr);
                    if (Math.abs(cutoff - lastCutoff) > 1e-3 * cutoff) {
                        lastCutoff = cutoff;
                        filterL.set(cutoff, patch.resonanceQ());
                        if (filterR != null) {
                            filterR.set(cutoff, patch.resonanceQ());
                        }
                    }
                }
            }
            vibPhase += vibPhaseStep;
            if (t < note.gate()) {
                if (attacking) {
                    env += attackStep;
                    if (env >= 1.0) {
                        env = 1.0;
                        attacking = false;
                    }
                } else {
                    env = sustain + (env - sustain) * decayCoeff;
                }
            } else {
                env *= releaseCoeff;
            }
            filterEnv *= filterCoeff;
            double f = hz * bend / sr;
            double l = 0;
            double r = 0;
            for (int i = 0; i < n; i++) {
                double dt = f * ratios[i];
                double p = phases[i] + dt;
                if (p >= 1.0) {
                    p -= 1.0;
                }
                phases[i] = p;
                double osc = pureSaw ? PolyBlep.saw(p, dt)
                        : sawMix * PolyBlep.saw(p, dt) + (1.0 - sawMix) * PolyBlep.pulse(p, dt, pulseWidth);
                l += osc * gainsL[i];
                if (stereo) {
                    r += osc * gainsR[i];
                }
            }
            if (breathBand != null) {
                double b = breathBand.bandpass(noise.white()) * patch.breath();
                l += b;
                r += b;
            }
            if (!stereo) {
                r = l;
            }
            if (filterL != null) {
                l = filterL.lowpass(l);
                r = filterR != null ? filterR.lowpass(r) : l;
            }
            double a = env * vel;
            if (drive > 1.0) {
                left[t] = (float) (Shaper.fastTanh(drive * l * a) * driveNorm);
                right[t] = (float) (Shaper.fastTanh(drive * r * a) * driveNorm);
            } else {
                left[t] = (float) (l * a);
                right[t] = (float) (r * a);
            }
        }
        // With no spread both channels are equal: report mono so the player can pan the note.
        return patch.stereoSpread() > 0;
    }

    private double coefficient(double seconds) {
        return seconds <= 0 ? 0.0 : Math.exp(Math.log(1e-3) / (seconds * sr));
    }
}
