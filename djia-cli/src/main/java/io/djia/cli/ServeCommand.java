package io.djia.cli;

import io.djia.app.serve.ApiKey;
import io.djia.app.serve.LoopServer;
import io.djia.app.serve.ServeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djia serve}: loop generation behind a REST API for remote {@code djia live --api-url} clients. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve loop generation over HTTP under /api/v1 (health, profiles, generate, openapi.json), so a light",
            "client plays the loops in sync with the DAW while this machine generates them. Models load once at start.",
            "Listens on loopback unless --host says otherwise; with an API key (--api-key-file or DJIA_API_KEY) every",
            "endpoint but health needs it in the X-API-Key header. Ctrl-C shuts down gracefully.",
            "",
            "Example: DJIA_API_KEY=$(openssl rand -hex 24) djia serve --port 8000 --workers 2"
        })
public final class ServeCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = ServeOptions.DEFAULT_HOST, paramLabel = "ADDR",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 for all, which needs an API key.")
    String host;

    @Option(names = "--port", defaultValue = "8000", paramLabel = "PORT", description = "TCP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "File whose first line is the API key (else the DJIA_API_KEY environment variable; else no key).")
    Path apiKeyFile;

    @Option(names = "--insecure-no-key", description = "Allow a non-loopback --host without an API key (trusted networks only).")
    boolean insecureNoKey;

    @Option(names = "--workers", defaultValue = "0", paramLabel = "N",
            description = "Generation threads (0: up to 4 cores; neural engines always use 1).")
    int workers;

    @Option(names = "--queue", defaultValue = "16", paramLabel = "N",
            description = "Requests that may wait for a worker; more are answered 429 with Retry-After. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--request-timeout", defaultValue = "120", paramLabel = "SEC",
            description = "Longest a generate request may wait and run before it is cancelled (503). Default: ${DEFAULT-VALUE}.")
    double requestTimeoutSeconds;

    @Option(names = "--shutdown-grace", defaultValue = "10", paramLabel = "SEC",
            description = "On shutdown, how long queued and running requests may finish before they are answered 503. Default: ${DEFAULT-VALUE}.")
    double shutdownGraceSeconds;

    @Option(names = "--audio-model", defaultValue = "procedural", paramLabel = "ENGINE",
            description = "Loop generator: procedural (embedded synthesiser) or a neural engine. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Folder of the neural generator's model files.")
    Path modelDir;

    @Option(names = "--brain", defaultValue = "rules", paramLabel = "rules|llm",
            description = "Who picks the layer for a prompt: rules or llm (a GGUF model via llama.cpp). Default: ${DEFAULT-VALUE}.")
    String brain;

    @Option(names = "--model-path", paramLabel = "FILE.gguf", description = "GGUF model for --brain llm.")
    Path brainModel;

    @Option(names = "--separate", defaultValue = "auto", paramLabel = "auto|always|never",
            description = {"Split loops into stems and keep the preferred ones: auto = neural engines only (a procedural",
                "loop is one instrument already), always, or never. Default: ${DEFAULT-VALUE}."})
    String separate;

    @Option(names = "--stem-model", paramLabel = "FILE.onnx", description = "Demucs ONNX model for separation (default: the DSP separator).")
    Path stemModel;

    @Option(names = {"-s", "--seed"}, defaultValue = "42",
            description = "Seed for requests that send none (each gets the next seed of a sequence). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-q", "--quiet"}, description = "No request log.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Optional<ApiKey> key = ApiKey.resolve(apiKeyFile, System.getenv());
        if (apiKeyFile != null) {
            ApiKey.permissionWarning(apiKeyFile).ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
        }
        ServeOptions options = ServeOptions.defaults().withHost(host).withPort(port).withApiKey(key.orElse(null))
                .withAllowRemoteWithoutKey(insecureNoKey).withWorkers(workers).withQueueCapacity(queue)
                .withRequestTimeout(seconds(requestTimeoutSeconds, "--request-timeout"))
                .withShutdownGrace(seconds(shutdownGraceSeconds, "--shutdown-grace"))
                .withEngine(engine, modelDir).withBrain(brain, brainModel).withSeed(seed)
                .withSeparation(separate, stemModel);
        var err = spec.commandLine().getErr();
        LoopServer server = LoopServer.start(options, quiet ? null : line -> {
            err.println(LocalTime.now().format(CLOCK) + " " + line);
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "djia-serve-shutdown"));
        err.printf("djia serve: listening on %s (generator %s, brain %s, %d workers, queue %d, %s)%n",
                server.baseUri(), server.generatorName(), server.brainName(), server.workers(), queue,
                key.isPresent() ? "API key required" : "no API key");
        err.flush();
        server.awaitStopped();
        return 0;
    }

    private static Duration seconds(double value, String option) {
        if (!(value >= 0 && value <= 3600)) {
            throw new IllegalArgumentException(option + " must be 0..3600 seconds, got " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
