package io.djia.app.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How {@link RemoteGeneratorClient} talks to a server.
 *
 * @param baseUrl        the API's base URL, e.g. {@code http://studio-pc:8000/api/v1}
 * @param apiKey         the key for {@code X-API-Key}, or null when the server has none
 * @param connectTimeout longest wait for a TCP connection
 * @param requestTimeout longest wait for one loop (sent to the server, which cancels the request after it)
 * @param maxAttempts    attempts per loop, 1 for no retries; retried: no connection, 429, 502, 503, 504
 * @param initialBackoff wait before the second attempt; doubles each time, with +-25 % jitter
 * @param maxBackoff     longest wait between attempts, also the most a server's Retry-After is honoured
 * @param jitterSeed     seed of the jitter, so a test's waits repeat
 */
public record RemoteClientOptions(URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout,
                                  int maxAttempts, Duration initialBackoff, Duration maxBackoff, long jitterSeed) {
    public RemoteClientOptions {
        baseUrl = normalise(baseUrl);
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (apiKey != null && !apiKey.chars().allMatch(c -> c > ' ' && c <= '~')) {
            throw new IllegalArgumentException("--api-key may hold only printable ASCII without spaces");
        }
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(requestTimeout, "request timeout");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("attempts must be 1..20, got " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 <= initial <= max, got " + initialBackoff + " and "
                    + maxBackoff);
        }
    }

    /**
     * Options for {@code --api-url URL [--api-key KEY]}: 3 s to connect, 120 s per loop, 4 attempts 0.5..8 s apart.
     * A URL without a path gets {@code /api/v1}; the key falls back to {@code env}'s {@value ApiKey#ENV}.
     *
     * @throws IllegalArgumentException for a URL that is not http(s)://host[:port][/path]
     */
    public static RemoteClientOptions of(String apiUrl, String apiKey, Map<String, String> env) {
        if (apiUrl == null || apiUrl.isBlank()) {
            throw new IllegalArgumentException("--api-url is required, e.g. http://127.0.0.1:8000/api/v1");
        }
        URI uri;
        try {
            uri = new URI(apiUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--api-url is not a URL: " + apiUrl + " (" + e.getReason() + ")");
        }
        String key = apiKey != null && !apiKey.isBlank() ? apiKey : env == null ? null : env.get(ApiKey.ENV);
        return new RemoteClientOptions(uri, key, Duration.ofSeconds(3), Duration.ofSeconds(120), 4,
                Duration.ofMillis(500), Duration.ofSeconds(8), 1);
    }

    public RemoteClientOptions withRequestTimeout(Duration value) {
        return new RemoteClientOptions(baseUrl, apiKey, connectTimeout, value, maxAttempts, initialBackoff, maxBackoff,
                jitterSeed);
    }

    public RemoteClientOptions withConnectTimeout(Duration value) {
        return new RemoteClientOptions(baseUrl, apiKey, value, requestTimeout, maxAttempts, initialBackoff, maxBackoff,
                jitterSeed);
    }

    public RemoteClientOptions withRetries(int attempts, Duration initial, Duration max) {
        return new RemoteClientOptions(baseUrl, apiKey, connectTimeout, requestTimeout, attempts, initial, max,
                jitterSeed);
    }

    public RemoteClientOptions withApiKey(String value) {
        return new RemoteClientOptions(baseUrl, value, connectTimeout, requestTimeout, maxAttempts, initialBackoff,
                maxBackoff, jitterSeed);
    }

    /** The URL of an endpoint under the base, e.g. {@code resolve("/health")}. */
    public URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    private static URI normalise(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("--api-url is required, e.g. http://127.0.0.1:8000/api/v1");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--api-url must start with http:// or https://, got " + url);
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null
                || url.getRawFragment() != null) {
            throw new IllegalArgumentException("--api-url must be http(s)://host[:port]/api/v1 without user, query"
                    + " or fragment, got " + url);
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            path = LoopServer.PREFIX;
        }
        String port = url.getPort() >= 0 ? ":" + url.getPort() : "";
        String host = url.getHost();
        return URI.create(scheme + "://" + host + port + path);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }

    @Override
    public String toString() {
        return "RemoteClientOptions[" + baseUrl + ", key " + (apiKey == null ? "none" : "set") + ", timeout "
                + requestTimeout.toMillis() / 1000.0 + " s, " + maxAttempts + " attempts]";
    }
}
