package io.djia.app.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code djia serve} runs.
 *
 * @param host                  address to bind; loopback unless told otherwise
 * @param port                  TCP port, 0 for an ephemeral one
 * @param apiKey                the key every endpoint but health requires, or empty for none
 * @param allowRemoteWithoutKey accept binding a non-loopback address with no API key
 * @param workers               generation threads (0: one for neural engines, else up to 4 cores)
 * @param queueCapacity         requests that may wait for a worker; more get 429
 * @param maxBodyBytes          largest request body accepted; more gets 413
 * @param requestTimeout        longest a generation request may wait and run before it is cancelled
 * @param shutdownGrace         how long queued and running work may finish on shutdown before it is rejected
 * @param engine                generator engine ("procedural" by default), as for {@code djia render}
 * @param modelDir              model folder for neural engines (may be null)
 * @param brain                 "rules" (default) or "llm"
 * @param brainModel            GGUF file for the LLM brain (may be null)
 * @param seed                  the server's seed: requests without a seed get seeds drawn from it in order
 * @param separate              when loops are split into stems to keep the preferred ones: auto (neural engines
 *                              only; a procedural loop is one instrument already), always, never
 * @param stemModel             Demucs ONNX model for separation, or null for the DSP separator
 */
public record ServeOptions(String host, int port, Optional<ApiKey> apiKey, boolean allowRemoteWithoutKey, int workers,
                           int queueCapacity, int maxBodyBytes, Duration requestTimeout, Duration shutdownGrace,
                           String engine, Path modelDir, String brain, Path brainModel, long seed, String separate,
                           Path stemModel) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_QUEUE = 16;
    /** A generate body is a few hundred bytes; 16 KiB leaves room for long prompts and nothing else. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public ServeOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
        apiKey = apiKey == null ? Optional.empty() : apiKey;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535 (0 picks a free port), got " + port);
        }
        if (workers < 0 || workers > 64) {
            throw new IllegalArgumentException("--workers must be 1..64 (0 picks for the engine), got " + workers);
        }
        if (queueCapacity < 0 || queueCapacity > 1024) {
            throw new IllegalArgumentException("--queue must be 0..1024 waiting requests, got " + queueCapacity);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 1 << 20) {
            throw new IllegalArgumentException("max body size must be 1 KiB..1 MiB, got " + maxBodyBytes + " bytes");
        }
        if (requestTimeout == null || requestTimeout.compareTo(Duration.ofMillis(100)) < 0
                || requestTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("--request-timeout must be 0.1 s..1 h, got " + requestTimeout);
        }
        if (shutdownGrace == null || shutdownGrace.isNegative() || shutdownGrace.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("--shutdown-grace must be 0..600 s, got " + shutdownGrace);
        }
        engine = engine == null || engine.isBlank() ? "procedural" : engine;
        brain = brain == null || brain.isBlank() ? "rules" : brain;
        separate = separate == null ? "auto" : separate.trim().toLowerCase(java.util.Locale.ROOT);
        if (!separate.equals("auto") && !separate.equals("always") && !separate.equals("never")) {
            throw new IllegalArgumentException("--separate must be auto, always or never, got " + separate);
        }
    }

    /** Loopback, port 8000, no key, procedural generator, rule brain. */
    public static ServeOptions defaults() {
        return new ServeOptions(DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), false, 0, DEFAULT_QUEUE,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT, DEFAULT_SHUTDOWN_GRACE, "procedural", null, "rules",
                null, 42, "auto", null);
    }

    public ServeOptions withHost(String value) {
        return new ServeOptions(value, port, apiKey, allowRemoteWithoutKey, workers, queueCapacity, maxBodyBytes,
                requestTimeout, shutdownGrace, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withPort(int value) {
        return new ServeOptions(host, value, apiKey, allowRemoteWithoutKey, workers, queueCapacity, maxBodyBytes,
                requestTimeout, shutdownGrace, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withApiKey(ApiKey value) {
        return new ServeOptions(host, port, Optional.ofNullable(value), allowRemoteWithoutKey, workers, queueCapacity,
                maxBodyBytes, requestTimeout, shutdownGrace, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withAllowRemoteWithoutKey(boolean value) {
        return new ServeOptions(host, port, apiKey, value, workers, queueCapacity, maxBodyBytes, requestTimeout,
                shutdownGrace, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withWorkers(int value) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, value, queueCapacity, maxBodyBytes,
                requestTimeout, shutdownGrace, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withQueueCapacity(int value) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, workers, value, maxBodyBytes,
                requestTimeout, shutdownGrace, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withMaxBodyBytes(int value) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, workers, queueCapacity, value,
                requestTimeout, shutdownGrace, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withRequestTimeout(Duration value) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, workers, queueCapacity, maxBodyBytes,
                value, shutdownGrace, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withShutdownGrace(Duration value) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, workers, queueCapacity, maxBodyBytes,
                requestTimeout, value, engine, modelDir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withEngine(String value, Path dir) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, workers, queueCapacity, maxBodyBytes,
                requestTimeout, shutdownGrace, value, dir, brain, brainModel, seed, separate, stemModel);
    }

    public ServeOptions withBrain(String value, Path model) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, workers, queueCapacity, maxBodyBytes,
                requestTimeout, shutdownGrace, engine, modelDir, value, model, seed, separate, stemModel);
    }

    public ServeOptions withSeed(long value) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, workers, queueCapacity, maxBodyBytes,
                requestTimeout, shutdownGrace, engine, modelDir, brain, brainModel, value, separate, stemModel);
    }

    public ServeOptions withSeparation(String value, Path model) {
        return new ServeOptions(host, port, apiKey, allowRemoteWithoutKey, workers, queueCapacity, maxBodyBytes,
                requestTimeout, shutdownGrace, engine, modelDir, brain, brainModel, seed, value, model);
    }

    /** The worker count to use with a generator: the option, or one for neural engines and up to 4 otherwise. */
    public int workersFor(boolean neuralGenerator) {
        if (workers > 0) {
            return neuralGenerator ? 1 : workers;
        }
        return neuralGenerator ? 1 : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}
