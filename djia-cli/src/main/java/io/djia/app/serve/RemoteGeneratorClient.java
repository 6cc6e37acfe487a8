package io.djia.app.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.wav.WavFile;
import io.djia.core.wav.WavReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates loops on a {@code djia serve} server, for {@code djia live --api-url}. One call, one loop:
 * <pre>{@code
 * try (RemoteGeneratorClient client = new RemoteGeneratorClient(
 *         RemoteClientOptions.of("http://studio-pc:8000/api/v1", apiKey, System.getenv()))) {
 *     AudioBuffer loop = client.generate(RemoteRequest.of("techno_minimal", "deep rolling bass").withBpm(126.0));
 * } catch (RemoteException e) {
 *     System.err.println(e.getMessage()); // keep playing what is loaded
 * }
 * }</pre>
 *
 * <p>Connection failures, 429 (queue full), 502, 503 and 504 are retried with exponential back-off (honouring
 * Retry-After up to the options' longest wait); everything else fails at once with a {@link RemoteException} whose
 * message says what to do. The whole call, retries and waits included, ends within the request timeout, which is
 * also sent to the server so it drops the work when the client has stopped waiting. A call whose thread is
 * interrupted, or which times out, cancels its request on the server.
 *
 * <p>Calls block and do network I/O: make them from a background thread, never the audio thread. Thread-safe:
 * several calls may run at once.
 */
public final class RemoteGeneratorClient implements AutoCloseable {
    /** Largest WAV accepted: 8 bars at 40 BPM in 16-bit stereo is 8.5 MB. */
    private static final int MAX_WAV_BYTES = 64 << 20;
    private static final int MAX_ERROR_BYTES = 64 << 10;
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(2);

    private final RemoteClientOptions options;
    private final HttpClient http;
    private final SplittableRandom jitter;
    private volatile boolean closed;

    public RemoteGeneratorClient(RemoteClientOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("client options are required");
        }
        this.options = options;
        this.jitter = new SplittableRandom(options.jitterSeed());
        // HTTP/1.1: the server speaks nothing else, and this skips an h2c upgrade attempt per request.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public RemoteClientOptions options() {
        return options;
    }

    /**
     * One loop as audio: stereo at the server's rate (44.1 kHz), exactly the requested bars.
     *
     * @throws RemoteException when no loop came, with a message for the person at the set
     */
    public AudioBuffer generate(RemoteRequest request) throws RemoteException {
        return generateLoop(request).audio();
    }

    /** As {@link #generate}, with what the server says about the loop (tempo, key, layer type, seed, reasoning). */
    public RemoteLoop generateLoop(RemoteRequest request) throws RemoteException {
        if (request == null) {
            throw new IllegalArgumentException("a request is required");
        }
        requireOpen();
        byte[] body = body(request);
        long start = System.nanoTime();
        long deadline = start + options.requestTimeout().toNanos();
        Failure last = null;
        for (int attempt = 1; ; attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw giveUp(last, attempt - 1, start);
            }
            String requestId = "c-" + UUID.randomUUID();
            HttpRequest.Builder builder = HttpRequest.newBuilder(options.resolve("/generate"))
                    .timeout(Duration.ofNanos(remaining))
                    .header("Content-Type", "application/json")
                    .header("Accept", "audio/wav")
                    .header(LoopServer.REQUEST_ID_HEADER, requestId)
                    .header(LoopServer.REQUEST_TIMEOUT_HEADER, String.format(Locale.ROOT, "%.3f", remaining / 1e9))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (options.apiKey() != null) {
                builder.header(ApiKey.HEADER, options.apiKey());
            }
            long retryAfterSeconds = 0;
            try {
                HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    return readLoop(response, attempt);
                }
                ApiBodies.Error error = readError(response);
                if ("timeout".equals(error.error())) {
                    // The deadline passed on the server (ours, sent with the request, or its own limit): trying
                    // the same slow generation again would only repeat it.
                    throw new RemoteException(RemoteException.Kind.TIMEOUT, status, null, attempt, "no loop from "
                            + options.baseUrl() + " in time: " + error.message(), null);
                }
                switch (status) {
                    case 429 -> last = new Failure(RemoteException.Kind.BUSY, status, error.message(), null);
                    case 502, 503, 504 -> last = new Failure(RemoteException.Kind.UNAVAILABLE, status, error.message(), null);
                    default -> throw fatal(status, error, attempt);
                }
                retryAfterSeconds = response.headers().firstValueAsLong("Retry-After").orElse(0);
            } catch (HttpConnectTimeoutException e) {
                last = new Failure(RemoteException.Kind.UNREACHABLE, 0, "no connection within "
                        + seconds(options.connectTimeout()) + " s", e);
            } catch (HttpTimeoutException e) {
                cancelOnServer(requestId);
                throw new RemoteException(RemoteException.Kind.TIMEOUT, 0, null, attempt, "no loop from "
                        + options.baseUrl() + " within " + seconds(options.requestTimeout()) + " s (" + attempt
                        + (attempt == 1 ? " attempt" : " attempts") + "); the request was cancelled on the server."
                        + " A neural engine may need a longer timeout", e);
            } catch (IOException e) {
                last = new Failure(RemoteException.Kind.UNREACHABLE, 0, describe(e), e);
            } catch (InterruptedException e) {
                cancelOnServer(requestId);
                Thread.currentThread().interrupt();
                throw new RemoteException(RemoteException.Kind.CANCELLED, 0, null, attempt, "interrupted while"
                        + " waiting for a loop from " + options.baseUrl() + "; the request was cancelled on the server", e);
            }
            if (attempt >= options.maxAttempts()) {
                throw giveUp(last, attempt, start);
            }
            long waitNanos = backoffNanos(attempt, retryAfterSeconds);
            if (System.nanoTime() + waitNanos >= deadline) {
                throw giveUp(last, attempt, start);
            }
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteException(RemoteException.Kind.CANCELLED, last.status, null, attempt,
                        "interrupted while waiting to retry " + options.baseUrl(), e);
            }
        }
    }

    /**
     * The server's health, in one attempt (no key needed): a cheap check that the server is up before a set.
     *
     * @throws RemoteException {@link RemoteException.Kind#UNREACHABLE} when nothing answers
     */
    public ApiBodies.Health health() throws RemoteException {
        return getJson("/health", ApiBodies.Health.class);
    }

    /**
     * The server's style names, in one attempt. Needs the key, so this also checks it: call it once when a set
     * starts to report a wrong key before the first loop is due.
     */
    public List<String> styles() throws RemoteException {
        ApiBodies.Profiles profiles = getJson("/profiles", ApiBodies.Profiles.class);
        List<String> names = new ArrayList<>();
        for (ApiBodies.Profile p : profiles.profiles()) {
            names.add(p.name());
        }
        return names;
    }

    @Override
    public void close() {
        closed = true;
    }

    // ---- replies ------------------------------------------------------------------------------------------------

    private RemoteLoop readLoop(HttpResponse<InputStream> response, int attempt) throws RemoteException, IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] wav;
        try (InputStream in = response.body()) {
            if (!type.toLowerCase(Locale.ROOT).startsWith("audio/wav")) {
                throw protocol("the reply is " + (type.isEmpty() ? "untyped" : type) + ", not audio/wav", attempt, null);
            }
            wav = in.readNBytes(MAX_WAV_BYTES + 1);
        }
        if (wav.length > MAX_WAV_BYTES) {
            throw protocol("the WAV reply is larger than " + (MAX_WAV_BYTES >> 20) + " MiB", attempt, null);
        }
        AudioBuffer audio;
        try {
            WavFile file = WavReader.read(new ByteArrayInputStream(wav), options.baseUrl() + "/generate");
            audio = file.audio();
        } catch (IOException | IllegalArgumentException e) {
            throw protocol("the WAV reply cannot be read: " + e.getMessage(), attempt, e);
        }
        try {
            int rate = Integer.parseInt(meta(response, "Sample-Rate"));
            if (rate != audio.sampleRate()) {
                throw protocol("the WAV is at " + audio.sampleRate() + " Hz but the server says " + rate, attempt, null);
            }
            if (audio.channels() != 2) {
                audio = audio.toStereo();
            }
            List<String> stems = Arrays.stream(meta(response, "Stems-Used").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            return new RemoteLoop(audio, Double.parseDouble(meta(response, "Bpm")), meta(response, "Key"),
                    Integer.parseInt(meta(response, "Measures")), meta(response, "Style"),
                    meta(response, "Layer-Type"), stems, Long.parseLong(meta(response, "Seed")),
                    URLDecoder.decode(meta(response, "Reasoning"), StandardCharsets.UTF_8),
                    meta(response, "Request-Id"), attempt);
        } catch (NumberFormatException e) {
            throw protocol("a loop header is not a number: " + e.getMessage(), attempt, e);
        }
    }

    private String meta(HttpResponse<?> response, String name) throws RemoteException {
        Optional<String> value = response.headers().firstValue(LoopServer.META_PREFIX + name);
        if (value.isEmpty()) {
            throw protocol("the reply has no " + LoopServer.META_PREFIX + name + " header", 1, null);
        }
        return value.get();
    }

    private ApiBodies.Error readError(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_ERROR_BYTES);
            try {
                ApiBodies.Error error = ApiBodies.mapper().readValue(bytes, ApiBodies.Error.class);
                if (error.message() != null) {
                    return error;
                }
            } catch (IOException e) {
                // Not our JSON (a proxy's page, say): report the start of the text.
            }
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            return new ApiBodies.Error(status, "http_" + status, null,
                    "HTTP " + status + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
        } catch (IOException e) {
            return new ApiBodies.Error(status, "http_" + status, null, "HTTP " + status);
        }
    }

    private RemoteException fatal(int status, ApiBodies.Error error, int attempt) {
        String url = options.baseUrl().toString();
        return switch (status) {
            case 401 -> new RemoteException(RemoteException.Kind.UNAUTHORIZED, status, null, attempt, "the DJ-IA"
                    + " server at " + url + " needs an API key: pass --api-key or set " + ApiKey.ENV, null);
            case 403 -> new RemoteException(RemoteException.Kind.FORBIDDEN, status, null, attempt, "the DJ-IA server"
                    + " at " + url + " rejected the API key: check --api-key or " + ApiKey.ENV, null);
            case 400, 413, 415 -> new RemoteException(RemoteException.Kind.BAD_REQUEST, status, error.field(), attempt,
                    "the DJ-IA server rejected the request: " + error.message(), null);
            case 409 -> new RemoteException(RemoteException.Kind.CANCELLED, status, null, attempt,
                    "the request was cancelled on the server: " + error.message(), null);
            case 500 -> new RemoteException(RemoteException.Kind.SERVER_ERROR, status, null, attempt,
                    "the DJ-IA server at " + url + " failed: " + error.message(), null);
            case 404, 405 -> new RemoteException(RemoteException.Kind.PROTOCOL, status, null, attempt, url
                    + " has no DJ-IA generate endpoint (HTTP " + status + "); --api-url should end in " + LoopServer.PREFIX,
                    null);
            default -> new RemoteException(RemoteException.Kind.PROTOCOL, status, null, attempt, url
                    + " answered HTTP " + status + ": " + error.message(), null);
        };
    }

    private <T> T getJson(String path, Class<T> type) throws RemoteException {
        requireOpen();
        HttpRequest.Builder builder = HttpRequest.newBuilder(options.resolve(path))
                .timeout(options.connectTimeout().plusSeconds(5)).header("Accept", "application/json").GET();
        if (options.apiKey() != null) {
            builder.header(ApiKey.HEADER, options.apiKey());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw fatal(response.statusCode(), readError(response), 1);
            }
            try (InputStream in = response.body()) {
                return ApiBodies.mapper().readValue(in.readNBytes(MAX_WAV_BYTES), type);
            } catch (IOException e) {
                throw protocol("the " + path + " reply is not the expected JSON: " + e.getMessage(), 1, e);
            }
        } catch (HttpConnectTimeoutException e) {
            throw giveUp(new Failure(RemoteException.Kind.UNREACHABLE, 0, "no connection within "
                    + seconds(options.connectTimeout()) + " s", e), 1, start);
        } catch (HttpTimeoutException e) {
            throw new RemoteException(RemoteException.Kind.TIMEOUT, 0, null, 1, options.baseUrl() + path
                    + " did not answer within " + seconds(options.connectTimeout().plusSeconds(5)) + " s", e);
        } catch (IOException e) {
            throw giveUp(new Failure(RemoteException.Kind.UNREACHABLE, 0, describe(e), e), 1, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteException.Kind.CANCELLED, 0, null, 1, "interrupted while asking "
                    + options.baseUrl() + path, e);
        }
    }

    // ---- failures and retries -----------------------------------------------------------------------------------

    /** The outcome of a failed attempt that may be retried. */
    private record Failure(RemoteException.Kind kind, int status, String detail, Throwable cause) {
    }

    private RemoteException giveUp(Failure last, int attempts, long startNanos) {
        String url = options.baseUrl().toString();
        String tries = attempts + (attempts == 1 ? " attempt" : " attempts") + " over "
                + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9) + " s";
        if (last == null) {
            return new RemoteException(RemoteException.Kind.TIMEOUT, 0, null, attempts, "no loop from " + url
                    + " within " + seconds(options.requestTimeout()) + " s", null);
        }
        String message = switch (last.kind) {
            case UNREACHABLE -> "cannot reach the DJ-IA server at " + url + " (" + last.detail + ") after " + tries
                    + "; is `djia serve` running there? Check --api-url and the network";
            case BUSY -> "the DJ-IA server at " + url + " is busy: its queue stayed full through " + tries
                    + " (" + last.detail + ")";
            default -> "the DJ-IA server at " + url + " is unavailable through " + tries + ": " + last.detail;
        };
        return new RemoteException(last.kind, last.status, null, attempts, message, last.cause);
    }

    /** Exponential back-off with +-25 % jitter, or the server's Retry-After if longer, capped by the longest wait. */
    private long backoffNanos(int attempt, long retryAfterSeconds) {
        double base = options.initialBackoff().toNanos() * Math.pow(2, attempt - 1);
        double jittered;
        synchronized (jitter) {
            jittered = base * (0.75 + 0.5 * jitter.nextDouble());
        }
        double wait = Math.max(jittered, retryAfterSeconds * 1e9);
        return (long) Math.min(wait, options.maxBackoff().toNanos());
    }

    /** Best effort: tells the server to drop a request this client no longer waits for. */
    private void cancelOnServer(String requestId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(options.resolve("/generate/" + requestId))
                .timeout(CANCEL_TIMEOUT).DELETE();
        if (options.apiKey() != null) {
            builder.header(ApiKey.HEADER, options.apiKey());
        }
        http.sendAsync(builder.build(), HttpResponse.BodyHandlers.discarding());
    }

    private RemoteException protocol(String detail, int attempt, Throwable cause) {
        return new RemoteException(RemoteException.Kind.PROTOCOL, 200, null, attempt, options.baseUrl()
                + " did not answer like a DJ-IA server: " + detail, cause);
    }

    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this client is closed");
        }
    }

    private static byte[] body(RemoteRequest request) {
        ObjectNode body = ApiBodies.mapper().createObjectNode();
        body.put("style", request.style());
        if (!request.prompt().isEmpty()) {
            body.put("prompt", request.prompt());
        }
        if (request.bpm() != null) {
            body.put("bpm", request.bpm());
        }
        if (request.key() != null) {
            body.put("key", request.key());
        }
        body.put("measures", request.measures());
        if (!request.preferredStems().isEmpty()) {
            ArrayNode stems = body.putArray("preferred_stems");
            request.preferredStems().forEach(stems::add);
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (request.intensity() != null) {
            body.put("intensity", request.intensity());
        }
        try {
            return ApiBodies.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("request cannot be written as JSON", e);
        }
    }
}
