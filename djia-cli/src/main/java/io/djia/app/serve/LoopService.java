package io.djia.app.serve;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.resample.Resampler;
import io.djia.core.theory.Key;
import io.djia.core.wav.WavEncoding;
import io.djia.core.wav.WavWriter;
import io.djia.generate.GenerationCancelledException;
import io.djia.generate.GenerationMonitor;
import io.djia.generate.GenerationRequest;
import io.djia.generate.Generator;
import io.djia.generate.GeneratorFactory;
import io.djia.generate.GeneratorOptions;
import io.djia.generate.brain.Brain;
import io.djia.generate.brain.BrainFactory;
import io.djia.generate.brain.BrainOptions;
import io.djia.generate.brain.Decision;
import io.djia.generate.brain.ManageLayer;
import io.djia.generate.brain.RuleBrain;
import io.djia.generate.brain.SetKey;
import io.djia.generate.brain.SetState;
import io.djia.generate.brain.SetTempo;
import io.djia.separate.Separator;
import io.djia.separate.SeparatorOptions;
import io.djia.separate.Stem;
import io.djia.separate.StemPreference;
import io.djia.separate.StemSelection;
import io.djia.separate.StemSelector;
import io.djia.separate.Stems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Makes one loop per request: the brain picks the layer for the prompt, the generator renders it, the audio is
 * brought to 44.1 kHz stereo and exactly the requested bars, the preferred stems are kept when separation is on,
 * and the result is encoded as WAV. The generator, brain, separator and styles are loaded once, when the service
 * opens, never per request.
 *
 * <p>Thread-safe: the procedural generator and the rule brain are stateless and run in parallel; other brains
 * (the LLM holds one native context) are called one at a time. Workers limit a neural generator to one thread.
 */
public final class LoopService implements AutoCloseable {
    /** Rate of every loop served. */
    public static final int SAMPLE_RATE = 44_100;
    /** 16-bit PCM: every DAW reads it, and it halves the transfer next to float. */
    public static final WavEncoding ENCODING = WavEncoding.PCM16;

    private final Generator generator;
    private final Brain brain;
    private final ReentrantLock brainLock;
    /** Splits loops into stems to keep the preferred ones; null when loops are served whole. */
    private final Separator separator;
    private final StemSelector stemSelector = new StemSelector();
    private final Map<String, StyleProfile> styles;

    /** Uses the given engines, which the service then owns and closes; loops are served whole. */
    LoopService(Generator generator, Brain brain) {
        this(generator, brain, null);
    }

    /** As above, keeping the preferred stems through {@code separatorOrNull} when it is given. */
    LoopService(Generator generator, Brain brain, Separator separatorOrNull) {
        this.generator = generator;
        this.brain = brain;
        this.separator = separatorOrNull;
        this.brainLock = brain instanceof RuleBrain ? null : new ReentrantLock();
        Map<String, StyleProfile> byName = new LinkedHashMap<>();
        for (StyleProfile profile : ProfileLibrary.builtIns()) {
            byName.put(profile.name(), profile);
        }
        this.styles = Map.copyOf(byName);
    }

    /**
     * Loads the generator and brain the options name (as {@code djia render} does).
     *
     * @throws IllegalArgumentException for an unknown engine or brain, or a model that cannot be loaded
     */
    public static LoopService open(ServeOptions options) {
        Generator generator = GeneratorFactory.create(GeneratorOptions.defaults().withEngine(options.engine())
                .withModelDir(options.modelDir()));
        try {
            BrainOptions.Kind kind = BrainOptions.Kind.parse(options.brain());
            Brain brain;
            if (kind == BrainOptions.Kind.RULES) {
                brain = BrainFactory.create(BrainOptions.rules().withSeed(options.seed()));
            } else if (options.brainModel() == null) {
                throw new IllegalArgumentException("--brain llm needs --model-path FILE.gguf");
            } else {
                brain = BrainFactory.create(BrainOptions.llm(options.brainModel()).withSeed(options.seed()));
            }
            boolean separate = switch (options.separate()) {
                case "always" -> true;
                case "never" -> false;
                default -> generator.isNeural();
            };
            Separator separator = null;
            if (separate) {
                try {
                    separator = Separator.create(options.stemModel() == null ? SeparatorOptions.defaults()
                            : SeparatorOptions.defaults().withModel(options.stemModel()));
                } catch (RuntimeException e) {
                    brain.close();
                    throw e;
                }
            }
            return new LoopService(generator, brain, separator);
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
    }

    /** The built-in styles, in display order. */
    public List<StyleProfile> styles() {
        List<StyleProfile> out = new ArrayList<>();
        for (String name : ProfileLibrary.BUILT_IN) {
            out.add(styles.get(name));
        }
        return out;
    }

    public String generatorName() {
        return generator.name();
    }

    public boolean generatorIsNeural() {
        return generator.isNeural();
    }

    public String brainName() {
        return brain.name();
    }

    /**
     * Makes the loop for {@code request}, checking {@code cancelled} between stages and inside the generator.
     *
     * @throws GenerationCancelledException when {@code cancelled} turns true before the loop is done
     */
    public GeneratedLoop generate(LoopRequest request, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        StyleProfile profile = styles.get(request.style());
        if (profile == null) {
            throw new IllegalArgumentException("unknown style \"" + request.style() + "\"; expected one of "
                    + ProfileLibrary.BUILT_IN);
        }
        if (request.bpm() != null) {
            profile = profile.withBpm(request.bpm());
        }
        if (request.key() != null) {
            profile = profile.withKey(request.key());
        }
        checkCancelled(cancelled, "before the brain decided");
        SetState state = new SetState(profile, profile.tempo(), profile.parsedKey(), profile.phases().get(0).name(),
                0, 0, 0, List.of(), List.of(), request.prompt(), request.seed());
        List<Decision> decisions = decide(state);
        // "130 bpm" or "key of F minor" in the prompt count only where the request left tempo or key open.
        boolean keyFixed = request.key() != null;
        for (Decision decision : decisions) {
            if (decision instanceof SetTempo tempo && request.bpm() == null) {
                profile = profile.withBpm(Math.max(LoopRequest.MIN_BPM, Math.min(LoopRequest.MAX_BPM, tempo.bpm())));
            } else if (decision instanceof SetKey key && !keyFixed) {
                profile = withKeyIfValid(profile, key.key());
                keyFixed = true;
            }
        }
        ManageLayer applied = apply(profile, request, keyFixed, chooseLayer(profile, request, decisions));
        ManageLayer.SampleDetails details = applied.sampleDetails();
        Key key = Key.parse(details.key());
        GenerationRequest generation = new GenerationRequest(profile, details.type(),
                details.musicgenPromptKeywords(), request.prompt(), key, profile.tempo(), details.measures(),
                details.intensity(), request.seed(), SAMPLE_RATE);
        checkCancelled(cancelled, "before generation started");
        AudioBuffer audio = fit(generator.generate(generation, new GenerationMonitor() {
            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        }), generation.frames());
        List<String> stemsUsed = List.of("all");
        StemPreference preference = separator == null ? StemPreference.all() : stemPreference(details);
        if (preference.kind() != StemPreference.Kind.ALL) {
            checkCancelled(cancelled, "before separation");
            Stems stems;
            // One separator serves every worker; its scratch buffers are not shared concurrently.
            synchronized (separator) {
                stems = separator.separate(audio);
            }
            StemSelection selection = stemSelector.select(stems, preference, null, request.seed());
            if (!selection.stems().isEmpty()) {
                audio = stems.mix(selection.stems());
                stemsUsed = selection.stems().stream().map(Stem::id).toList();
            }
        }
        checkCancelled(cancelled, "before the WAV was encoded");
        byte[] wav = WavWriter.toBytes(audio, ENCODING);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new GeneratedLoop(audio, wav, profile.name(), profile.bpm(), key.displayName(), details.measures(),
                details.type(), stemsUsed, details.preferredStems(), request.seed(), applied, seconds);
    }

    /** The decision's stems; a brain's impossible mix ("random" with names) keeps the whole loop. */
    private static StemPreference stemPreference(ManageLayer.SampleDetails details) {
        try {
            return StemPreference.parse(details.preferredStems());
        } catch (IllegalArgumentException e) {
            return StemPreference.all();
        }
    }

    /** Whether loops are split into stems (then {@code stems_used} names the stems kept). */
    public boolean separatesStems() {
        return separator != null;
    }

    private List<Decision> decide(SetState state) {
        if (brainLock == null) {
            return brain.decide(state);
        }
        brainLock.lock();
        try {
            return brain.decide(state);
        } finally {
            brainLock.unlock();
        }
    }

    /** The first layer the brain adds that the style has; otherwise a choice from the prompt's words. */
    static ManageLayer chooseLayer(StyleProfile profile, LoopRequest request, List<Decision> decisions) {
        for (Decision decision : decisions) {
            if (decision instanceof ManageLayer manage && manage.operation() == ManageLayer.LayerOperation.ADD_REPLACE
                    && profile.layerType(manage.sampleDetails().type()).isPresent()) {
                return manage;
            }
        }
        return fallback(profile, request);
    }

    /**
     * The layer type whose keywords share most words with the prompt, or the style's main rhythm layer when none
     * does: a loop asked for without a recognisable instrument is most useful as the beat a set is built on.
     */
    static ManageLayer fallback(StyleProfile profile, LoopRequest request) {
        Set<String> words = Set.of(request.prompt().toLowerCase(Locale.ROOT).split("[^a-z0-9_]+"));
        LayerType best = null;
        int bestHits = 0;
        for (LayerType type : profile.layerTypes()) {
            int hits = 0;
            for (String keyword : type.keywords()) {
                for (String part : keyword.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
                    if (part.length() >= 3 && words.contains(part)) {
                        hits++;
                    }
                }
            }
            if (hits > bestHits) {
                best = type;
                bestHits = hits;
            }
        }
        String reasoning;
        if (best != null) {
            reasoning = "The prompt names no layer type of " + profile.name() + ", but its words match the "
                    + best.name() + "'s sound, so a " + best.name() + " loop is generated.";
        } else {
            best = profile.layerTypesWithRole(LayerRole.RHYTHM).get(0);
            reasoning = "The prompt names no layer of " + profile.name() + ", so the style's main beat, the "
                    + best.name() + ", is generated.";
        }
        int intensity = (profile.intensityMin() + profile.intensityMax()) / 2;
        ManageLayer.SampleDetails details = new ManageLayer.SampleDetails(best.name(), List.of(), null,
                request.measures(), intensity, profile.preferredStems());
        return new ManageLayer(best.name() + "_1", ManageLayer.LayerOperation.ADD_REPLACE, details,
                ManageLayer.PlaybackParams.defaults(), best.effects(), null, reasoning);
    }

    /**
     * The decision with the request's length, intensity and stems where it gives them, and the profile's key when
     * the request or the prompt fixed it (the layer's own key was chosen before the prompt's key change).
     */
    private static ManageLayer apply(StyleProfile profile, LoopRequest request, boolean keyFixed, ManageLayer decision) {
        ManageLayer.SampleDetails d = decision.sampleDetails();
        String key = profile.parsedKey().displayName();
        if (!keyFixed && d.key() != null && !d.key().isBlank()) {
            key = withKeyIfValid(profile, d.key()).parsedKey().displayName();
        }
        int intensity = request.intensity() != null ? request.intensity() : d.intensity();
        List<String> stems = request.preferredStems().isEmpty() ? d.preferredStems() : request.preferredStems();
        String type = profile.layerType(d.type()).orElseThrow().name();
        ManageLayer.SampleDetails details = new ManageLayer.SampleDetails(type, d.musicgenPromptKeywords(), key,
                request.measures(), intensity, stems);
        return new ManageLayer(decision.layerId(), decision.operation(), details, decision.playbackParams(),
                decision.effects(), decision.stopBehavior(), decision.reasoning());
    }

    private static StyleProfile withKeyIfValid(StyleProfile profile, String key) {
        try {
            return profile.withKey(Key.parse(key).displayName());
        } catch (IllegalArgumentException e) {
            return profile;
        }
    }

    /** Stereo, at {@link #SAMPLE_RATE}, exactly {@code frames} long (neural engines are not on the grid). */
    private static AudioBuffer fit(AudioBuffer audio, int frames) {
        AudioBuffer out = audio.sampleRate() == SAMPLE_RATE ? audio : Resampler.resample(audio, SAMPLE_RATE);
        if (out.channels() != 2) {
            out = out.toStereo();
        }
        if (out.frames() == frames) {
            return out;
        }
        float[][] exact = new float[2][frames];
        int n = Math.min(frames, out.frames());
        for (int c = 0; c < 2; c++) {
            System.arraycopy(out.channel(c), 0, exact[c], 0, n);
        }
        return new AudioBuffer(exact, SAMPLE_RATE);
    }

    private static void checkCancelled(BooleanSupplier cancelled, String when) {
        if (cancelled.getAsBoolean()) {
            throw new GenerationCancelledException("generation cancelled " + when);
        }
    }

    @Override
    public void close() {
        try {
            brain.close();
            if (separator != null) {
                separator.close();
            }
        } finally {
            generator.close();
        }
    }
}
