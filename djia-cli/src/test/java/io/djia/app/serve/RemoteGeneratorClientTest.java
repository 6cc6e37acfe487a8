package io.djia.app.serve;

import static io.djia.app.serve.ServerFixture.KEY;
import static io.djia.app.serve.ServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.theory.Tempo;
import io.djia.generate.procedural.ProceduralGenerator;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The client a remote live set uses, against real servers on loopback ports (and a port with none). */
class RemoteGeneratorClientTest {
    private static RemoteClientOptions options(ServerFixture fx, String key) {
        return RemoteClientOptions.of(fx.base.toString(), key, Map.of())
                .withRetries(4, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    @Test
    void generatesALoopOnTheServer() throws Exception {
        try (ServerFixture fx = ServerFixture.with(ServerFixture.keyed(), new ProceduralGenerator());
             RemoteGeneratorClient client = new RemoteGeneratorClient(options(fx, KEY))) {
            RemoteLoop loop = client.generateLoop(RemoteRequest.of("dub", "heavy bass").withBpm(80.0).withMeasures(1)
                    .withSeed(3L).withPreferredStems(List.of("bass")));
            // One bar at 80 BPM is 3 s: 132 300 frames.
            assertEquals(Tempo.of(80).framesOfBars(1, 44_100), loop.audio().frames());
            assertEquals(44_100, loop.audio().sampleRate());
            assertEquals(2, loop.audio().channels());
            assertEquals(80.0, loop.bpm());
            assertEquals("bass", loop.layerType());
            assertEquals("D minor", loop.key());
            assertEquals(3, loop.seed());
            assertEquals(List.of("all"), loop.stemsUsed());
            assertEquals(1, loop.attempts());
            assertTrue(loop.reasoning().contains("heavy bass"), loop.reasoning());
            assertTrue(20 * Math.log10(loop.audio().rms()) > -40, "not silence");
            assertEquals(List.of("techno_minimal"), client.styles().subList(0, 1));
            assertEquals("ok", client.health().status());
        }
    }

    @Test
    void aServerThatIsDownIsRetriedThenReportedPlainly() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        RemoteClientOptions o = RemoteClientOptions.of("http://127.0.0.1:" + port, null, Map.of())
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(20));
        try (RemoteGeneratorClient client = new RemoteGeneratorClient(o)) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> client.generate(RemoteRequest.of("rock", "riff")));
            assertEquals(RemoteException.Kind.UNREACHABLE, e.kind());
            assertEquals(3, e.attempts());
            assertTrue(e.isTransient());
            String m = e.getMessage();
            assertTrue(m.contains("http://127.0.0.1:" + port + "/api/v1") && m.contains("connection refused")
                    && m.contains("djia serve") && m.contains("3 attempts"), m);
            assertEquals(RemoteException.Kind.UNREACHABLE,
                    assertThrows(RemoteException.class, client::health).kind());
        }
    }

    @Test
    void aMissingOrWrongKeyFailsAtOnceSayingWhatToSet() throws Exception {
        try (ServerFixture fx = ServerFixture.procedural()) {
            for (String key : new String[] {null, "wrong-key-0123456789"}) {
                try (RemoteGeneratorClient client = new RemoteGeneratorClient(options(fx, key))) {
                    RemoteException e = assertThrows(RemoteException.class,
                            () -> client.generate(RemoteRequest.of("rock", "riff")));
                    assertEquals(key == null ? RemoteException.Kind.UNAUTHORIZED : RemoteException.Kind.FORBIDDEN, e.kind());
                    assertEquals(1, e.attempts(), "a key problem is not retried");
                    assertTrue(e.getMessage().contains("--api-key") && e.getMessage().contains(ApiKey.ENV), e.getMessage());
                    assertEquals(e.kind(), assertThrows(RemoteException.class, client::styles).kind());
                }
            }
        }
    }

    @Test
    void aBadRequestNamesTheField() throws Exception {
        try (ServerFixture fx = ServerFixture.procedural();
             RemoteGeneratorClient client = new RemoteGeneratorClient(options(fx, KEY))) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> client.generate(RemoteRequest.of("polka", "accordion")));
            assertEquals(RemoteException.Kind.BAD_REQUEST, e.kind());
            assertEquals("style", e.field().orElseThrow());
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("polka"), e.getMessage());
        }
    }

    @Test
    void aFullQueueIsRetriedUntilAPlaceFreesUp() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        ServeOptions o = ServerFixture.keyed().withWorkers(1).withQueueCapacity(0);
        try (ServerFixture fx = ServerFixture.with(o, generator);
             RemoteGeneratorClient client = new RemoteGeneratorClient(options(fx, KEY)
                     .withRetries(20, Duration.ofMillis(20), Duration.ofMillis(50)))) {
            CompletableFuture<HttpResponse<byte[]>> occupying = fx.generateAsync("{\"style\": \"rock\", \"measures\": 1}");
            generator.awaitEntered(1);
            CompletableFuture<RemoteLoop> loop = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.generateLoop(RemoteRequest.of("rock", "bass").withMeasures(1));
                } catch (RemoteException e) {
                    throw new IllegalStateException(e);
                }
            });
            await(() -> fx.log.stream().anyMatch(line -> line.contains(" 429 ")), "the server refuses the client once");
            generator.release();
            RemoteLoop got = loop.get(10, TimeUnit.SECONDS);
            assertTrue(got.attempts() >= 2, "attempts " + got.attempts());
            assertEquals(200, occupying.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aQueueThatStaysFullIsReportedAsBusy() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        ServeOptions o = ServerFixture.keyed().withWorkers(1).withQueueCapacity(0);
        try (ServerFixture fx = ServerFixture.with(o, generator);
             RemoteGeneratorClient client = new RemoteGeneratorClient(options(fx, KEY)
                     .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20)))) {
            fx.generateAsync("{\"style\": \"rock\", \"measures\": 1}");
            generator.awaitEntered(1);
            RemoteException e = assertThrows(RemoteException.class,
                    () -> client.generate(RemoteRequest.of("rock", "bass")));
            assertEquals(RemoteException.Kind.BUSY, e.kind());
            assertEquals(429, e.status());
            assertEquals(2, e.attempts());
            assertTrue(e.getMessage().contains("busy"), e.getMessage());
            generator.release();
        }
    }

    @Test
    void aTimeoutCancelsTheRequestOnTheServer() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        try (ServerFixture fx = ServerFixture.with(ServerFixture.keyed().withWorkers(1), generator);
             RemoteGeneratorClient client = new RemoteGeneratorClient(options(fx, KEY)
                     .withRequestTimeout(Duration.ofMillis(300)))) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> client.generate(RemoteRequest.of("rock", "bass")));
            assertEquals(RemoteException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains(fx.base.toString()), e.getMessage());
            await(() -> generator.cancelled() == 1 && fx.server.running() == 0, "the server stops the generation");
            generator.release();
        }
    }

    @Test
    void anInterruptedCallCancelsItsRequestOnTheServer() throws Exception {
        BlockingGenerator generator = new BlockingGenerator();
        try (ServerFixture fx = ServerFixture.with(ServerFixture.keyed().withWorkers(1), generator);
             RemoteGeneratorClient client = new RemoteGeneratorClient(options(fx, KEY))) {
            AtomicReference<RemoteException> failure = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    client.generate(RemoteRequest.of("rock", "bass"));
                } catch (RemoteException e) {
                    failure.set(e);
                }
            });
            caller.start();
            generator.awaitEntered(1);
            caller.interrupt();
            caller.join(5_000);
            assertEquals(RemoteException.Kind.CANCELLED, failure.get().kind());
            await(() -> generator.cancelled() == 1 && fx.server.running() == 0, "the server stops the generation");
            generator.release();
        }
    }

    @Test
    void optionsNormaliseTheUrlAndTakeTheKeyFromTheEnvironment() {
        RemoteClientOptions o = RemoteClientOptions.of("http://studio:8000/", null, Map.of(ApiKey.ENV, "from-env-0123456789"));
        assertEquals(URI.create("http://studio:8000/api/v1"), o.baseUrl());
        assertEquals("from-env-0123456789", o.apiKey());
        assertEquals(URI.create("http://studio:8000/api/v1/health"), o.resolve("/health"));
        assertEquals("given-key-0123456789", RemoteClientOptions.of("http://studio:8000/api/v1", "given-key-0123456789",
                Map.of(ApiKey.ENV, "from-env-0123456789")).apiKey());
        assertTrue(!o.toString().contains("from-env"), "the key is never printed: " + o);
        for (String bad : List.of("ftp://studio/api/v1", "studio:8000", "http://user:pw@studio/api/v1", "http://studio/api/v1?x=1")) {
            assertThrows(IllegalArgumentException.class, () -> RemoteClientOptions.of(bad, null, Map.of()), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> RemoteRequest.of("rock", "x").withMeasures(3));
        assertThrows(IllegalArgumentException.class, () -> RemoteRequest.of("rock", "x").withPreferredStems(List.of("guitar")));
    }
}
