package io.djia.core.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.fx.EffectSpec;
import io.djia.core.fx.TestSignals;
import io.djia.core.theory.Tempo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MixerTest {
    private static final int FS = 44_100;
    private static final Tempo TEMPO = Tempo.of(120);
    private static final double CENTRE = Math.sqrt(0.5);

    /**
     * Renders the next {@code frames} frames of schedule time in blocks of {@code block}; the first call also
     * renders and drops the latency, so index i of consecutive results is schedule frame (sum before) + i.
     */
    private static float[][] render(Mixer mixer, int frames, int block) {
        int skip = mixer.framePosition() == 0 ? mixer.latencyFrames() : 0;
        int total = frames + skip;
        float[][] all = new float[2][total];
        float[][] out = new float[2][block];
        for (int start = 0; start < total; start += block) {
            int n = Math.min(block, total - start);
            mixer.render(out, n);
            System.arraycopy(out[0], 0, all[0], start, n);
            System.arraycopy(out[1], 0, all[1], start, n);
        }
        float[][] aligned = new float[2][frames];
        System.arraycopy(all[0], skip, aligned[0], 0, frames);
        System.arraycopy(all[1], skip, aligned[1], 0, frames);
        return aligned;
    }

    private static Mixer mixer(int blockFrames) {
        return new Mixer(MixerConfig.defaults(FS, TEMPO).withBlockFrames(blockFrames));
    }

    private static AudioBuffer constant(float value, int frames) {
        float[] x = new float[frames];
        java.util.Arrays.fill(x, value);
        return new AudioBuffer(new float[][] {x}, FS);
    }

    private static AudioBuffer click(float value, int frames) {
        float[] x = new float[frames];
        x[0] = value;
        return new AudioBuffer(new float[][] {x}, FS);
    }

    private static AudioBuffer sine(double hz, double amplitude, int frames) {
        return new AudioBuffer(TestSignals.sine(2, frames, hz, amplitude, 0, FS), FS);
    }

    @Test
    void loopStartsLandOnTheBarGridAt174Bpm() {
        Tempo tempo = Tempo.of(174);
        double loopFrames = tempo.samplesPerBar(FS) * 4;
        assertTrue(loopFrames != Math.rint(loopFrames), "the test needs a fractional bar length");
        // Arithmetic: the scheduler's iteration starts against the tempo grid, for an hour and more.
        Voice voice = new Voice("click", new float[1], new float[1], 0, loopFrames, 0, LayerSettings.of(1, 0),
                io.djia.core.fx.EffectChain.empty(), 16, 0, 1);
        for (long k = 0; k <= 1000; k++) {
            assertEquals(tempo.frameOfBar(4 * k, FS), voice.iterationStartFrame(k), "loop " + k);
        }
        // Rendered: the clicks in the output sit on exactly those frames.
        Mixer mixer = new Mixer(MixerConfig.defaults(FS, tempo).withBlockFrames(4096));
        mixer.startLayer("click", click(0.25f, 64), 0, loopFrames, LayerSettings.of(1, -1), 0);
        int loops = 6;
        float[][] out = render(mixer, (int) tempo.frameOfBar(4L * loops, FS) + 10, 4096);
        List<Integer> clicks = new ArrayList<>();
        for (int i = 0; i < out[0].length; i++) {
            if (out[0][i] != 0f) {
                clicks.add(i);
                assertEquals(0.25f, out[0][i], "click level at frame " + i);
            }
        }
        assertEquals(loops + 1, clicks.size());
        for (int k = 0; k <= loops; k++) {
            assertEquals(tempo.frameOfBar(4L * k, FS), (long) clicks.get(k), "loop " + k);
        }
    }

    @Test
    void loopIterationsAfterAThousandLoopsRenderOnTheGrid() {
        // Start the clock just before loop 995 instead of rendering an hour: the layer, scheduled at frame 0,
        // comes in late and must find its place in the loop from the start frame and the loop length alone.
        Tempo tempo = Tempo.of(174);
        double loopFrames = tempo.samplesPerBar(FS) * 4;
        long firstFrame = tempo.frameOfBar(4L * 995, FS) - 1000;
        Mixer mixer = new Mixer(new MixerConfig(FS, 2, 4096, tempo, List.of(), -1.0, 4), firstFrame);
        mixer.startLayer("click", click(0.25f, 16), 0, loopFrames, LayerSettings.of(1, -1), 0);
        long latency = mixer.latencyFrames();
        float[][] out = new float[2][4096];
        List<Long> clicks = new ArrayList<>();
        long end = tempo.frameOfBar(4L * 1000, FS) + 100 + latency;
        while (mixer.framePosition() < end) {
            long blockStart = mixer.framePosition();
            mixer.render(out, 4096);
            for (int i = 0; i < 4096; i++) {
                if (out[0][i] != 0f) {
                    clicks.add(blockStart + i - latency);
                }
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long k = 995; k <= 1000; k++) {
            expected.add(tempo.frameOfBar(4 * k, FS));
        }
        assertEquals(expected, clicks);
    }

    @Test
    void startInTheMiddleOfABlockIsSampleAccurate() {
        Mixer mixer = mixer(512);
        mixer.startLayer("hit", click(0.3f, 100), 1000, 0, LayerSettings.of(1, 1), 0);
        float[][] out = render(mixer, 3000, 512);
        for (int i = 0; i < 3000; i++) {
            assertEquals(i == 1000 ? 0.3f : 0f, out[1][i], "frame " + i);
            assertEquals(0f, out[0][i], "hard right leaves the left silent, frame " + i);
        }
    }

    @Test
    void fadeInReachesTheSetVolumeAfterExactlyFadeInFrames() {
        Mixer mixer = mixer(512);
        int start = 777;
        int fade = 3000;
        mixer.startLayer("pad", constant(0.2f, 20_000), start, 0, LayerSettings.of(0.5, 0), fade);
        float[][] out = render(mixer, 10_000, 512);
        double full = 0.2f * 0.5 * CENTRE;
        assertEquals(0f, out[0][start]);
        // Equal-power fade: sin(pi/2 * k / fade); a third of the way in it is exactly one half.
        assertEquals(0.5 * full, out[0][start + fade / 3], 1e-7);
        assertTrue(out[0][start + fade - 1] < out[0][start + fade]);
        for (int i = start + fade; i < 10_000; i++) {
            assertEquals(full, out[0][i], 1e-8, "frame " + i);
        }
        for (int i = start + 1; i < start + fade; i++) {
            assertTrue(out[0][i] >= out[0][i - 1], "rising at " + i);
        }
    }

    @Test
    void replacingALayerCrossfadesWithoutAClick() {
        Mixer mixer = mixer(512);
        mixer.startLayer("lead", sine(440, 0.2, 100_000), 0, 0, LayerSettings.of(1, 0), 0);
        int swap = 20_000 + 123;
        mixer.startLayer("lead", sine(660, 0.2, 100_000), swap, 0, LayerSettings.of(1, 0), 0);
        float[][] out = render(mixer, 40_000, 512);
        double ownSlope = 0.2 * CENTRE * 2 * Math.PI * 660 / FS;
        double maxJump = 0;
        for (int i = swap - 1000; i < swap + 2000; i++) {
            maxJump = Math.max(maxJump, Math.abs(out[0][i] - out[0][i - 1]));
        }
        // Equal-power crossfade of two sines: at most sqrt(2) times the faster one's slope, no step.
        assertTrue(maxJump < 1.5 * ownSlope, "max jump " + maxJump + " vs slope " + ownSlope);
        // After the minimum 10 ms crossfade only the new clip plays, from its start.
        int after = swap + 441;
        for (int i = after; i < after + 1000; i++) {
            double expected = 0.2f * CENTRE * Math.sin(2 * Math.PI * 660 * (i - swap) / FS);
            assertEquals(expected, out[0][i], 1e-6, "frame " + i);
        }
        assertEquals(List.of("lead"), mixer.activeLayerIds());
    }

    @Test
    void stopFadesToSilenceAndTheLayerDisappears() {
        Mixer mixer = mixer(512);
        mixer.startLayer("bass", constant(0.2f, 1000), 0, 1000, LayerSettings.of(1, 0), 0);
        mixer.stopLayer("bass", 5000, 2000);
        float[][] out = render(mixer, 4000, 512);
        assertEquals(List.of("bass"), mixer.activeLayerIds());
        float[][] rest = render(mixer, 6000, 512);
        double full = 0.2f * CENTRE;
        assertEquals(full, out[0][3999], 1e-8);
        // Quarter-cosine fade from frame 5000: half way down is cos(pi/4).
        assertEquals(full * CENTRE, rest[0][5000 - 4000 + 1000], 1e-7);
        for (int i = 7000 - 4000; i < 6000; i++) {
            assertEquals(0f, rest[0][i], "silent after the fade, frame " + (i + 4000));
        }
        assertEquals(List.of(), mixer.activeLayerIds());
    }

    @Test
    void oneShotEndsByItselfAfterItsTail() {
        Mixer mixer = mixer(512);
        mixer.startLayer("drop", click(0.5f, 2000), 100, 0,
                new LayerSettings(1, 0, List.of(EffectSpec.delay("1/16", 0.3, 0.5))), 0);
        render(mixer, 3000, 512);
        assertEquals(List.of("drop"), mixer.activeLayerIds());
        render(mixer, 3 * FS, 512);
        assertEquals(List.of(), mixer.activeLayerIds());
    }

    @Test
    void duckingAttenuatesDuckableLayersOnly() {
        Mixer mixer = mixer(512);
        mixer.startLayer("music", constant(0.1f, 100_000), 0, 0, LayerSettings.of(1, -1), 0);
        mixer.startLayer("voice", constant(0.1f, 100_000), 0, 0, LayerSettings.of(1, 1).withDuckable(false), 0);
        mixer.setDuckingDb(-12, 10_000, 4410);
        float[][] out = render(mixer, 20_000, 512);
        assertEquals(0.1f, out[0][9_999], 1e-8);
        assertEquals(-12.0, TestSignals.db(out[0][14_410] / 0.1f), 1e-4);
        assertEquals(-6.0, TestSignals.db(out[0][10_000 + 2205] / 0.1f), 1e-2);
        assertEquals(0.1f, out[1][19_999], 1e-8);
    }

    @Test
    void volumeChangeRampsWithoutSteps() {
        Mixer mixer = mixer(512);
        mixer.startLayer("pad", constant(0.2f, 100_000), 0, 0, LayerSettings.of(1, -1), 0);
        mixer.setLayerSettings("pad", 5000, LayerSettings.of(0.25, -1));
        float[][] out = render(mixer, 10_000, 512);
        int ramp = (int) Math.round(Mixer.PARAMETER_RAMP_SECONDS * FS);
        assertEquals(0.2f, out[0][5000], 1e-8);
        assertEquals(0.05f, out[0][5000 + ramp], 1e-8);
        double step = 0.15 / ramp;
        for (int i = 5001; i <= 5000 + ramp; i++) {
            assertEquals(step, out[0][i - 1] - out[0][i], 1e-6, "linear ramp at " + i);
        }
    }

    @Test
    void filterSweepThroughSettingsGlidesWithoutClicks() {
        Mixer mixer = mixer(512);
        mixer.startLayer("bass", sine(100, 0.3, 100_000), 0, 0,
                new LayerSettings(1, -1, List.of(EffectSpec.lowPass(12_000))), 0);
        // A sweep as the set planner sends it: a new cutoff every 10 ms, retuned in place (no chain swap).
        for (int step = 0; step < 20; step++) {
            mixer.setLayerSettings("bass", 10_000 + 441L * step,
                    new LayerSettings(1, -1, List.of(EffectSpec.lowPass(12_000 * Math.pow(0.8, step + 1)))));
        }
        float[][] out = render(mixer, 30_000, 512);
        double inputCurvature = 0.3 * Math.pow(2 * Math.PI * 100 / FS, 2);
        double maxCurvature = 0;
        for (int i = 9_000; i < 30_000; i++) {
            maxCurvature = Math.max(maxCurvature, Math.abs(out[0][i] - 2.0 * out[0][i - 1] + out[0][i - 2]));
        }
        assertTrue(maxCurvature < 1.5 * inputCurvature, "curvature " + maxCurvature + " vs " + inputCurvature);
    }

    @Test
    void limiterHoldsEightLoudLayersUnderTheCeiling() {
        Mixer mixer = mixer(512);
        for (int k = 0; k < 8; k++) {
            mixer.startLayer("layer" + k, sine(110 * (k + 1) + 7 * k, 1.0, 44_100), 0, 44_100,
                    LayerSettings.of(1, (k % 3 - 1) * 0.5), 0);
        }
        float[][] out = render(mixer, 2 * FS, 512);
        double ceiling = Math.pow(10, -1.0 / 20);
        assertTrue(TestSignals.peak(out[0], 0, out[0].length) <= ceiling);
        assertTrue(TestSignals.peak(out[1], 0, out[1].length) <= ceiling);
        assertTrue(TestSignals.db(TestSignals.truePeak(out[0], FS, FS + 4410)) < -1.0);
        assertTrue(TestSignals.db(TestSignals.peak(out[0], FS, 2 * FS)) > -2.0, "loud material sits at the ceiling");
    }

    /** A busy schedule: loops, one-shots, mid-block starts, effects, retuning, chain swap, ducking, tempo. */
    private static void busySchedule(Mixer mixer) {
        List<EffectSpec> fx = List.of(EffectSpec.highPass(120), EffectSpec.reverb(0.5, 1.5, 0.3),
                EffectSpec.delay("1/8d", 0.4, 0.3));
        mixer.startLayer("drums", click(0.6f, 300), 0, TEMPO.samplesPerBeat(FS), new LayerSettings(0.9, 0, fx), 0);
        mixer.startLayer("bass", sine(55, 0.5, 30_000), 1234, 30_000.5, LayerSettings.of(0.8, -0.2), 2000);
        mixer.startLayer("pad", sine(330, 0.3, 50_000), 7777, 0, new LayerSettings(0.5, 0.6,
                List.of(EffectSpec.lowPass(6000))), 5000);
        mixer.setLayerSettings("pad", 20_001, new LayerSettings(0.7, -0.6, List.of(EffectSpec.lowPass(800))));
        mixer.setLayerSettings("drums", 30_333, new LayerSettings(0.9, 0.1, List.of(EffectSpec.lowPass(2000))));
        mixer.startLayer("bass", sine(82.5, 0.5, 30_000), 40_100, 30_000, LayerSettings.of(0.8, 0), 3000);
        mixer.setDuckingDb(9, 50_000, 2000);
        mixer.setTempo(Tempo.of(128), 60_000);
        mixer.setDuckingDb(0, 70_000, 2000);
        mixer.stopLayer("pad", 80_000, 5000);
    }

    private static float[][] renderBusy(int block, Consumer<Mixer> schedule) {
        Mixer mixer = new Mixer(MixerConfig.defaults(FS, TEMPO).withBlockFrames(512)
                .withMasterEffects(List.of(EffectSpec.highPass(30))));
        schedule.accept(mixer);
        return render(mixer, 100_000, block);
    }

    @Test
    void blocksOf512AndBlocksOf97GiveIdenticalOutput() {
        float[][] a = renderBusy(512, MixerTest::busySchedule);
        float[][] b = renderBusy(97, MixerTest::busySchedule);
        assertTrue(TestSignals.peak(a[0], 0, a[0].length) > 0.05, "the schedule makes sound");
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
    }

    @Test
    void renderingIsDeterministic() {
        float[][] a = renderBusy(256, MixerTest::busySchedule);
        float[][] b = renderBusy(256, MixerTest::busySchedule);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
    }

    @Test
    void renderingAllocatesNothing() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(threads instanceof com.sun.management.ThreadMXBean counter)
                || !counter.isThreadAllocatedMemorySupported()) {
            return;
        }
        counter.setThreadAllocatedMemoryEnabled(true);
        Mixer mixer = new Mixer(MixerConfig.defaults(FS, TEMPO).withMasterEffects(List.of(EffectSpec.highPass(30))));
        busySchedule(mixer);
        float[][] out = new float[2][512];
        long id = Thread.currentThread().getId();
        counter.getThreadAllocatedBytes(id);
        long before = counter.getThreadAllocatedBytes(id);
        // Covers every scheduled command (starts, replace, retune, chain swap, ducking, tempo, stop), then
        // steady looping. Even one 16-byte object per block would be 32 000 bytes; the JVM itself may
        // allocate a little on this thread once (deoptimisation), hence the small allowance.
        int blocks = 2000;
        for (int block = 0; block < blocks; block++) {
            mixer.render(out, 512);
        }
        long allocated = counter.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 4096, allocated + " bytes allocated while rendering " + blocks + " blocks");
    }

    @Test
    void tempoChangeRetimesLayerDelays() {
        Mixer mixer = mixer(512);
        mixer.setTempo(Tempo.of(60), 0);
        mixer.startLayer("echo", click(1f, 10), 0, 0,
                new LayerSettings(0.5, -1, List.of(EffectSpec.delay("1/4", 0.0, 0.5))), 0);
        float[][] out = render(mixer, FS + 10, 512);
        // A quarter note at 60 BPM is one second; dry and wet are each half.
        assertEquals(0.25f, out[0][0], 1e-7);
        assertEquals(0.25f, out[0][FS], 1e-7);
        assertEquals(0f, out[0][FS / 2]);
    }

    @Test
    void misuseIsRejectedWithAClearMessage() {
        Mixer mixer = mixer(512);
        AudioBuffer wrongRate = new AudioBuffer(new float[][] {new float[10]}, 48_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mixer.startLayer("x", wrongRate, 0, 0, LayerSettings.of(1, 0), 0));
        assertTrue(e.getMessage().contains("48000"));
        assertThrows(IllegalArgumentException.class, () -> mixer.render(new float[2][1024], 1024));
        assertThrows(IllegalArgumentException.class, () -> LayerSettings.of(1.5, 0));
        Mixer small = new Mixer(new MixerConfig(FS, 2, 512, TEMPO, List.of(), -1, 2));
        small.startLayer("a", click(1, 10), 0, 100, LayerSettings.of(1, 0), 0);
        small.startLayer("b", click(1, 10), 0, 100, LayerSettings.of(1, 0), 0);
        assertThrows(IllegalStateException.class,
                () -> small.startLayer("c", click(1, 10), 0, 100, LayerSettings.of(1, 0), 0));
        small.stopLayer("a", 0, 0);
        small.startLayer("c", click(1, 10), 0, 100, LayerSettings.of(1, 0), 0);
        assertFalse(small.activeLayerIds().isEmpty());
    }
}
