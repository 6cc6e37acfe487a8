package io.djia.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.StyleProfile;
import io.djia.generate.brain.DecisionJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The REST API of {@code djia serve}, on the JDK's HTTP server:
 * <ul>
 *   <li>{@code GET /api/v1/health}: status, queue length, version (no key needed);</li>
 *   <li>{@code GET /api/v1/profiles}: the styles;</li>
 *   <li>{@code POST /api/v1/generate}: one loop, as JSON with base64 WAV, or as raw {@code audio/wav} with the
 *       facts in {@code X-Djia-*} headers when the request's {@code Accept} names {@code audio/wav};</li>
 *   <li>{@code DELETE /api/v1/generate/{request_id}}: cancels a waiting or running generation;</li>
 *   <li>{@code GET /api/v1/openapi.json}: the OpenAPI 3 description.</li>
 * </ul>
 *
 * <p>Binds to loopback unless told otherwise and refuses a non-loopback address without an API key unless
 * explicitly allowed. With a key, every endpoint but health needs it in {@code X-API-Key} (401 missing, 403 wrong).
 * Bodies are capped (413), fields checked (400 naming the field), the queue bounded (429 with Retry-After), and each
 * generation bounded in time (503 and cancelled). The JDK server gives no notice when a client disconnects, so a
 * request is cancelled when its deadline passes ({@code X-Request-Timeout} seconds, or the server's limit) or when
 * the client cancels it by id ({@code X-Request-Id}, then DELETE). Shutdown stops admitting work, lets admitted work
 * finish for the grace period, rejects the rest with 503, and closes once every reply is written. Thread-safe.
 */
public final class LoopServer implements AutoCloseable {
    /** Path prefix of every endpoint. */
    public static final String PREFIX = "/api/v1";
    /** Client-chosen id of a generate request, echoed back, and the handle to cancel it with. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Seconds the client will wait; the server cancels the request after it (or its own limit, if sooner). */
    public static final String REQUEST_TIMEOUT_HEADER = "X-Request-Timeout";
    /** Prefix of the headers that carry a raw WAV reply's facts. */
    public static final String META_PREFIX = "X-Djia-";

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Slow-upload guard: the JDK server closes a connection whose request is not read within this many seconds. */
    private static final String MAX_REQUEST_SECONDS = "30";
    private static final Duration WORKER_STOP_WAIT = Duration.ofSeconds(2);
    private static final Duration REPLY_DRAIN_WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET_BEFORE_CLOSE = Duration.ofMillis(100);

    private final ServeOptions options;
    private final LoopService service;
    private final GenerationQueue queue;
    private final HttpServer http;
    private final ExecutorService handlers;
    private final Consumer<String> log;
    private final String version;
    private final byte[] profilesJson;
    private final byte[] openApiJson;
    private final long startNanos = System.nanoTime();
    private final Map<String, GenerationQueue.Job<GeneratedLoop>> jobs = new ConcurrentHashMap<>();
    private final AtomicLong seedCounter = new AtomicLong();
    private final AtomicLong requestCounter = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong clientsGone = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LoopServer(ServeOptions options, LoopService service, Consumer<String> log) throws IOException {
        this.options = options;
        this.service = service;
        this.log = log == null ? line -> { } : log;
        String v = LoopServer.class.getPackage().getImplementationVersion();
        this.version = v == null ? "dev" : v;
        this.profilesJson = ApiBodies.mapper().writeValueAsBytes(profiles(service.styles()));
        this.openApiJson = openApi(version);
        InetAddress address = InetAddress.getByName(options.host());
        if (!address.isLoopbackAddress() && options.apiKey().isEmpty() && !options.allowRemoteWithoutKey()) {
            throw new IllegalArgumentException("refusing to listen on " + options.host() + " (reachable from other"
                    + " machines) without an API key: set " + ApiKey.ENV + " or --api-key-file, or pass"
                    + " --insecure-no-key if the network is trusted");
        }
        // The JDK server reads these once, when the first server starts; a value given on the command line wins.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS);
        }
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // Headers and body go out in separate writes; with Nagle's algorithm the body then waits for the
            // client's delayed ACK (tens of ms per request on keep-alive connections).
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.queue = new GenerationQueue(options.workersFor(service.generatorIsNeural()), options.queueCapacity());
        AtomicInteger count = new AtomicInteger();
        // Generate handlers wait for their loop, so there is a thread for every admitted request and a few spare
        // for health and errors; requests beyond the queue are refused at once and free their thread.
        this.handlers = Executors.newFixedThreadPool(queue.workers() + queue.capacity() + 8, r -> {
            Thread t = new Thread(r, "djia-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpServer.create(new InetSocketAddress(address, options.port()), 128);
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        http.start();
    }

    /**
     * Loads the generator and brain, then listens.
     *
     * @param log receives one line per request and lifecycle events (may be null)
     * @throws IllegalArgumentException for bad options, an unknown engine or brain, or a non-loopback address
     *                                  without a key
     * @throws IOException              when the address cannot be bound (port in use)
     */
    public static LoopServer start(ServeOptions options, Consumer<String> log) throws IOException {
        LoopService service = LoopService.open(options);
        try {
            return new LoopServer(options, service, log);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** As {@link #start(ServeOptions, Consumer)} with engines already made (the server closes them). */
    static LoopServer start(ServeOptions options, LoopService service, Consumer<String> log) throws IOException {
        try {
            return new LoopServer(options, service, log);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:8000/api/v1}. */
    public URI baseUri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + PREFIX);
    }

    public String generatorName() {
        return service.generatorName();
    }

    public String brainName() {
        return service.brainName();
    }

    public int workers() {
        return queue.workers();
    }

    /** Requests waiting for a worker now. */
    int waiting() {
        return queue.waiting();
    }

    /** Generations running now. */
    int running() {
        return queue.running();
    }

    /** Replies that could not be written because the client had gone. */
    long clientsGone() {
        return clientsGone.get();
    }

    /** Blocks until the server has shut down. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Shuts down with the options' grace period. */
    @Override
    public void close() {
        shutdown(options.shutdownGrace());
    }

    /**
     * Stops taking generation requests (503 with Retry-After; health reports "draining"), lets admitted ones
     * finish for up to {@code grace}, answers the rest with 503, waits for the replies to be written, then closes
     * the listener and the engines. Idempotent; a second caller waits for the first.
     */
    public void shutdown(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        try {
            log.accept("shutting down: " + queue.running() + " running, " + queue.waiting() + " waiting, grace "
                    + grace.toMillis() / 1000.0 + " s");
            int rejected = queue.shutdown(grace, WORKER_STOP_WAIT);
            // Closing the listener closes open connections too, so wait until no reply has been in progress for a
            // moment (replies while draining ask clients to close, so their next request comes on a new one).
            long deadline = System.nanoTime() + REPLY_DRAIN_WAIT.toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                if (inFlight.get() > 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= QUIET_BEFORE_CLOSE.toNanos()) {
                    break;
                }
                Thread.sleep(5);
            }
            http.stop(0);
            handlers.shutdown();
            handlers.awaitTermination(1, TimeUnit.SECONDS);
            log.accept("stopped" + (rejected > 0 ? "; " + rejected + " unfinished requests were answered 503" : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.stop(0);
            handlers.shutdownNow();
        } finally {
            service.close();
            stopped.countDown();
        }
    }

    private void awaitQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- routing ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        int status = 500;
        try {
            status = route(exchange);
        } catch (ApiError e) {
            status = e.status();
            sendError(exchange, e);
        } catch (RuntimeException e) {
            log.accept("internal error on " + exchange.getRequestURI().getRawPath() + ": " + e);
            sendError(exchange, new ApiError(500, "internal_error", null, "the server failed: " + e.getMessage(), 0));
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
            log.accept(String.format(Locale.ROOT, "%s %s %d %.3f s", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), status, (System.nanoTime() - start) / 1e9));
        }
    }

    private int route(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (!path.startsWith(PREFIX + "/")) {
            throw notFound(path);
        }
        String endpoint = path.substring(PREFIX.length());
        switch (endpoint) {
            case "/health" -> {
                requireMethod(method, "GET");
                return sendJson(exchange, 200, health());
            }
            case "/profiles" -> {
                authorize(exchange);
                requireMethod(method, "GET");
                return sendBytes(exchange, 200, "application/json", profilesJson);
            }
            case "/openapi.json" -> {
                authorize(exchange);
                requireMethod(method, "GET");
                return sendBytes(exchange, 200, "application/json", openApiJson);
            }
            case "/generate" -> {
                authorize(exchange);
                requireMethod(method, "POST");
                return generate(exchange);
            }
            default -> {
                if (endpoint.startsWith("/generate/")) {
                    authorize(exchange);
                    requireMethod(method, "DELETE");
                    return cancel(exchange, endpoint.substring("/generate/".length()));
                }
                throw notFound(path);
            }
        }
    }

    private static ApiError notFound(String path) {
        return new ApiError(404, "not_found", null, "no endpoint " + path + "; the API lives under " + PREFIX
                + " (health, profiles, generate, openapi.json)", 0);
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new ApiError(405, "method_not_allowed", null, method + " is not allowed here; use " + allowed, 0);
        }
    }

    private void authorize(HttpExchange exchange) {
        if (options.apiKey().isEmpty()) {
            return;
        }
        String presented = exchange.getRequestHeaders().getFirst(ApiKey.HEADER);
        if (presented == null || presented.isEmpty()) {
            throw new ApiError(401, "missing_api_key", null, "this server needs an API key in the " + ApiKey.HEADER
                    + " header", 0);
        }
        if (!options.apiKey().get().matches(presented)) {
            throw new ApiError(403, "wrong_api_key", null, "the API key in " + ApiKey.HEADER + " is not this server's", 0);
        }
    }

    // ---- endpoints ----------------------------------------------------------------------------------------------

    private ApiBodies.Health health() {
        return new ApiBodies.Health(stopping.get() || queue.isClosed() ? "draining" : "ok", version, true,
                service.generatorName(), service.generatorIsNeural(), service.brainName(), queue.waiting(),
                queue.capacity(), queue.running(), queue.workers(), LoopService.SAMPLE_RATE,
                options.apiKey().isPresent(), Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0);
    }

    private int generate(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "unsupported_media_type", null, "the body must be application/json, got "
                    + contentType, 0);
        }
        byte[] body = readBody(exchange, options.maxBodyBytes());
        LoopRequest request = LoopRequestJson.parse(body, this::nextSeed);
        String requestId = requestId(exchange);
        Duration timeout = timeout(exchange);
        GenerationQueue.Job<GeneratedLoop> job;
        try {
            job = queue.submit(cancelled -> service.generate(request, cancelled));
        } catch (GenerationQueue.FullException e) {
            long wait = queue.retryAfterSeconds();
            throw new ApiError(429, "queue_full", null, e.getMessage() + "; retry after " + wait + " s", wait);
        } catch (GenerationQueue.ClosedException e) {
            throw new ApiError(503, "shutting_down", null, e.getMessage() + "; retry in a moment", 5);
        }
        if (jobs.putIfAbsent(requestId, job) != null) {
            job.cancel("duplicate request id");
            throw ApiError.badRequest("duplicate_request_id", "request id " + requestId + " is already in use");
        }
        try {
            GeneratedLoop loop = job.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return sendLoop(exchange, requestId, loop);
        } catch (TimeoutException e) {
            job.cancel("timed out");
            throw new ApiError(503, "timeout", null, "the loop was not ready within " + timeout.toMillis() / 1000.0
                    + " s and was cancelled; the server is overloaded or the engine is slow", queue.retryAfterSeconds());
        } catch (CancellationException e) {
            throw cancelled(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancellationException c) {
                throw cancelled(c);
            }
            if (cause instanceof IllegalArgumentException) {
                throw ApiError.badRequest("invalid_request", cause.getMessage());
            }
            log.accept("generation failed for " + requestId + ": " + cause);
            throw new ApiError(500, "generation_failed", null, "generation failed: " + cause.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel("the server is shutting down");
            throw new ApiError(503, "shutting_down", null, "the server is shutting down", 5);
        } finally {
            jobs.remove(requestId, job);
        }
    }

    private ApiError cancelled(CancellationException e) {
        if (queue.isClosed()) {
            return new ApiError(503, "shutting_down", null, e.getMessage(), 5);
        }
        return new ApiError(409, "cancelled", null, "the request was cancelled: " + e.getMessage(), 0);
    }

    private int cancel(HttpExchange exchange, String requestId) {
        GenerationQueue.Job<GeneratedLoop> job = REQUEST_ID.matcher(requestId).matches() ? jobs.get(requestId) : null;
        if (job == null) {
            throw new ApiError(404, "unknown_request", null, "no request " + requestId + " is waiting or running", 0);
        }
        job.cancel("cancelled by the client");
        return sendJson(exchange, 200, Map.of("request_id", requestId, "cancelled", true));
    }

    private long nextSeed() {
        long z = options.seed() + seedCounter.getAndIncrement() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private String requestId(HttpExchange exchange) {
        String id = exchange.getRequestHeaders().getFirst(REQUEST_ID_HEADER);
        if (id == null || id.isEmpty()) {
            return "r" + requestCounter.incrementAndGet();
        }
        if (!REQUEST_ID.matcher(id).matches()) {
            throw ApiError.badRequest("invalid_request_id", REQUEST_ID_HEADER + " must be 1..64 letters, digits or ._:-");
        }
        return id;
    }

    private Duration timeout(HttpExchange exchange) {
        String text = exchange.getRequestHeaders().getFirst(REQUEST_TIMEOUT_HEADER);
        if (text == null) {
            return options.requestTimeout();
        }
        double seconds;
        try {
            seconds = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0 && seconds <= 3600)) {
            throw ApiError.badRequest("invalid_timeout", REQUEST_TIMEOUT_HEADER + " must be seconds in (0, 3600], got "
                    + text);
        }
        Duration client = Duration.ofMillis((long) (seconds * 1000));
        return client.compareTo(options.requestTimeout()) < 0 ? client : options.requestTimeout();
    }

    // ---- bodies -------------------------------------------------------------------------------------------------

    private static byte[] readBody(HttpExchange exchange, int maxBytes) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("invalid_length", "Content-Length is not a number: " + length);
            }
            if (declared > maxBytes) {
                throw tooLarge(declared, maxBytes);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(-1, maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private static ApiError tooLarge(long declared, int maxBytes) {
        return new ApiError(413, "body_too_large", null, "the body " + (declared >= 0 ? "of " + declared + " bytes " : "")
                + "is larger than the " + maxBytes + " bytes this server accepts", 0);
    }

    private int sendLoop(HttpExchange exchange, String requestId, GeneratedLoop loop) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        double duration = loop.audio().frames() / (double) loop.audio().sampleRate();
        if (accept != null && wantsWav(accept)) {
            Headers h = exchange.getResponseHeaders();
            h.set(META_PREFIX + "Request-Id", requestId);
            h.set(META_PREFIX + "Duration", Double.toString(duration));
            h.set(META_PREFIX + "Bpm", Double.toString(loop.bpm()));
            h.set(META_PREFIX + "Key", loop.key());
            h.set(META_PREFIX + "Measures", Integer.toString(loop.measures()));
            h.set(META_PREFIX + "Sample-Rate", Integer.toString(loop.audio().sampleRate()));
            h.set(META_PREFIX + "Style", loop.style());
            h.set(META_PREFIX + "Layer-Type", loop.layerType());
            h.set(META_PREFIX + "Stems-Used", String.join(",", loop.stemsUsed()));
            h.set(META_PREFIX + "Preferred-Stems", String.join(",", loop.preferredStems()));
            h.set(META_PREFIX + "Seed", Long.toString(loop.seed()));
            h.set(META_PREFIX + "Reasoning", URLEncoder.encode(loop.reasoning(), StandardCharsets.UTF_8));
            h.set(META_PREFIX + "Decision", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(DecisionJson.toJson(loop.decision()).getBytes(StandardCharsets.UTF_8)));
            h.set(META_PREFIX + "Generator", service.generatorName());
            h.set(META_PREFIX + "Generation-Seconds", Double.toString(loop.generationSeconds()));
            return sendBytes(exchange, 200, "audio/wav", loop.wav());
        }
        ApiBodies.Generated body = new ApiBodies.Generated(requestId, Base64.getEncoder().encodeToString(loop.wav()),
                "wav/pcm16", duration, loop.bpm(), loop.key(), loop.stemsUsed(), loop.preferredStems(),
                loop.audio().sampleRate(), loop.audio().channels(), loop.audio().frames(), loop.measures(),
                loop.style(), loop.layerType(), loop.seed(), loop.reasoning(), loop.reasoning(),
                DecisionJson.toTree(loop.decision()), service.generatorName(), service.brainName(),
                loop.generationSeconds());
        return sendJson(exchange, 200, body);
    }

    private static boolean wantsWav(String accept) {
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("audio/wav") || a.contains("audio/x-wav") || a.contains("audio/wave");
    }

    private int sendJson(HttpExchange exchange, int status, Object body) {
        try {
            return sendBytes(exchange, status, "application/json", ApiBodies.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reply cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void sendError(HttpExchange exchange, ApiError e) {
        Headers h = exchange.getResponseHeaders();
        if (e.retryAfterSeconds() > 0) {
            h.set("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        if (e.status() == 401) {
            h.set("WWW-Authenticate", "ApiKey header=\"" + ApiKey.HEADER + "\"");
        }
        if (e.status() == 413) {
            // The rest of an oversized body is not read; do not reuse the connection.
            h.set("Connection", "close");
        }
        sendJson(exchange, e.status(), new ApiBodies.Error(e.status(), e.code(), e.field(), e.getMessage()));
    }

    private int sendBytes(HttpExchange exchange, int status, String contentType, byte[] body) {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Cache-Control", "no-store");
        if (stopping.get()) {
            h.set("Connection", "close");
        }
        try {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client went away before it read the reply; nothing is left to do for it.
            clientsGone.incrementAndGet();
        }
        return status;
    }

    private static ApiBodies.Profiles profiles(List<StyleProfile> styles) {
        List<ApiBodies.Profile> out = new ArrayList<>();
        for (StyleProfile p : styles) {
            List<ApiBodies.LayerTypeInfo> types = new ArrayList<>();
            for (LayerType t : p.layerTypes()) {
                types.add(new ApiBodies.LayerTypeInfo(t.name(), t.role().name().toLowerCase(Locale.ROOT)));
            }
            out.add(new ApiBodies.Profile(p.name(), p.description(), p.bpm(), p.parsedKey().displayName(),
                    p.parsedKey().camelot(), p.beatsPerBar(), p.loopBars(), types,
                    p.phases().stream().map(Phase::name).toList(), p.keywords()));
        }
        return new ApiBodies.Profiles(out);
    }

    private static byte[] openApi(String version) throws IOException {
        try (InputStream in = LoopServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("the openapi.json resource is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("${version}", version).getBytes(StandardCharsets.UTF_8);
        }
    }
}
