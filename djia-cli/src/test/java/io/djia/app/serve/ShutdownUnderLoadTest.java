package io.djia.app.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.generate.procedural.ProceduralGenerator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Clients keep generating with the procedural engine while the server shuts down: every reply stays clean. */
class ShutdownUnderLoadTest {
    private static final int CLIENTS = 4;

    @Test
    void everyReplyIsALoopOrACleanRefusalWhileShuttingDown() throws Exception {
        ServerFixture fx = ServerFixture.with(ServerFixture.keyed().withWorkers(2).withQueueCapacity(2),
                new ProceduralGenerator());
        AtomicInteger ok = new AtomicInteger();
        AtomicLong shutdownStart = new AtomicLong(Long.MAX_VALUE);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    String body = "{\"style\": \"hip_hop\", \"prompt\": \"beat\", \"measures\": 1, \"seed\": "
                            + (client * 1000 + i) + "}";
                    try {
                        HttpResponse<byte[]> r = fx.generate(body, "Accept", "audio/wav");
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else if (r.statusCode() == 503) {
                            String error = ServerFixture.json(r).get("error").asText();
                            if (!error.equals("shutting_down")) {
                                problems.add("503 " + error);
                            }
                            return;
                        } else if (r.statusCode() != 429) {
                            problems.add("HTTP " + r.statusCode() + ": " + new String(r.body()));
                        }
                    } catch (IOException e) {
                        if (System.nanoTime() < shutdownStart.get()) {
                            problems.add("connection failed before shutdown: " + e);
                        }
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "load-client-" + c);
            clients.add(t);
            t.start();
        }
        ServerFixture.await(() -> ok.get() >= 2 * CLIENTS, "a few loops are served");
        shutdownStart.set(System.nanoTime());
        fx.server.shutdown(Duration.ofSeconds(2));
        for (Thread t : clients) {
            t.join(10_000);
            assertTrue(!t.isAlive(), t.getName() + " ended");
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(statuses.get(200).get() >= 2 * CLIENTS, statuses.toString());
        for (int status : statuses.keySet()) {
            assertTrue(status == 200 || status == 429 || status == 503, "status " + status + " in " + statuses);
        }
    }
}
