package io.djia.generate.musicgen;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.resample.Resampler;
import io.djia.generate.GenerationCancelledException;
import io.djia.generate.GenerationMonitor;
import io.djia.generate.GenerationRequest;
import io.djia.generate.Generator;
import io.djia.generate.cache.ClipCache;
import io.djia.generate.cache.ClipKey;
import io.djia.generate.models.KnownModels;
import io.djia.generate.models.ModelCheckReport;
import io.djia.generate.models.ModelFolderChecker;
import io.djia.generate.models.ModelFolderException;
import io.djia.generate.models.ModelLayout;
import io.djia.generate.models.ModelProblem;
import io.djia.generate.models.MusicGenDims;
import io.djia.generate.models.MusicGenExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * MusicGen (Copet et al., 2023) through ONNX Runtime, from a folder holding the standard export (see
 * {@link MusicGenExport}).
 *
 * <p>For a request it writes a prompt ({@link PromptBuilder}), tokenises it ({@link UnigramTokenizer}), encodes
 * it with T5, then decodes code frames at 50 per second for the loop's length, in one go up to the model's limit
 * of {@link MusicGenDims#maxFrames()} frames (about 30 s; longer loops get the limit and the caller fits them).
 * Each decoder step feeds the last codes of every codebook under the delay pattern ({@link DelayPattern}),
 * keeps the key/value cache in the runtime, applies classifier-free guidance against an unconditional batch row
 * and draws every codebook with top-k sampling at a temperature that rises with intensity
 * ({@link TokenSampler}), from a generator seeded with the request's seed. EnCodec turns the codes into 32 kHz
 * mono audio, which is cached on disk by (prompt, seed, model, settings, length), resampled to the request's
 * rate, cut or padded to the loop's length and returned as stereo. The clip's beats are not aligned to the
 * grid: {@link #outputIsOnGrid()} is false and the caller fits it.
 *
 * <p>Opening checks the folder (every file, tensor name, type and shape) and fails with a
 * {@link ModelFolderException} that names each missing or mismatched file and tensor. Generations run one at a
 * time (the decoder's cache is large); cached clips are served without waiting. Not for the audio thread: use
 * {@link io.djia.generate.BackgroundGenerator}.
 */
public final class MusicGenOnnxGenerator implements Generator {
    private final MusicGenOptions options;
    private final ModelLayout layout;
    private final MusicGenDims dims;
    private final UnigramTokenizer tokenizer;
    private final OnnxTextEncoder textEncoder;
    private final OnnxMusicDecoder decoder;
    private final OnnxEncodecDecoder encodec;
    private final ClipCache cache;
    private final ReentrantLock modelLock = new ReentrantLock();

    private MusicGenOnnxGenerator(MusicGenOptions options, ModelLayout layout, MusicGenDims dims, UnigramTokenizer tokenizer,
                                  OnnxTextEncoder textEncoder, OnnxMusicDecoder decoder, OnnxEncodecDecoder encodec) {
        this.options = options;
        this.layout = layout;
        this.dims = dims;
        this.tokenizer = tokenizer;
        this.textEncoder = textEncoder;
        this.decoder = decoder;
        this.encodec = encodec;
        this.cache = options.cacheDir() == null ? null : new ClipCache(options.cacheDir());
    }

    /**
     * Loads and checks the model folder.
     *
     * @throws IllegalArgumentException for a model name that is not a MusicGen layout
     * @throws ModelFolderException     naming every missing or mismatched file and tensor
     */
    public static MusicGenOnnxGenerator open(MusicGenOptions options) {
        ModelLayout layout = KnownModels.require(options.modelName());
        if (layout.musicGenDims() == null) {
            throw new IllegalArgumentException(layout.name() + " is not a MusicGen model; MusicGen models: "
                    + KnownModels.all().stream().filter(l -> l.musicGenDims() != null).map(ModelLayout::name).toList());
        }
        Path folder = options.modelDir();
        OrtGraphLoader loader = new OrtGraphLoader(options.threads());
        try {
            ModelCheckReport report = new ModelFolderChecker(loader).check(folder, layout, false).orThrow();
            MusicGenDims dims = withConfig(MusicGenExport.resolve(layout.musicGenDims(), loader.signatures()),
                    report.files().get(MusicGenExport.CONFIG));
            UnigramTokenizer tokenizer = readTokenizer(folder, report.files().get(MusicGenExport.TOKENIZER));
            OnnxTextEncoder text = new OnnxTextEncoder(loader.environment(), loader.take(MusicGenExport.TEXT_ENCODER));
            OnnxMusicDecoder dec = new OnnxMusicDecoder(loader.environment(), loader.take(MusicGenExport.DECODER), dims);
            OnnxEncodecDecoder enc = new OnnxEncodecDecoder(loader.environment(), loader.take(MusicGenExport.ENCODEC));
            return new MusicGenOnnxGenerator(options, layout, dims, tokenizer, text, dec, enc);
        } finally {
            loader.close();
        }
    }

    private static UnigramTokenizer readTokenizer(Path folder, Path file) {
        try {
            return UnigramTokenizer.read(file);
        } catch (IOException e) {
            throw new ModelFolderException(folder, "MusicGen", List.of(new ModelProblem(MusicGenExport.TOKENIZER, "", e.getMessage())));
        }
    }

    /** Takes the audio rate and the pad token from config.json when the export has one. */
    private static MusicGenDims withConfig(MusicGenDims dims, Path config) {
        if (config == null || !Files.isRegularFile(config)) {
            return dims;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(config.toFile());
            int rate = root.path("audio_encoder").path("sampling_rate").asInt(dims.sampleRate());
            int pad = root.path("decoder").path("pad_token_id").asInt(dims.padTokenId());
            int codebooks = root.path("decoder").path("num_codebooks").asInt(dims.codebooks());
            return new MusicGenDims(dims.textHiddenSize(), dims.decoderLayers(), dims.attentionHeads(), dims.headDim(),
                    codebooks, dims.vocabSize(), pad, rate, dims.frameRateHz(), dims.maxPositions());
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFolderException(config.getParent(), "MusicGen",
                    List.of(new ModelProblem(MusicGenExport.CONFIG, "", "cannot be read: " + e.getMessage())));
        }
    }

    /** The sizes read from the model files. */
    public MusicGenDims dims() {
        return dims;
    }

    public MusicGenOptions options() {
        return options;
    }

    @Override
    public String name() {
        return layout.name();
    }

    @Override
    public boolean isNeural() {
        return true;
    }

    @Override
    public AudioBuffer generate(GenerationRequest request) {
        return generate(request, GenerationMonitor.NONE);
    }

    @Override
    public AudioBuffer generate(GenerationRequest request, GenerationMonitor monitor) {
        GenerationMonitor watch = monitor == null ? GenerationMonitor.NONE : monitor;
        String prompt = PromptBuilder.build(request);
        double temperature = Double.isNaN(options.temperature())
                ? TokenSampler.temperatureForIntensity(request.intensity()) : options.temperature();
        int wantedFrames = loopFrames(request, dims);
        int frames = Math.min(wantedFrames, dims.maxFrames());
        ClipKey key = new ClipKey(layout.name(), settings(temperature), prompt, request.seed(), frames);
        AudioBuffer modelRate = cached(key).orElse(null);
        if (modelRate == null) {
            modelRate = generateAtModelRate(prompt, frames, temperature, request.seed(), watch, key);
        }
        AudioBuffer atRate = Resampler.resample(modelRate, request.sampleRate());
        int target = frames == wantedFrames ? request.frames() : atRate.frames();
        return fitLength(atRate, target).toStereo();
    }

    /** Code frames covering the loop: its length in seconds x the frame rate, rounded up. */
    static int loopFrames(GenerationRequest request, MusicGenDims dims) {
        return Math.max(1, (int) Math.ceil(request.frames() * (double) dims.frameRateHz() / request.sampleRate()));
    }

    private String settings(double temperature) {
        return String.format(Locale.ROOT, "cfg=%.3f topk=%d t=%.4f codebooks=%d pad=%d", options.guided() ? options.guidanceScale() : 1.0,
                options.topK(), temperature, dims.codebooks(), dims.padTokenId());
    }

    private Optional<AudioBuffer> cached(ClipKey key) {
        return cache == null ? Optional.empty() : cache.get(key);
    }

    private AudioBuffer generateAtModelRate(String prompt, int frames, double temperature, long seed, GenerationMonitor monitor,
                                            ClipKey key) {
        modelLock.lock();
        try {
            Optional<AudioBuffer> again = cached(key);
            if (again.isPresent()) {
                return again.get();
            }
            checkCancelled(monitor, "before it started");
            monitor.progress("encode", 0, 1);
            EncodedText text = textEncoder.encode(tokenizer.encode(prompt));
            monitor.progress("encode", 1, 1);
            long[][] codes = decodeCodes(text, frames, temperature, seed, monitor);
            monitor.progress("audio", 0, 1);
            float[] samples = encodec.decode(codes);
            for (float v : samples) {
                if (!Float.isFinite(v)) {
                    throw new IllegalStateException(MusicGenExport.ENCODEC + " produced a non-finite sample; the model files may be damaged");
                }
            }
            monitor.progress("audio", 1, 1);
            AudioBuffer audio = new AudioBuffer(new float[][] {samples}, dims.sampleRate());
            if (cache != null) {
                cache.put(key, audio);
            }
            return audio;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed while generating with " + options.modelDir() + ": " + e.getMessage(), e);
        } finally {
            modelLock.unlock();
        }
    }

    /** The decoding loop: one step per sequence position, codes sampled where the delay pattern allows. */
    private long[][] decodeCodes(EncodedText text, int frames, double temperature, long seed, GenerationMonitor monitor)
            throws OrtException {
        int codebooks = dims.codebooks();
        int vocab = dims.vocabSize();
        long pad = dims.padTokenId();
        DelayPattern pattern = new DelayPattern(codebooks, frames);
        long[][] sequence = new long[codebooks][pattern.positions()];
        for (long[] row : sequence) {
            row[0] = pad;
        }
        TokenSampler sampler = new TokenSampler(vocab);
        SplittableRandom random = new SplittableRandom(seed);
        boolean guided = options.guided();
        int batch = guided ? 2 : 1;
        long[] ids = new long[batch * codebooks];
        int steps = pattern.decodingSteps();
        try (OnnxMusicDecoder.Run run = decoder.start(text, guided)) {
            for (int position = 0; position < steps; position++) {
                checkCancelled(monitor, "at step " + position + " of " + steps);
                for (int b = 0; b < batch; b++) {
                    for (int k = 0; k < codebooks; k++) {
                        ids[b * codebooks + k] = sequence[k][position];
                    }
                }
                float[] logits = run.step(ids);
                if (guided) {
                    TokenSampler.guide(logits, codebooks, vocab, (float) options.guidanceScale());
                }
                int next = position + 1;
                for (int k = 0; k < codebooks; k++) {
                    sequence[k][next] = pattern.frameAt(k, next) < 0 ? pad
                            : sampler.sample(logits, k * vocab, options.topK(), temperature, random);
                }
                monitor.progress("decode", next, steps);
            }
        }
        return pattern.undelay(sequence);
    }

    private static void checkCancelled(GenerationMonitor monitor, String where) {
        if (monitor.isCancelled()) {
            throw new GenerationCancelledException("MusicGen generation cancelled " + where);
        }
    }

    /** Cuts or zero-pads a mono buffer to {@code frames}. */
    private static AudioBuffer fitLength(AudioBuffer audio, int frames) {
        if (audio.frames() == frames) {
            return audio;
        }
        float[] out = Arrays.copyOf(audio.channel(0), frames);
        return new AudioBuffer(new float[][] {out}, audio.sampleRate());
    }

    @Override
    public void close() {
        OrtException failure = null;
        for (AutoCloseableGraph graph : new AutoCloseableGraph[] {textEncoder::close, decoder::close, encodec::close}) {
            try {
                graph.close();
            } catch (OrtException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("closing the MusicGen sessions failed: " + failure.getMessage(), failure);
        }
    }

    @FunctionalInterface
    private interface AutoCloseableGraph {
        void close() throws OrtException;
    }
}
