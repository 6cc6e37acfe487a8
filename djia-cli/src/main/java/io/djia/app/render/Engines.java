package io.djia.app.render;

import io.djia.core.audio.AudioBuffer;
import io.djia.generate.Generator;
import io.djia.generate.GeneratorFactory;
import io.djia.generate.GeneratorOptions;
import io.djia.generate.brain.Brain;
import io.djia.core.theory.Key;
import io.djia.generate.GenerationRequest;
import io.djia.generate.tts.SpeechSynthesizer;
import io.djia.stretch.LoopFitter;
import io.djia.separate.Separator;
import io.djia.separate.SeparatorOptions;
import io.djia.separate.StemPreference;
import io.djia.separate.StemSelection;
import io.djia.separate.StemSelector;
import io.djia.separate.Stems;
import io.djia.generate.tts.SpeechSynthesizers;
import java.util.Optional;
import io.djia.generate.brain.BrainFactory;
import io.djia.generate.brain.BrainOptions;

/**
 * Builds the engines a render uses from its options, so commands never branch on the engine.
 */
public final class Engines {
    private Engines() {
    }

    public static Generator generator(RenderOptions options) {
        return GeneratorFactory.create(GeneratorOptions.defaults().withEngine(options.engine())
                .withModelDir(options.modelDir()).withThreads(options.threads()));
    }

    public static Brain brain(RenderOptions options) {
        BrainOptions.Kind kind = BrainOptions.Kind.parse(options.brain());
        if (kind == BrainOptions.Kind.RULES) {
            return BrainFactory.create(BrainOptions.rules().withSeed(options.seed()));
        }
        if (options.brainModel() == null) {
            throw new IllegalArgumentException("--brain llm needs --model-path FILE.gguf");
        }
        return BrainFactory.create(BrainOptions.llm(options.brainModel()).withSeed(options.seed()));
    }

    /**
     * What happens to a clip between the generator and the mixer: a clip that is not on the grid (neural engines)
     * is fitted to it, then stems are split off and the brain's preferred ones kept when {@code --separate} asks for it (by default only for neural clips: a procedural clip is
     * already a single instrument, and separating it would cost more than the rest of the render).
     */
    public static ClipMaker.ClipStage clipStage(RenderOptions options, Generator generator) {
        ClipMaker.ClipStage fit = generator.outputIsOnGrid() ? (clip, start) -> clip : Engines::fitToGrid;
        ClipMaker.ClipStage stems = stemStage(options, generator);
        return new ClipMaker.ClipStage() {
            @Override
            public AudioBuffer apply(AudioBuffer clip, LayerEvent.Start start) {
                return stems.apply(fit.apply(clip, start), start);
            }

            @Override
            public void close() {
                stems.close();
            }
        };
    }

    /**
     * A neural clip has its own idea of tempo and where the music starts: the loop fitter finds the first strong
     * onset, measures the tempo, stretches the clip to exactly the requested bars and folds the seam.
     */
    static AudioBuffer fitToGrid(AudioBuffer clip, LayerEvent.Start start) {
        GenerationRequest request = start.request();
        Optional<Key> key = request.key().atonal() ? Optional.empty() : Optional.of(request.key());
        return new LoopFitter().fit(clip, request.tempo(), request.bars(), key).audio();
    }

    private static ClipMaker.ClipStage stemStage(RenderOptions options, Generator generator) {
        boolean separate = switch (options.separate()) {
            case "always" -> true;
            case "never" -> false;
            default -> generator.isNeural();
        };
        if (!separate) {
            return (clip, start) -> clip;
        }
        Separator separator = Separator.create(options.stemModel() == null
                ? SeparatorOptions.defaults() : SeparatorOptions.defaults().withModel(options.stemModel()));
        StemSelector selector = new StemSelector();
        return new ClipMaker.ClipStage() {
            @Override
            public AudioBuffer apply(AudioBuffer clip, LayerEvent.Start start) {
                StemPreference preference = StemPreference.parse(start.stems());
                if (preference.kind() == StemPreference.Kind.ALL) {
                    return clip;
                }
                Stems stems;
                // One separator serves the clip threads; its scratch buffers are not shared concurrently.
                synchronized (separator) {
                    stems = separator.separate(clip);
                }
                StemSelection selection = selector.select(stems, preference, null, start.request().seed());
                return stems.mix(selection.stems());
            }

            @Override
            public void close() {
                separator.close();
            }
        };
    }

    /** Voice drops through the best speech engine here (espeak-ng, else the built-in formant voice). */
    public static VoiceSource voice(RenderOptions options) {
        return voice(options.voiceDrops());
    }

    /** Voice drops when {@code enabled}, else none; shared by the offline render and the live session. */
    public static VoiceSource voice(boolean enabled) {
        if (!enabled) {
            return VoiceSource.NONE;
        }
        SpeechSynthesizer speech = SpeechSynthesizers.detect();
        return new VoiceSource() {
            @Override
            public Optional<AudioBuffer> speak(String text, int energy, int sampleRate) {
                try {
                    return Optional.of(speech.speak(text, energy, sampleRate));
                } catch (SpeechSynthesizer.SpeechException e) {
                    // A voice drop is decoration: the set goes on without it.
                    return Optional.empty();
                }
            }

            @Override
            public String name() {
                return speech.name();
            }
        };
    }
}
