package io.djia.app.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.analysis.LoudnessMeter;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.generate.Generator;
import io.djia.generate.brain.Brain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SetRenderTest {
    private static final int RATE = 44_100;

    static List<String> profiles() {
        return ProfileLibrary.BUILT_IN;
    }

    /** Renders a set into memory, as {@link SetRender#run} does into a file. */
    static AudioBuffer renderToMemory(StyleProfile profile, double minutes, long seed, SetPlan[] planOut) throws Exception {
        RenderOptions options = RenderOptions.defaults(profile.name(), minutes, seed, Path.of("unused.wav"));
        try (Generator generator = Engines.generator(options);
             Brain brain = Engines.brain(options);
             ClipMaker clips = new ClipMaker(generator, Engines.clipStage(options, generator), 2)) {
            SetPlan plan = new SetPlanner().plan(profile, options.totalFrames(), RATE, brain, seed);
            planOut[0] = plan;
            MemorySink sink = new MemorySink(2, plan.totalFrames(), RATE);
            new SetRenderer(clips, VoiceSource.NONE, 4).render(plan, SetRender.mixerConfig(plan), sink, ProgressListener.NONE);
            return sink.audio();
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void twoMinuteSetIsExactCleanAndAtItsTempo(String name) throws Exception {
        StyleProfile profile = ProfileLibrary.load(name);
        SetPlan[] plan = new SetPlan[1];
        AudioBuffer set = renderToMemory(profile, 2.0, 42, plan);

        assertEquals(2 * 60 * RATE, set.frames(), "length to the sample");
        assertFalse(Float.isNaN(set.peak()), "no NaN");
        double peakDb = 20 * Math.log10(set.peak());
        assertTrue(peakDb < -0.5, "peak " + peakDb + " dBFS must stay below 0 dBFS (limiter at -1)");
        double lufs = LoudnessMeter.integratedLufs(set);
        assertTrue(lufs > -24 && lufs < -7, "integrated loudness " + lufs + " LUFS outside the sane window -24..-7");

        double bpm = OnsetTempo.estimateBpm(set, profile.bpm());
        double error = Math.abs(bpm - profile.bpm()) / profile.bpm();
        assertTrue(error < 0.02, name + ": measured " + bpm + " BPM, profile " + profile.bpm());

        assertTrue(plan[0].events().stream().anyMatch(e -> e instanceof LayerEvent.Start), "layers started");
    }

    @Test
    void everyClipOfASetLoopsWithoutAClick() throws Exception {
        for (String name : List.of("techno_minimal", "dub", "downtempo_ambient", "jungle_dnb")) {
            StyleProfile profile = ProfileLibrary.load(name);
            RenderOptions options = RenderOptions.defaults(name, 2.0, 7, Path.of("unused.wav"));
            try (Generator generator = Engines.generator(options); Brain brain = Engines.brain(options)) {
                SetPlan plan = new SetPlanner().plan(profile, options.totalFrames(), RATE, brain, 7);
                for (LayerEvent event : plan.events()) {
                    if (event instanceof LayerEvent.Start s) {
                        AudioBuffer clip = generator.generate(s.request());
                        for (int c = 0; c < clip.channels(); c++) {
                            float[] x = clip.channel(c);
                            double maxStep = 0;
                            for (int i = 1; i < x.length; i++) {
                                maxStep = Math.max(maxStep, Math.abs(x[i] - x[i - 1]));
                            }
                            double joinStep = Math.abs(x[0] - x[x.length - 1]);
                            assertTrue(joinStep <= maxStep + 1e-6,
                                    name + "/" + s.layerId() + ": loop join step " + joinStep + " exceeds the clip's largest step " + maxStep);
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameSeedGivesByteIdenticalWavAndReport(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        SetRender.run(RenderOptions.defaults("deep_house", 0.5, 99, a), ProgressListener.NONE);
        SetRender.run(RenderOptions.defaults("deep_house", 0.5, 99, b), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Path c = dir.resolve("c.wav");
        SetRender.run(RenderOptions.defaults("deep_house", 0.5, 100, c), ProgressListener.NONE);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "another seed, another set");
        assertTrue(Files.readString(dir.resolve("a.json")).contains("\"seed\" : 99"));
    }
}
