package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.Adsr;
import io.djia.generate.procedural.dsp.LadderFilter;
import io.djia.generate.procedural.dsp.PolyBlep;
import io.djia.generate.procedural.dsp.Shaper;
import io.djia.generate.procedural.dsp.SineTable;

/**
 * The acid bass: one sawtooth (or square) oscillator through a resonant four-pole ladder whose cutoff is driven
 * by a decaying envelope, with TB-303 accents (louder, brighter, faster envelope) and slides (portamento with
 * no retrigger). The cutoff also breathes with a loop-periodic LFO, the knob-twist of a live acid jam.
 */
final class AcidVoice implements MonoVoice {
    private static final int CONTROL = 8;
    private final double sr;
    private final LadderFilter filter;
    private final boolean square;
    private final double baseCutoff;
    private final double envOctaves;
    private final double resonance;
    private final int loopFrames;
    private final int lfoCycles;
    private final double normalCoeff;
    private final double accentCoeff;
    private final double glideCoeff;
    private final double attackStep;
    private final double releaseCoeff;
    private double phase;
    private double hz = 55;
    private double targetHz = 55;
    private double env;
    private double envCoeff;
    private double accentLevel;
    private double amp;
    private double velocity;
    private boolean gate;

    AcidVoice(ClipContext ctx, boolean square) {
        this.sr = ctx.sampleRate();
        this.filter = new LadderFilter(sr);
        this.square = square;
        double e = ctx.energy();
        this.baseCutoff = (220 + 380 * e) * Math.pow(2.0, 0.7 * ctx.brightness());
        this.envOctaves = 1.8 + 1.2 * e;
        this.resonance = 0.72 + 0.18 * e;
        this.loopFrames = ctx.frames();
        this.lfoCycles = Math.max(1, ctx.bars() / 2);
        this.normalCoeff = Adsr.coefficient(0.5, sr);
        this.accentCoeff = Adsr.coefficient(0.22, sr);
        this.glideCoeff = Math.exp(-1.0 / (0.02 * sr));
        this.attackStep = 1.0 / (0.002 * sr);
        this.releaseCoeff = Adsr.coefficient(0.03, sr);
    }

    @Override
    public void noteOn(LineNote note, boolean legato) {
        targetHz = Key.midiToHz(note.midi());
        velocity = note.velocity();
        gate = true;
        if (!legato) {
            hz = targetHz;
            env = 1.0;
            accentLevel = note.accent() ? 1.0 : 0.0;
            envCoeff = note.accent() ? accentCoeff : normalCoeff;
        }
    }

    @Override
    public void noteOff() {
        gate = false;
    }

    @Override
    public void render(float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((i - from) % CONTROL == 0) {
                double lfo = SineTable.sin((double) lfoCycles * (i % loopFrames) / loopFrames);
                double cutoff = baseCutoff * Math.pow(2.0, 0.6 * lfo + envOctaves * env * (1.0 + 0.3 * accentLevel));
                filter.set(cutoff, resonance + 0.06 * accentLevel);
            }
            hz = targetHz + (hz - targetHz) * glideCoeff;
            double dt = hz / sr;
            phase += dt;
            if (phase >= 1.0) {
                phase -= 1.0;
            }
            double osc = square ? PolyBlep.pulse(phase, dt, 0.5) : PolyBlep.saw(phase, dt);
            if (gate) {
                amp = Math.min(velocity, amp + attackStep);
            } else {
                amp *= releaseCoeff;
            }
            env *= envCoeff;
            double y = filter.process(0.7 * osc) * (1.0 + 1.2 * resonance);
            out[i] += (float) (Shaper.fastTanh(1.4 * y) * amp);
        }
    }
}
