package io.djia.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.djia.generate.Generator;
import io.djia.generate.brain.RuleBrain;
import io.djia.generate.procedural.ProceduralGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A real server on an ephemeral loopback port, and a plain HTTP client to call it with. */
final class ServerFixture implements AutoCloseable {
    static final String KEY = "test-key-0123456789abcdef";

    final LoopServer server;
    final URI base;
    final List<String> log = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private ServerFixture(ServeOptions options, Generator generator) throws IOException {
        this.server = LoopServer.start(options.withPort(0), new LoopService(generator, new RuleBrain()), log::add);
        this.base = server.baseUri();
    }

    /** Loopback, the test key, the procedural generator. */
    static ServerFixture procedural() throws IOException {
        return new ServerFixture(keyed(), new ProceduralGenerator());
    }

    static ServerFixture with(ServeOptions options, Generator generator) throws IOException {
        return new ServerFixture(options, generator);
    }

    static ServeOptions keyed() {
        return ServeOptions.defaults().withApiKey(ApiKey.of(KEY)).withShutdownGrace(Duration.ofSeconds(2));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<byte[]> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        if (key != null) {
            b.header(ApiKey.HEADER, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST /generate with the test key and extra headers as name, value pairs. */
    HttpResponse<byte[]> generate(String json, String... headers) throws IOException, InterruptedException {
        return http.send(generateRequest(json, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    CompletableFuture<HttpResponse<byte[]>> generateAsync(String json, String... headers) {
        return http.sendAsync(generateRequest(json, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest generateRequest(String json, String... headers) {
        HttpRequest.Builder b = request("/generate").header("Content-Type", "application/json")
                .header(ApiKey.HEADER, KEY).POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return ApiBodies.mapper().readTree(response.body());
    }

    /** Asserts an error reply: status, code, and the field when one is expected; returns the message. */
    static String assertError(HttpResponse<byte[]> response, int status, String code, String field) throws IOException {
        JsonNode body = json(response);
        assertEquals(status, response.statusCode(), body.toString());
        assertEquals(status, body.get("status").asInt(), body.toString());
        assertEquals(code, body.get("error").asText(), body.toString());
        if (field != null) {
            assertEquals(field, body.get("field").asText(), body.toString());
        }
        return body.get("message").asText();
    }

    /** Polls until {@code condition} holds (5 s at most). */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(2));
    }
}
