package io.djia.generate.brain;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The only class that touches llama.cpp (through de.kherud:llama): loads a GGUF once and runs chat completions
 * with the model's chat template (ChatML when the file has none), a grammar, a seed and a deadline checked after
 * every token. The prompt cache is on, so the unchanged system prompt is not re-evaluated on every call.
 * Not thread-safe: one brain, one thread.
 */
final class LlamaCppGenerator implements TextGenerator {
    private final LlamaModel model;
    private final String name;
    private boolean closed;

    private LlamaCppGenerator(LlamaModel model, String name) {
        this.model = model;
        this.name = name;
    }

    /**
     * Loads the model.
     *
     * @throws IllegalArgumentException when the file is missing, is not GGUF, or llama.cpp cannot load it
     */
    static LlamaCppGenerator load(BrainOptions options) {
        Path path = options.modelPath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("model file not found: " + path
                    + "; --model-path must name a local .gguf file (see djia-generate/README.md, Brains)");
        }
        checkMagic(path);
        ModelParameters parameters = new ModelParameters()
                .setModel(path.toString())
                .setCtxSize(options.contextSize())
                .setThreads(options.threads())
                .setSeed(options.seed())
                .disableLog();
        if (options.gpuLayers() > 0) {
            parameters.setGpuLayers(options.gpuLayers());
        }
        try {
            return new LlamaCppGenerator(new LlamaModel(parameters), path.getFileName().toString());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalArgumentException("llama.cpp could not load " + path + ": " + e.getMessage(), e);
        }
    }

    private static void checkMagic(Path path) {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            if (in.readNBytes(magic, 0, 4) != 4 || !"GGUF".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException(path + " is not a GGUF model (it does not start with \"GGUF\"); "
                        + "convert it with llama.cpp or download a .gguf build of the model");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Completion complete(String systemPrompt, List<ChatTurn> history, String userPrompt, String grammar,
                               int maxTokens, int seed, double temperature, long deadlineNanos) throws TimeoutException {
        if (closed) {
            throw new IllegalStateException("the model " + name + " is closed");
        }
        long start = System.nanoTime();
        List<Pair<String, String>> messages = new ArrayList<>();
        for (ChatTurn turn : history) {
            messages.add(new Pair<>("user", turn.user()));
            messages.add(new Pair<>("assistant", turn.assistant()));
        }
        messages.add(new Pair<>("user", userPrompt));
        InferenceParameters parameters = new InferenceParameters("")
                .setUseChatTemplate(true)
                .setMessages(systemPrompt, messages)
                .setGrammar(grammar)
                .setNPredict(maxTokens)
                .setSeed(seed)
                .setTemperature((float) temperature)
                .setCachePrompt(true);
        int promptTokens = model.encode(model.applyTemplate(parameters)).length;
        StringBuilder text = new StringBuilder();
        int generated = 0;
        LlamaIterator tokens = model.generate(parameters).iterator();
        while (tokens.hasNext()) {
            LlamaOutput output = tokens.next();
            text.append(output.text);
            generated++;
            if (System.nanoTime() - deadlineNanos > 0 && tokens.hasNext()) {
                tokens.cancel();
                throw new TimeoutException("the model wrote " + generated + " tokens in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms and was stopped at the deadline");
            }
        }
        return new Completion(text.toString(), promptTokens, generated, System.nanoTime() - start);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            model.close();
        }
    }
}
