package io.djia.generate.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Downloads a published model layout into a folder over HTTPS, with progress and a SHA-256 check of every file.
 *
 * <p>The expected digest comes from the layout when known, else from the hub: Hugging Face answers a request
 * for a large (LFS) file with a redirect whose {@code X-Linked-Etag} header is the file's SHA-256, so each file
 * is first asked for without following redirects, then fetched. Files go to {@code name.part} and are moved
 * into place only when their digest matches; the digests are written to the folder's {@code SHA256SUMS} for
 * later checks. When the hub cannot be reached the download fails with a {@link ModelOfflineException} that lists
 * the file URLs and where to put them.
 */
public final class ModelDownloader {
    /** The public hub. */
    public static final URI HUGGING_FACE = URI.create("https://huggingface.co");
    /** Environment variable that points downloads at a mirror, as the Hugging Face tools read it. */
    public static final String HUB_ENV = "HF_ENDPOINT";

    private final URI hubBase;
    private final HttpClient probeClient;
    private final HttpClient fetchClient;
    private final Duration requestTimeout;

    public ModelDownloader(URI hubBase, Duration connectTimeout) {
        this.hubBase = hubBase;
        this.requestTimeout = connectTimeout.multipliedBy(3);
        this.probeClient = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.fetchClient = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** $HF_ENDPOINT when set, else huggingface.co; 10 s to connect. */
    public static ModelDownloader fromEnvironment() {
        String env = System.getenv(HUB_ENV);
        return new ModelDownloader(env == null || env.isBlank() ? HUGGING_FACE : URI.create(env.trim()), Duration.ofSeconds(10));
    }

    public URI hubBase() {
        return hubBase;
    }

    /**
     * Downloads every file of {@code layout} into {@code folder} (created when absent).
     *
     * @throws IllegalArgumentException when the layout has no published download
     * @throws ModelOfflineException    when the hub cannot be reached
     * @throws IOException              when a file is missing on the hub, fails its checksum or cannot be written
     */
    public Path download(ModelLayout layout, Path folder, DownloadListener listener) throws IOException {
        if (!layout.downloadable()) {
            throw new IllegalArgumentException(layout.name() + " cannot be downloaded: "
                    + (layout.supported() ? layout.howToGet() : layout.unsupportedReason()));
        }
        DownloadListener events = listener == null ? DownloadListener.NONE : listener;
        List<ModelFile> files = layout.files();
        Files.createDirectories(folder);
        Map<String, String> sums = Checksums.read(folder);
        for (int i = 0; i < files.size(); i++) {
            ModelFile file = files.get(i);
            events.fileStarted(file.path(), i, files.size());
            Optional<RemoteFile> remote = probe(layout, file, folder);
            if (remote.isEmpty()) {
                if (file.required()) {
                    throw new IOException(file.path() + " is not on " + hubBase + " (" + layout.fileUri(hubBase, file)
                            + " answered 404); the published layout of " + layout.name() + " has changed");
                }
                continue;
            }
            String expected = !file.sha256().isEmpty() ? file.sha256() : remote.get().sha256();
            Path target = folder.resolve(file.path());
            if (!expected.isEmpty() && Files.isRegularFile(target) && expected.equals(Checksums.sha256(target))) {
                sums.put(file.path(), expected);
                events.fileSkipped(file.path());
                continue;
            }
            sums.put(file.path(), fetch(layout, file, target, expected, remote.get().size(), events));
            Checksums.write(folder, sums);
        }
        Checksums.write(folder, sums);
        return folder;
    }

    private record RemoteFile(String sha256, long size) {
    }

    private Optional<RemoteFile> probe(ModelLayout layout, ModelFile file, Path folder) throws IOException {
        URI uri = layout.fileUri(hubBase, file);
        HttpRequest head = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(requestTimeout).build();
        HttpResponse<Void> response;
        try {
            response = probeClient.send(head, HttpResponse.BodyHandlers.discarding());
        } catch (ConnectException | HttpConnectTimeoutException | UnknownHostException | UnresolvedAddressException e) {
            throw offline(layout, folder, e);
        } catch (HttpTimeoutException e) {
            throw offline(layout, folder, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw offline(layout, folder, e);
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + layout.name() + " interrupted", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status >= 400) {
            throw new IOException(uri + " answered HTTP " + status + "; expected 200 or a redirect");
        }
        String linked = response.headers().firstValue("x-linked-etag").or(() -> response.headers().firstValue("etag")).orElse("");
        String hex = linked.replace("W/", "").replace("\"", "").trim().toLowerCase(Locale.ROOT);
        long size = response.headers().firstValueAsLong("x-linked-size")
                .orElse(response.headers().firstValueAsLong("content-length").orElse(-1));
        return Optional.of(new RemoteFile(hex.matches("[0-9a-f]{64}") ? hex : "", size));
    }

    private String fetch(ModelLayout layout, ModelFile file, Path target, String expected, long size,
                         DownloadListener events) throws IOException {
        URI uri = layout.fileUri(hubBase, file);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest digest = Checksums.newDigest();
        HttpRequest get = HttpRequest.newBuilder(uri).GET().build();
        try {
            HttpResponse<InputStream> response = fetchClient.send(get, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException(uri + " answered HTTP " + response.statusCode() + " to the download; expected 200");
            }
            long total = response.headers().firstValueAsLong("content-length").orElse(size);
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[1 << 16];
                long done = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    done += n;
                    events.bytes(file.path(), done, total);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!expected.isEmpty() && !expected.equals(actual)) {
                throw new IOException(file.path() + ": downloaded data has SHA-256 " + actual + ", expected " + expected
                        + " (from " + (file.sha256().isEmpty() ? "the hub" : "the layout") + "); the download was damaged, try again");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return actual;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + file.path() + " interrupted", e);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private ModelOfflineException offline(ModelLayout layout, Path folder, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String urls = layout.files().stream()
                .map(f -> "  " + layout.fileUri(hubBase, f) + (f.required() ? "" : "   (optional)"))
                .collect(Collectors.joining("\n"));
        String paths = layout.files().stream().map(ModelFile::path).collect(Collectors.joining(", "));
        return new ModelOfflineException("cannot reach " + hubBase + " (" + reason + "): this machine looks offline.\n"
                + "To install " + layout.name() + " by hand, download these files on a machine with network access:\n"
                + urls + "\nand copy them into " + folder + " keeping their paths (" + paths + ").\n"
                + "Then run `djia models check " + folder + " --model " + layout.name() + "`.", cause);
    }
}
