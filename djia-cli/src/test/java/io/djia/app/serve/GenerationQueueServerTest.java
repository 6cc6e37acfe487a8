package io.djia.app.serve;

import static io.djia.app.serve.ServerFixture.assertError;
import static io.djia.app.serve.ServerFixture.await;
import static io.djia.app.serve.ServerFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.wav.WavReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Queue, timeouts, cancellation and shutdown, made deterministic by a generator that holds every generation until
 * the test lets it go.
 */
class GenerationQueueServerTest {
    private static final String BODY = "{\"style\": \"techno_minimal\", \"prompt\": \"kick\", \"measures\": 1, \"seed\": 5}";

    private static ServeOptions oneWorker(int capacity) {
        return ServerFixture.keyed().withWorkers(1).withQueueCapacity(capacity);
    }

    @Test
    void aFullQueueIsRefusedAt429WithRetryAfterAndAdmittedWorkFinishes() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        try (ServerFixture fx = ServerFixture.with(oneWorker(1), generator)) {
            CompletableFuture<HttpResponse<byte[]>> running = fx.generateAsync(BODY);
            generator.awaitEntered(1);
            CompletableFuture<HttpResponse<byte[]>> waiting = fx.generateAsync(BODY);
            await(() -> fx.server.waiting() == 1, "the second request waits");
            assertEquals(1, json(fx.get("/health", null)).get("queue_length").asInt());

            HttpResponse<byte[]> refused = fx.generate(BODY);
            String message = assertError(refused, 429, "queue_full", null);
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 120, "Retry-After " + retryAfter);
            assertTrue(message.contains("1 workers are busy and 1 requests are waiting"), message);

            generator.release();
            for (CompletableFuture<HttpResponse<byte[]>> f : List.of(running, waiting)) {
                HttpResponse<byte[]> r = f.get(10, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), new String(r.body()));
            }
            assertEquals(2, generator.finished(), "the refused request never reached the generator");
            await(() -> fx.server.running() == 0 && fx.server.waiting() == 0, "the queue drains");
            assertEquals(200, fx.generate(BODY).statusCode(), "places free up again");
        }
    }

    @Test
    void theLoopIsTheGeneratorsAudioAtItsRealRate() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        generator.release();
        try (ServerFixture fx = ServerFixture.with(oneWorker(0), generator)) {
            HttpResponse<byte[]> r = fx.generate(BODY, "Accept", "audio/wav");
            AudioBuffer audio = WavReader.read(new ByteArrayInputStream(r.body()), "reply").audio();
            AudioBuffer expected = BlockingGenerator.sine(audio.frames(), 44_100);
            double worst = 0;
            for (int i = 0; i < audio.frames(); i++) {
                worst = Math.max(worst, Math.abs(audio.channel(1)[i] - expected.channel(1)[i]));
            }
            // 16-bit PCM: within one quantisation step (-90 dBFS).
            assertTrue(20 * Math.log10(worst) < -90, "worst error " + 20 * Math.log10(worst) + " dBFS");
        }
    }

    @Test
    void aRequestPastItsDeadlineIsCancelledAndItsWorkerFreed() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        try (ServerFixture fx = ServerFixture.with(oneWorker(1), generator)) {
            HttpResponse<byte[]> r = fx.generate(BODY, LoopServer.REQUEST_TIMEOUT_HEADER, "0.2");
            String message = assertError(r, 503, "timeout", null);
            assertTrue(message.contains("0.2 s"), message);
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
            await(() -> generator.cancelled() == 1, "the generator sees the cancellation");
            await(() -> fx.server.running() == 0, "the worker is free");
            generator.release();
            assertEquals(200, fx.generate(BODY).statusCode());
        }
    }

    @Test
    void aClientCancelsItsRequestById() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        try (ServerFixture fx = ServerFixture.with(oneWorker(1), generator)) {
            CompletableFuture<HttpResponse<byte[]>> running = fx.generateAsync(BODY, LoopServer.REQUEST_ID_HEADER, "live-1");
            generator.awaitEntered(1);
            CompletableFuture<HttpResponse<byte[]>> waiting = fx.generateAsync(BODY, LoopServer.REQUEST_ID_HEADER, "live-2");
            await(() -> fx.server.waiting() == 1, "the second request waits");
            for (String id : List.of("live-2", "live-1")) {
                HttpRequest cancel = fx.request("/generate/" + id).header(ApiKey.HEADER, ServerFixture.KEY).DELETE().build();
                assertEquals(200, fx.http.send(cancel, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
            }
            assertError(running.get(5, TimeUnit.SECONDS), 409, "cancelled", null);
            assertError(waiting.get(5, TimeUnit.SECONDS), 409, "cancelled", null);
            await(() -> fx.server.running() == 0 && fx.server.waiting() == 0, "both places are free");
            assertEquals(1, generator.calls(), "the waiting request never started");
            assertEquals(1, generator.cancelled(), "the running one stopped");
        }
    }

    @Test
    void shutdownFinishesAdmittedWorkAndRefusesNewWork() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        ServerFixture fx = ServerFixture.with(oneWorker(2), generator);
        CompletableFuture<HttpResponse<byte[]>> running = fx.generateAsync(BODY);
        generator.awaitEntered(1);
        List<CompletableFuture<HttpResponse<byte[]>>> waiting = List.of(fx.generateAsync(BODY), fx.generateAsync(BODY));
        await(() -> fx.server.waiting() == 2, "two requests wait");

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> fx.server.shutdown(Duration.ofSeconds(10)));
        await(() -> healthStatus(fx).equals("draining"), "health reports draining");
        HttpResponse<byte[]> late = fx.generate(BODY);
        assertError(late, 503, "shutting_down", null);
        assertTrue(late.headers().firstValue("Retry-After").isPresent());

        generator.release();
        assertEquals(200, running.get(10, TimeUnit.SECONDS).statusCode());
        for (CompletableFuture<HttpResponse<byte[]>> f : waiting) {
            assertEquals(200, f.get(10, TimeUnit.SECONDS).statusCode(), "admitted work finishes within the grace");
        }
        shutdown.get(10, TimeUnit.SECONDS);
        assertThrows(IOException.class, () -> fx.get("/health", null), "the listener is closed");
    }

    @Test
    void shutdownRejectsWorkLeftAfterTheGraceCleanly() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        ServerFixture fx = ServerFixture.with(oneWorker(1), generator);
        CompletableFuture<HttpResponse<byte[]>> running = fx.generateAsync(BODY);
        generator.awaitEntered(1);
        CompletableFuture<HttpResponse<byte[]>> waiting = fx.generateAsync(BODY);
        await(() -> fx.server.waiting() == 1, "one request waits");

        fx.server.shutdown(Duration.ofMillis(200));
        assertError(running.get(5, TimeUnit.SECONDS), 503, "shutting_down", null);
        assertError(waiting.get(5, TimeUnit.SECONDS), 503, "shutting_down", null);
        assertEquals(1, generator.calls(), "the waiting request never started");
        assertEquals(1, generator.cancelled(), "the running generation was asked to stop and did");
        assertEquals(0, fx.server.clientsGone(), "every reply was delivered");
    }

    private static String healthStatus(ServerFixture fx) {
        try {
            return json(fx.get("/health", null)).get("status").asText();
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
