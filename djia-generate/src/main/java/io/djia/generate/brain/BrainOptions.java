package io.djia.generate.brain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Which brain to use and how to run it. {@code --brain rules} (the default) needs nothing else;
 * {@code --brain llm --model-path FILE.gguf} loads a local GGUF model through llama.cpp.
 *
 * @param kind                   rules or llm
 * @param modelPath              the GGUF file (llm only)
 * @param contextSize            model context in tokens (llm only); prompts are kept well below it
 * @param threads                CPU threads for inference (llm only)
 * @param gpuLayers              layers offloaded to a GPU, 0 for CPU only (llm only)
 * @param seed                   sampling seed; with the same seed and state the model answers the same
 * @param decisionTimeout        longest time one model decision may take before the rule brain decides instead
 * @param maxTokens              most tokens the model may generate for one decision
 * @param temperature            sampling temperature (llm only)
 * @param historyTurns           past exchanges kept verbatim in the chat; older ones are summarised in a line
 * @param openEndedBarsPerWeight bars per unit of phase weight when a set has no planned length
 */
public record BrainOptions(Kind kind, Path modelPath, int contextSize, int threads, int gpuLayers, long seed,
                           Duration decisionTimeout, int maxTokens, double temperature, int historyTurns,
                           int openEndedBarsPerWeight) {
    /** The engines a factory can build. */
    public enum Kind {
        RULES, LLM;

        /** Parses "rules" or "llm" (case-insensitive), naming the valid values when it is neither. */
        public static Kind parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "rules", "rule" -> RULES;
                case "llm", "llama" -> LLM;
                default -> throw new IllegalArgumentException("unknown brain \"" + text + "\"; expected rules or llm");
            };
        }
    }

    public static final int DEFAULT_CONTEXT = 4096;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_TOKENS = 512;

    public BrainOptions {
        if (kind == null) {
            throw new IllegalArgumentException("brain kind is required (rules or llm)");
        }
        if (kind == Kind.LLM && modelPath == null) {
            throw new IllegalArgumentException("--brain llm needs --model-path FILE.gguf (a local instruct model)");
        }
        if (contextSize < 256 || contextSize > 131_072) {
            throw new IllegalArgumentException("context size must be 256..131072 tokens, got " + contextSize);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1..256, got " + threads);
        }
        if (gpuLayers < 0 || gpuLayers > 1000) {
            throw new IllegalArgumentException("GPU layers must be 0..1000, got " + gpuLayers);
        }
        if (decisionTimeout == null || decisionTimeout.isNegative()) {
            throw new IllegalArgumentException("decision timeout must be zero or positive, got " + decisionTimeout);
        }
        if (maxTokens < 16 || maxTokens > 8192) {
            throw new IllegalArgumentException("max tokens per decision must be 16..8192, got " + maxTokens);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be 0..2, got " + temperature);
        }
        if (historyTurns < 0 || historyTurns > 64) {
            throw new IllegalArgumentException("history turns must be 0..64, got " + historyTurns);
        }
        if (openEndedBarsPerWeight < 1) {
            throw new IllegalArgumentException("open-ended bars per weight must be >= 1, got " + openEndedBarsPerWeight);
        }
    }

    /** The rule brain. */
    public static BrainOptions rules() {
        return new BrainOptions(Kind.RULES, null, DEFAULT_CONTEXT, defaultThreads(), 0, 0, DEFAULT_TIMEOUT,
                DEFAULT_MAX_TOKENS, 0.7, 4, PhasePlan.DEFAULT_OPEN_ENDED_BARS_PER_WEIGHT);
    }

    /** The LLM brain on a GGUF model with default settings (CPU, 4096-token context, 20 s per decision). */
    public static BrainOptions llm(Path modelPath) {
        BrainOptions r = rules();
        return new BrainOptions(Kind.LLM, modelPath, r.contextSize(), r.threads(), r.gpuLayers(), r.seed(),
                r.decisionTimeout(), r.maxTokens(), r.temperature(), r.historyTurns(), r.openEndedBarsPerWeight());
    }

    private static int defaultThreads() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    public BrainOptions withKind(Kind value) {
        return new BrainOptions(value, modelPath, contextSize, threads, gpuLayers, seed, decisionTimeout, maxTokens,
                temperature, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withModelPath(Path value) {
        return new BrainOptions(kind, value, contextSize, threads, gpuLayers, seed, decisionTimeout, maxTokens,
                temperature, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withContextSize(int value) {
        return new BrainOptions(kind, modelPath, value, threads, gpuLayers, seed, decisionTimeout, maxTokens,
                temperature, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withThreads(int value) {
        return new BrainOptions(kind, modelPath, contextSize, value, gpuLayers, seed, decisionTimeout, maxTokens,
                temperature, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withGpuLayers(int value) {
        return new BrainOptions(kind, modelPath, contextSize, threads, value, seed, decisionTimeout, maxTokens,
                temperature, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withSeed(long value) {
        return new BrainOptions(kind, modelPath, contextSize, threads, gpuLayers, value, decisionTimeout, maxTokens,
                temperature, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withDecisionTimeout(Duration value) {
        return new BrainOptions(kind, modelPath, contextSize, threads, gpuLayers, seed, value, maxTokens,
                temperature, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withMaxTokens(int value) {
        return new BrainOptions(kind, modelPath, contextSize, threads, gpuLayers, seed, decisionTimeout, value,
                temperature, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withTemperature(double value) {
        return new BrainOptions(kind, modelPath, contextSize, threads, gpuLayers, seed, decisionTimeout, maxTokens,
                value, historyTurns, openEndedBarsPerWeight);
    }

    public BrainOptions withHistoryTurns(int value) {
        return new BrainOptions(kind, modelPath, contextSize, threads, gpuLayers, seed, decisionTimeout, maxTokens,
                temperature, value, openEndedBarsPerWeight);
    }

    public BrainOptions withOpenEndedBarsPerWeight(int value) {
        return new BrainOptions(kind, modelPath, contextSize, threads, gpuLayers, seed, decisionTimeout, maxTokens,
                temperature, historyTurns, value);
    }
}
