package io.djia.cli;

import io.djia.app.render.Engines;
import io.djia.app.render.RenderOptions;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.wav.LoopMetadata;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavWriter;
import io.djia.generate.GenerationRequest;
import io.djia.generate.Generator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code djia generate}: one loop to a WAV file that DAWs loop at the right tempo. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Generate one loop of a layer type to a WAV file with loop points and tempo embedded (smpl and acid",
            "chunks), so a DAW loops it at the right tempo.",
            "",
            "Example: djia generate --profile deep_house --type chord --bars 4 --seed 7 -o chords.wav"
        })
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = {"-p", "--profile"}, defaultValue = "techno_minimal", paramLabel = "NAME|FILE",
            description = "Style profile (see `djia profiles`). Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = {"-t", "--type"}, required = true, paramLabel = "TYPE",
            description = "Layer type of the profile, e.g. kick, bass, pad (see `djia profiles`).")
    String type;

    @Option(names = {"-b", "--bars"}, defaultValue = "4", paramLabel = "N", description = "Loop length: 1, 2, 4 or 8 bars. Default: ${DEFAULT-VALUE}.")
    int bars;

    @Option(names = {"-i", "--intensity"}, defaultValue = "6", paramLabel = "1-10", description = "Energy. Default: ${DEFAULT-VALUE}.")
    int intensity;

    @Option(names = {"-s", "--seed"}, defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Free text for neural engines; it takes priority over the style's words.")
    String prompt;

    @Option(names = "--bpm", paramLabel = "BPM", description = "Tempo override.")
    Double bpm;

    @Option(names = "--key", paramLabel = "KEY", description = "Key override, e.g. \"F minor\".")
    String key;

    @Option(names = "--sample-rate", defaultValue = "44100", paramLabel = "HZ", description = "Default: ${DEFAULT-VALUE}.")
    int sampleRate;

    @Option(names = "--audio-model", defaultValue = "procedural", paramLabel = "ENGINE", description = "Generator engine. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Folder of the neural generator's model files.")
    Path modelDir;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output WAV (24-bit).")
    Path output;

    @Override
    public Integer call() throws Exception {
        RenderOptions options = new RenderOptions(profile, 1, seed, bpm, key, sampleRate, output, engine, modelDir,
                "rules", null, 0, RenderOptions.DEFAULT_TARGET_LUFS, false, "never", null);
        StyleProfile style = io.djia.app.render.SetRender.resolveProfile(options);
        Key loopKey = style.parsedKey();
        GenerationRequest request = new GenerationRequest(style, type, keywordsOf(style, type), prompt, loopKey,
                style.tempo(), bars, intensity, seed, sampleRate);
        try (Generator generator = Engines.generator(options)) {
            AudioBuffer loop = generator.generate(request);
            int root = loopKey.atonal() ? 60 : loopKey.midiNote(0, 4);
            WavWriter.write(output, loop, WavEncoding.PCM24, LoopMetadata.ofBars(style.tempo(), bars, sampleRate, root));
            System.err.printf("wrote %s: %s %s, %d bars at %.1f BPM in %s (%s, seed %d)%n", output, style.name(), type,
                    bars, style.bpm(), loopKey.displayName(), generator.name(), seed);
        }
        return 0;
    }

    private static List<String> keywordsOf(StyleProfile style, String type) {
        return style.layerType(type).map(t -> t.keywords()).orElse(List.of());
    }
}
