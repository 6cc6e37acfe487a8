package io.djia.core.fx;

import static io.djia.core.fx.TestSignals.db;
import static io.djia.core.fx.TestSignals.rms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.theory.Tempo;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectsTest {
    private static final int FS = 48_000;
    private static final Tempo TEMPO = Tempo.of(120);

    @Test
    void specsBecomeTheMatchingProcessors() {
        assertEquals(BiquadType.HIGH_PASS, ((Biquad) Effects.create(EffectSpec.highPass(200), TEMPO, FS)).type());
        assertEquals(BiquadType.LOW_PASS, ((Biquad) Effects.create(EffectSpec.lowPass(2000), TEMPO, FS)).type());
        assertInstanceOf(FdnReverb.class, Effects.create(EffectSpec.reverb(0.5, 2.5, 0.3), TEMPO, FS));
        TempoSyncedDelay delay = (TempoSyncedDelay) Effects.create(EffectSpec.delay("1/8d", 0.4, 0.3), TEMPO, FS);
        assertEquals(0.375 * FS, delay.delayFrames(), 1e-9);
    }

    @Test
    void filterSpecSetsTheCutoff() {
        AudioProcessor hpf = Effects.create(EffectSpec.highPass(1000), TEMPO, FS);
        float[][] out = TestSignals.processInBlocks(hpf, TestSignals.sine(2, FS, 1000, 0.5, 0, FS), 512);
        assertEquals(-3.01, db(rms(out[0], FS / 2, FS) / (0.5 / Math.sqrt(2))), 0.1);
    }

    @Test
    void chainRunsInOrderAndSumsLatency() {
        LookaheadLimiter limiter = LookaheadLimiter.master(FS, -1);
        EffectChain chain = new EffectChain(List.of(new SmoothedGain(FS, 0.5), limiter,
                LookaheadLimiter.master(FS, -1)));
        assertEquals(2 * limiter.latencyFrames(), chain.latencyFrames());
        float[][] in = TestSignals.sine(2, 3000, 500, 0.8, 0, FS);
        float[][] out = TestSignals.processInBlocks(chain, in, 256);
        int latency = chain.latencyFrames();
        for (int i = 0; i + latency < 3000; i++) {
            assertEquals(in[0][i] * 0.5f, out[0][i + latency], 1e-7);
        }
    }

    @Test
    void chainInPlaceEqualsOutOfPlace() {
        List<EffectSpec> specs = List.of(EffectSpec.highPass(150), EffectSpec.reverb(0.4, 1.5, 0.3),
                EffectSpec.delay("1/8", 0.5, 0.3));
        float[][] in = TestSignals.sine(2, 30_000, 300, 0.5, 0, FS);
        float[][] a = TestSignals.processInBlocks(Effects.chain(specs, TEMPO, FS), in, 512);
        float[][] b = TestSignals.processInPlace(Effects.chain(specs, TEMPO, FS), in, 97);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
    }

    @Test
    void chainTempoChangeReachesTheDelay() {
        TempoSyncedDelay delay = TempoSyncedDelay.of(FS, TEMPO, "1/4", 0.3, 0.3);
        EffectChain chain = new EffectChain(List.of(new Biquad(BiquadType.LOW_PASS, FS, 2, 5000, 0.7, 0), delay));
        chain.setTempo(Tempo.of(150));
        assertEquals(0.4 * FS, delay.delayFrames(), 1e-9);
    }

    @Test
    void updatesKeepTheProcessorWhenTheyCan() {
        AudioProcessor lpf = Effects.create(EffectSpec.lowPass(8000), TEMPO, FS);
        Effects.update(EffectSpec.lowPass(8000), EffectSpec.lowPass(1000)).orElseThrow().applyTo(lpf);
        assertEquals(1000, ((Biquad) lpf).cutoffHz(), 1e-9);

        AudioProcessor delay = Effects.create(EffectSpec.delay("1/4", 0.4, 0.3), TEMPO, FS);
        Effects.update(EffectSpec.delay("1/4", 0.4, 0.3), EffectSpec.delay("1/8t", 0.4, 0.3)).orElseThrow()
                .applyTo(delay);
        // An eighth-note triplet is a third of a beat: 8000 frames at 120 BPM and 48 kHz.
        assertEquals(8000.0, ((TempoSyncedDelay) delay).delayFrames(), 1e-6);

        AudioProcessor reverb = Effects.create(EffectSpec.reverb(0.5, 2, 0.3), TEMPO, FS);
        Effects.update(EffectSpec.reverb(0.5, 2, 0.3), EffectSpec.reverb(0.5, 4, 0.3)).orElseThrow().applyTo(reverb);
        assertEquals(4.0, ((FdnReverb) reverb).decaySeconds(), 1e-12);

        assertTrue(Effects.update(EffectSpec.reverb(0.5, 2, 0.3), EffectSpec.reverb(0.9, 2, 0.3)).isEmpty());
        assertTrue(Effects.update(EffectSpec.lowPass(500), EffectSpec.highPass(500)).isEmpty());
    }
}
