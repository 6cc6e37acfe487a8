package io.djia.generate.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader against a hub on the loopback interface that answers like Hugging Face: a HEAD without
 * redirects carries {@code X-Linked-Etag} (the SHA-256), the GET follows a redirect to the bytes. No network.
 */
class ModelDownloaderTest {
    private static final ModelLayout LAYOUT = new ModelLayout("tiny-test", "test layout", "", "someone/tiny", "",
            List.of(ModelFile.required("onnx/a.onnx"), ModelFile.required("tokenizer.json"), ModelFile.optional("config.json")),
            null);
    private HttpServer server;
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> advertised = new HashMap<>();
    private final List<String> gets = new ArrayList<>();

    @BeforeEach
    void startHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/someone/tiny/resolve/main/";
            if (path.startsWith("/cdn/")) {
                byte[] body = files.get(path.substring(5));
                gets.add(path.substring(5));
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            String name = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
            if (!files.containsKey(name)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + advertised.get(name) + "\"");
            exchange.getResponseHeaders().add("X-Linked-Size", Integer.toString(files.get(name).length));
            exchange.getResponseHeaders().add("Location", "/cdn/" + name);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopHub() {
        server.stop(0);
    }

    private URI hub() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void publish(String name, String content, boolean honestHash) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        files.put(name, bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        advertised.put(name, honestHash ? sha : "f".repeat(64));
    }

    @Test
    void downloadsEveryFileChecksItAndRecordsTheDigests(@TempDir Path dir) throws Exception {
        publish("onnx/a.onnx", "graph bytes ".repeat(10_000), true);
        publish("tokenizer.json", "{\"model\": {}}", true);
        List<String> events = new ArrayList<>();
        long[] lastBytes = new long[2];
        DownloadListener listener = new DownloadListener() {
            @Override
            public void fileStarted(String path, int index, int count) {
                events.add(index + "/" + count + " " + path);
            }

            @Override
            public void bytes(String path, long done, long total) {
                lastBytes[0] = done;
                lastBytes[1] = total;
            }
        };
        Path target = new ModelDownloader(hub(), Duration.ofSeconds(5)).download(LAYOUT, dir.resolve("tiny"), listener);
        assertArrayEquals(files.get("onnx/a.onnx"), Files.readAllBytes(target.resolve("onnx/a.onnx")));
        assertEquals(List.of("0/3 onnx/a.onnx", "1/3 tokenizer.json", "2/3 config.json"), events);
        assertFalse(Files.exists(target.resolve("config.json")), "the optional file is not on the hub");
        Map<String, String> sums = Checksums.read(target);
        assertEquals(advertised.get("onnx/a.onnx"), sums.get("onnx/a.onnx"));
        assertEquals(advertised.get("tokenizer.json"), sums.get("tokenizer.json"));
        assertEquals(lastBytes[1], lastBytes[0]);

        gets.clear();
        new ModelDownloader(hub(), Duration.ofSeconds(5)).download(LAYOUT, target, DownloadListener.NONE);
        assertTrue(gets.isEmpty(), "files already in place with the right digest are not fetched again: " + gets);
    }

    @Test
    void aDigestMismatchKeepsNothingAndNamesTheFile(@TempDir Path dir) throws Exception {
        publish("onnx/a.onnx", "graph", false);
        publish("tokenizer.json", "{}", true);
        IOException e = assertThrows(IOException.class,
                () -> new ModelDownloader(hub(), Duration.ofSeconds(5)).download(LAYOUT, dir, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("onnx/a.onnx") && e.getMessage().contains("f".repeat(64)), e.getMessage());
        assertFalse(Files.exists(dir.resolve("onnx/a.onnx")));
        assertFalse(Files.exists(dir.resolve("onnx/a.onnx.part")));
    }

    @Test
    void aRequiredFileMissingOnTheHubIsNamed(@TempDir Path dir) throws Exception {
        publish("onnx/a.onnx", "graph", true);
        IOException e = assertThrows(IOException.class,
                () -> new ModelDownloader(hub(), Duration.ofSeconds(5)).download(LAYOUT, dir, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("tokenizer.json") && e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void offlineSaysWhereToPutTheFiles(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ModelLayout small = KnownModels.require("musicgen-small");
        Path folder = dir.resolve("musicgen-small");
        ModelOfflineException e = assertThrows(ModelOfflineException.class, () -> new ModelDownloader(
                URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2)).download(small, folder, DownloadListener.NONE));
        String m = e.getMessage();
        assertTrue(m.contains("offline"), m);
        assertTrue(m.contains("http://127.0.0.1:" + closedPort + "/Xenova/musicgen-small/resolve/main/onnx/decoder_model_merged.onnx"), m);
        assertTrue(m.contains(folder.toString()) && m.contains("djia models check"), m);
    }

    @Test
    void layoutsWithoutAPublishedExportExplainHowToMakeOne(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelDownloader.fromEnvironment()
                .download(KnownModels.require("musicgen-medium"), dir, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("optimum-cli export onnx --model facebook/musicgen-medium"), e.getMessage());
    }
}
