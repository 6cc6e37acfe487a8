package io.djia.app.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for {@code scripts/load-test-serve.sh}: hammers {@code /health}, then {@code /generate}, each for a
 * fixed time from several threads over keep-alive connections, and prints requests per second, latency
 * percentiles and status counts. Exits 1 on any 5xx, connection error or malformed loop. Not a unit test (speed
 * belongs here, not in JUnit).
 *
 * <p>Arguments: {@code --url http://127.0.0.1:PORT/api/v1 [--seconds 10] [--warmup 2] [--health-concurrency 8]
 * [--generate-concurrency 4] [--style techno_minimal] [--measures 1]}; the key comes from {@code DJIA_API_KEY}.
 */
public final class LoadTestMain {
    private LoadTestMain() {
    }

    /** What one phase measured. */
    private record Phase(String name, long requests, double seconds, long[] latencyNanos, Map<Integer, Long> statuses,
                         long connectionErrors, long badReplies) {
        long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }

        double percentileMs(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencyNanos.length);
            return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, rank - 1))] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "%-9s %7d req %6.1f s %9.1f req/s   p50 %8.2f ms  p90 %8.2f ms"
                            + "  p99 %8.2f ms  max %8.2f ms   status %s  5xx %d  conn-errors %d  bad %d",
                    name, requests, seconds, requests / seconds, percentileMs(50), percentileMs(90), percentileMs(99),
                    percentileMs(100), statuses, serverErrors(), connectionErrors, badReplies);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new TreeMap<>(Map.of("--seconds", "10", "--warmup", "2",
                "--health-concurrency", "8", "--generate-concurrency", "4", "--style", "techno_minimal",
                "--measures", "1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        if (!opts.containsKey("--url")) {
            System.err.println("usage: LoadTestMain --url http://127.0.0.1:PORT/api/v1 [--seconds N] [--warmup N]"
                    + " [--health-concurrency C] [--generate-concurrency C] [--style S] [--measures M]");
            System.exit(2);
        }
        URI base = URI.create(opts.get("--url"));
        String host = base.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            System.err.println("refusing to load-test " + host + ": this tool only targets loopback");
            System.exit(2);
        }
        String key = System.getenv(ApiKey.ENV);
        double seconds = Double.parseDouble(opts.get("--seconds"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(10))
                .GET().build();
        String style = opts.get("--style");
        int measures = Integer.parseInt(opts.get("--measures"));
        AtomicLong seed = new AtomicLong(1);
        RequestSource generate = () -> {
            String body = "{\"style\": \"" + style + "\", \"measures\": " + measures + ", \"seed\": "
                    + seed.getAndIncrement() + "}";
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/generate"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Accept", "audio/wav").POST(HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                b.header(ApiKey.HEADER, key);
            }
            return b.build();
        };
        ReplyCheck isLoop = r -> r.headers().firstValue("Content-Type").orElse("").equals("audio/wav")
                && r.headers().firstValue("X-Djia-Sample-Rate").orElse("").equals("44100") && r.body().length > 44;
        int healthThreads = Integer.parseInt(opts.get("--health-concurrency"));
        int generateThreads = Integer.parseInt(opts.get("--generate-concurrency"));
        double warmup = Double.parseDouble(opts.get("--warmup"));
        List<Phase> phases = new ArrayList<>();
        if (warmup > 0) {
            // JIT compilation and first connections would otherwise dominate the tail of a short run.
            phases.add(run("warm-up", http, healthThreads, warmup / 2, () -> health, r -> r.body().length > 0));
            phases.add(run("warm-up", http, generateThreads, warmup / 2, generate, isLoop));
        }
        phases.add(run("health", http, healthThreads, seconds, () -> health, r -> r.body().length > 0));
        phases.add(run("generate", http, generateThreads, seconds, generate, isLoop));

        boolean ok = true;
        for (Phase p : phases) {
            System.out.println(p.line());
            ok &= p.serverErrors() == 0 && p.connectionErrors() == 0 && p.badReplies() == 0 && p.requests() > 0;
        }
        System.out.println(ok ? "PASS: no 5xx, no connection errors, every loop well-formed"
                : "FAIL: see 5xx / conn-errors / bad above");
        System.exit(ok ? 0 : 1);
    }

    private interface RequestSource {
        HttpRequest next();
    }

    private interface ReplyCheck {
        boolean ok(HttpResponse<byte[]> reply);
    }

    private static Phase run(String name, HttpClient http, int threads, double seconds, RequestSource source,
                             ReplyCheck check) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<long[]> perThread = new ArrayList<>();
        List<Map<Integer, Long>> statusPerThread = new ArrayList<>();
        long[] connectionErrors = new long[threads];
        long[] bad = new long[threads];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[1 << 20];
            Map<Integer, Long> statuses = new TreeMap<>();
            int index = t;
            perThread.add(null);
            statusPerThread.add(statuses);
            Thread worker = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(source.next(), HttpResponse.BodyHandlers.ofByteArray());
                        latencies[n++] = System.nanoTime() - t0;
                        statuses.merge(r.statusCode(), 1L, Long::sum);
                        if (r.statusCode() == 200 && !check.ok(r)) {
                            bad[index]++;
                        }
                    } catch (IOException e) {
                        connectionErrors[index]++;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                synchronized (perThread) {
                    perThread.set(index, Arrays.copyOf(latencies, n));
                }
            }, name + "-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<Integer, Long> statuses = new TreeMap<>();
        statusPerThread.forEach(m -> m.forEach((k, v) -> statuses.merge(k, v, Long::sum)));
        return new Phase(name, all.length, elapsed, all, statuses, Arrays.stream(connectionErrors).sum(),
                Arrays.stream(bad).sum());
    }
}
