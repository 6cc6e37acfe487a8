package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.dsp.Adsr;
import io.djia.generate.procedural.dsp.LadderFilter;
import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.dsp.OnePole;
import io.djia.generate.procedural.dsp.PolyBlep;
import io.djia.generate.procedural.dsp.Shaper;
import io.djia.generate.procedural.dsp.SineTable;

/**
 * The non-acid bass voices, one class with a {@link Kind} so they share pitch glide and envelopes:
 * sub (sine with a touch of second harmonic), dub and deep (sine plus triangle, low-passed, with a little saw for
 * deep house), 808 (a long pitched sine with a punch of pitch at the attack, glides and saturation), reese
 * (detuned saws through a slowly moving ladder, over a sine), picked (saw and pulse with a plucked filter
 * envelope) and abstract FM (inharmonic ratio, bit-reduced).
 */
final class BassVoice implements MonoVoice {
    enum Kind { SUB, DUB, DEEP, EIGHT_O_EIGHT, REESE, PICKED, FM }

    private static final int CONTROL = 16;
    private final Kind kind;
    private final double sr;
    private final int loopFrames;
    private final int lfoCycles;
    private final double attackStep;
    private final double decayCoeff;
    private final double sustain;
    private final double releaseCoeff;
    private final double glideCoeff;
    private final double drive;
    private final double detuneRatio;
    private final double cutoffBase;
    private final LadderFilter ladder;
    private final OnePole lowpass;
    private final Noise noise;
    private final double filterEnvCoeff;
    private final double punchCoeff;
    private double phase;
    private double phase2;
    private double phase3;
    private double hz = 55;
    private double targetHz = 55;
    private double punch;
    private double amp;
    private double velocity;
    private double filterEnv;
    private boolean gate;
    private boolean attacking;
    private boolean started;
    private int hold;

    BassVoice(ClipContext ctx, Kind kind) {
        this.kind = kind;
        this.sr = ctx.sampleRate();
        this.loopFrames = ctx.frames();
        this.lfoCycles = Math.max(1, ctx.bars());
        this.noise = new Noise(ctx.noiseSeed("bass"));
        double e = ctx.energy();
        double b = ctx.brightness();
        this.ladder = new LadderFilter(sr);
        double attack;
        double decay;
        double release;
        double glide;
        switch (kind) {
            case SUB -> {
                attack = 0.01; decay = 3.0; sustain = 0.85; release = 0.12; glide = 0.01;
                drive = 1.3; cutoffBase = 0;
            }
            case DUB -> {
                attack = 0.006; decay = 0.6; sustain = 0.75; release = 0.08; glide = 0.01;
                drive = 1.6; cutoffBase = 420 * Math.pow(2, 0.5 * b);
            }
            case DEEP -> {
                attack = 0.004; decay = 0.35; sustain = 0.6; release = 0.06; glide = 0.008;
                drive = 1.5; cutoffBase = 520 * Math.pow(2, 0.5 * b + 0.5 * e);
            }
            case EIGHT_O_EIGHT -> {
                attack = 0.002; decay = 1.1 + 0.6 * (1 - e); sustain = 0.0; release = 0.05; glide = 0.06;
                drive = 1.8 + 1.2 * e; cutoffBase = 0;
            }
            case REESE -> {
                attack = 0.012; decay = 2.0; sustain = 0.9; release = 0.09; glide = 0.05;
                drive = 1.6 + e; cutoffBase = (260 + 420 * e) * Math.pow(2, 0.6 * b);
            }
            case PICKED -> {
                attack = 0.0015; decay = 0.7; sustain = 0.5; release = 0.05; glide = 0.004;
                drive = 2.0; cutoffBase = 260 * Math.pow(2, 0.5 * b);
            }
            default -> {
                attack = 0.003; decay = 0.4; sustain = 0.4; release = 0.05; glide = 0.01;
                drive = 3.0; cutoffBase = 0;
            }
        }
        this.attackStep = 1.0 / (attack * sr);
        this.decayCoeff = Adsr.coefficient(decay, sr);
        this.releaseCoeff = Adsr.coefficient(release, sr);
        this.glideCoeff = Math.exp(-1.0 / (glide * sr));
        this.detuneRatio = Math.pow(2.0, (9.0 + 10.0 * e) / 1200.0);
        this.lowpass = new OnePole(sr, cutoffBase > 0 ? cutoffBase : 1000);
        this.filterEnvCoeff = Adsr.coefficient(kind == Kind.FM ? 0.35 : 0.2, sr);
        this.punchCoeff = Math.exp(-1.0 / (0.008 * sr));
    }

    @Override
    public void noteOn(LineNote note, boolean legato) {
        targetHz = Key.midiToHz(note.midi());
        velocity = note.velocity();
        gate = true;
        if (!legato) {
            // The reese glides between every note, but never into the first one.
            if (kind != Kind.REESE || !started) {
                hz = targetHz;
            }
            started = true;
            attacking = true;
            filterEnv = 1.0;
            punch = kind == Kind.EIGHT_O_EIGHT ? 0.3 : 0.0;
            hold = 0;
        }
    }

    @Override
    public void noteOff() {
        gate = false;
    }

    @Override
    public void render(float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (kind == Kind.REESE && (i - from) % CONTROL == 0) {
                double lfo = SineTable.sin((double) lfoCycles * (i % loopFrames) / loopFrames);
                ladder.set(cutoffBase * Math.pow(2.0, 0.9 * lfo + 0.8 * filterEnv), 0.3);
            } else if (kind == Kind.PICKED && (i - from) % CONTROL == 0) {
                ladder.set(cutoffBase * Math.pow(2.0, 3.2 * filterEnv), 0.2);
            }
            hz = targetHz + (hz - targetHz) * glideCoeff;
            double f = hz * (1.0 + punch);
            punch *= punchCoeff;
            double dt = f / sr;
            phase += dt;
            if (phase >= 1.0) {
                phase -= 1.0;
            }
            envelope();
            double y = switch (kind) {
                case SUB -> SineTable.sin(phase) + 0.12 * SineTable.sin(2 * phase);
                case DUB -> lowpass.lowpass(0.75 * SineTable.sin(phase) + 0.35 * triangle(phase));
                case DEEP -> lowpass.lowpass(0.7 * SineTable.sin(phase) + 0.2 * triangle(phase) + 0.25 * PolyBlep.saw(phase, dt));
                case EIGHT_O_EIGHT -> SineTable.sin(phase);
                case REESE -> reese(dt);
                case PICKED -> picked(dt);
                case FM -> fm();
            };
            filterEnv *= filterEnvCoeff;
            out[i] += (float) (Shaper.fastTanh(drive * y * amp) / Shaper.fastTanh(drive));
        }
    }

    private void envelope() {
        if (!gate) {
            amp *= releaseCoeff;
        } else if (attacking) {
            amp += attackStep * velocity;
            if (amp >= velocity) {
                amp = velocity;
                attacking = false;
            }
        } else {
            double floor = sustain * velocity;
            amp = floor + (amp - floor) * decayCoeff;
        }
        hold++;
    }

    private static double triangle(double p) {
        return 1.0 - 4.0 * Math.abs(p - 0.5);
    }

    private double reese(double dt) {
        double dtUp = dt * detuneRatio;
        double dtDown = dt / detuneRatio;
        phase2 += dtUp;
        if (phase2 >= 1.0) {
            phase2 -= 1.0;
        }
        phase3 += dtDown;
        if (phase3 >= 1.0) {
            phase3 -= 1.0;
        }
        double saws = 0.5 * (PolyBlep.saw(phase2, dtUp) + PolyBlep.saw(phase3, dtDown));
        return ladder.process(saws) * 1.3 + 0.55 * SineTable.sin(phase);
    }

    private double picked(double dt) {
        double pick = hold < 0.002 * sr ? 0.4 * noise.white() : 0.0;
        double osc = 0.6 * PolyBlep.saw(phase, dt) + 0.4 * PolyBlep.pulse(phase, dt, 0.35) + pick;
        return ladder.process(osc) * 1.2 + 0.3 * SineTable.sin(phase);
    }

    private double fm() {
        phase2 += 1.414 * hz / sr;
        if (phase2 >= 1.0) {
            phase2 -= 1.0;
        }
        double index = 0.8 + 3.5 * filterEnv;
        double y = SineTable.sin(phase + index * 0.16 * SineTable.sin(phase2));
        return Math.rint(y * 24) / 24;
    }
}
