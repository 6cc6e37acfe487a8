package io.djia.app.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.djia.core.analysis.AnalysisOptions;
import io.djia.core.analysis.AnalysisReport;
import io.djia.core.analysis.Analyzer;
import io.djia.core.analysis.TempoPrior;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.io.AtomicFiles;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavWriter;
import io.djia.core.mix.MixerConfig;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import io.djia.generate.Generator;
import io.djia.generate.brain.Brain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a whole set from options: the library call behind {@code djia render}. */
public final class SetRender {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Sets up to this long are rendered in memory, loudness-normalised and analysed before writing. */
    static final long MAX_IN_MEMORY_SECONDS = 45 * 60;

    private SetRender() {
    }

    /** The mapper set.json is written with (snake_case). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Applies the options' tempo and key overrides to the profile they name. */
    public static StyleProfile resolveProfile(RenderOptions options) {
        StyleProfile profile = ProfileLibrary.load(options.profile());
        if (options.bpm() != null) {
            Tempo.of(options.bpm());
            profile = profile.withBpm(options.bpm());
        }
        if (options.key() != null) {
            profile = profile.withKey(Key.parse(options.key()).displayName());
        }
        return profile;
    }

    /**
     * Renders the set to {@code options.output()} and writes the report beside it. Nothing is left behind
     * when it fails: both files are written to temporary names and renamed at the end.
     */
    public static SetReport run(RenderOptions options, ProgressListener progress) throws IOException {
        StyleProfile profile = resolveProfile(options);
        checkWritable(options.output());
        long start = System.nanoTime();
        try (Generator generator = Engines.generator(options);
             Brain brain = Engines.brain(options);
             ClipMaker clips = new ClipMaker(generator, Engines.clipStage(options, generator), options.threads())) {
            VoiceSource voice = Engines.voice(options);
            SetPlan plan = new SetPlanner().plan(profile, options.totalFrames(), options.sampleRate(), brain, options.seed());
            MixerConfig mixerConfig = mixerConfig(plan);
            SetRenderer renderer = new SetRenderer(clips, voice, 2 * options.threads() + 2);
            SetRenderer.Stats stats;
            Map<String, Object> analysis;
            if (options.totalFrames() <= MAX_IN_MEMORY_SECONDS * (long) options.sampleRate()) {
                MemorySink sink = new MemorySink(2, options.totalFrames(), options.sampleRate());
                stats = renderer.render(plan, mixerConfig, sink, progress);
                AudioBuffer audio = sink.audio();
                progress.progress("master", 0, 1);
                double gainDb = LoudnessTarget.apply(audio, options.targetLufs(), plan.tempo());
                progress.progress("master", 1, 1);
                stats = new SetRenderer.Stats(stats.frames(), stats.layersStarted(), stats.voiceDrops(), audio.peak());
                progress.progress("analyse", 0, 1);
                analysis = analyse(audio, plan);
                analysis.put("loudness_gain_db", Math.round(gainDb * 10) / 10.0);
                progress.progress("analyse", 1, 1);
                WavWriter.write(options.output(), audio, WavEncoding.PCM24, null);
            } else {
                // Too long to hold in memory: stream to disk at the mixer's level, without the loudness pass.
                try (WavFileSink sink = WavFileSink.open(options.output(), options.sampleRate(), 2)) {
                    stats = renderer.render(plan, mixerConfig, sink, progress);
                    sink.commit();
                }
                analysis = new LinkedHashMap<>();
                analysis.put("skipped", "sets longer than " + MAX_IN_MEMORY_SECONDS / 60
                        + " minutes are streamed to disk without loudness normalisation or analysis");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            SetReport report = report(options, plan, generator, brain, voice, stats, analysis, seconds);
            writeJsonAtomically(options.reportPath(), report);
            return report;
        }
    }

    /**
     * Measures the written set (tempo, key, loudness) so the report says what the audio is, not only what was
     * planned. The tempo search is centred on the set's tempo, as a DJ would expect it.
     */
    static Map<String, Object> analyse(AudioBuffer audio, SetPlan plan) {
        AnalysisReport measured = new Analyzer(AnalysisOptions.defaults()
                .withTempoPrior(TempoPrior.around(plan.tempo().bpm()))
                .withBeatsPerBar(plan.tempo().beatsPerBar())).analyze(audio);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bpm", Math.round(measured.bpm() * 100) / 100.0);
        out.put("tempo_confidence", Math.round(measured.tempoConfidence() * 100) / 100.0);
        out.put("key", measured.key().displayName());
        out.put("camelot", measured.key().camelot());
        out.put("key_confidence", Math.round(measured.keyConfidence() * 100) / 100.0);
        out.put("integrated_lufs", Math.round(measured.integratedLufs() * 10) / 10.0);
        out.put("loudness_range_lu", Math.round(measured.loudnessRangeLu() * 10) / 10.0);
        out.put("true_peak_dbtp", Math.round(measured.truePeakDbtp() * 10) / 10.0);
        return out;
    }

    /** The mixer settings for a plan: the profile's master effects and a -1 dBFS limiter. */
    public static MixerConfig mixerConfig(SetPlan plan) {
        return new MixerConfig(plan.sampleRate(), 2, 512, plan.tempo(), plan.profile().masterEffects(), -1.0, 16);
    }

    static SetReport report(RenderOptions options, SetPlan plan, Generator generator, Brain brain, VoiceSource voice,
                            SetRenderer.Stats stats, Map<String, Object> analysis, double seconds) {
        int rate = plan.sampleRate();
        List<SetReport.PhaseEntry> phases = new ArrayList<>();
        for (SetPlan.PhaseMark mark : plan.phases()) {
            phases.add(new SetReport.PhaseEntry(mark.name(), mark.bar(), plan.tempo().frameOfBar(mark.bar(), rate) / (double) rate));
        }
        Map<String, LayerEvent.Start> open = new LinkedHashMap<>();
        List<SetReport.LayerEntry> layers = new ArrayList<>();
        for (LayerEvent event : plan.events()) {
            if (event instanceof LayerEvent.Start s) {
                LayerEvent.Start previous = open.put(s.layerId(), s);
                if (previous != null) {
                    layers.add(entry(previous, s.bar()));
                }
            } else if (event instanceof LayerEvent.Stop stop) {
                LayerEvent.Start previous = open.remove(stop.layerId());
                if (previous != null) {
                    layers.add(entry(previous, stop.bar()));
                }
            }
        }
        for (LayerEvent.Start s : open.values()) {
            layers.add(entry(s, plan.totalBars()));
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.version"));
        versions.put("generator", generator.name());
        versions.put("brain", brain.name());
        versions.put("speech", voice.name());
        double peakDb = stats.peak() > 0 ? 20 * Math.log10(stats.peak()) : -200;
        return new SetReport(io.djia.cli.VersionInfo.version(), versions, plan.profile().name(), options.seed(),
                plan.tempo().bpm(), plan.key().displayName(), plan.key().camelot(), rate, stats.frames(),
                stats.frames() / (double) rate, generator.name(), generator.isNeural(), brain.name(), phases,
                plan.decisions(), layers, peakDb, analysis, seconds);
    }

    private static SetReport.LayerEntry entry(LayerEvent.Start s, long endBar) {
        return new SetReport.LayerEntry(s.layerId(), s.request().layerType(), s.bar(), endBar, s.request().bars(),
                s.request().intensity(), s.request().seed(), s.stems());
    }

    static void checkWritable(Path output) {
        Path parent = output.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write " + output + ": folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new IllegalArgumentException("cannot write " + output + ": folder " + parent + " is not writable");
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException("cannot write " + output + ": it is a folder; give a .wav file name");
        }
    }

    /** Writes JSON to a temporary file beside the target and renames it into place. */
    public static void writeJsonAtomically(Path target, Object value) throws IOException {
        Path tmp = AtomicFiles.createTempSibling(target, ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), value);
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
