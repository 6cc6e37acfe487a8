package io.djia.generate.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of model files, and the {@code SHA256SUMS} file a download leaves in the model folder (the
 * coreutils format, {@code <64 hex digits>  <relative path>} per line), so a later check finds damaged files.
 */
public final class Checksums {
    /** The checksum file's name inside a model folder. */
    public static final String FILE_NAME = "SHA256SUMS";

    private Checksums() {
    }

    /** SHA-256 of a file in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** The folder's {@code SHA256SUMS} as relative path to hex digest; empty when there is none. */
    public static Map<String, String> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        Map<String, String> sums = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return sums;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String hex = space < 0 ? "" : line.substring(0, space).toLowerCase(Locale.ROOT);
            String path = space < 0 ? "" : line.substring(space).strip();
            path = path.startsWith("*") ? path.substring(1) : path;
            if (!hex.matches("[0-9a-f]{64}") || path.isEmpty()) {
                throw new IOException(file + " line " + (i + 1) + ": expected \"<64 hex digits>  <file>\", got \"" + line + "\"");
            }
            sums.put(path, hex);
        }
        return sums;
    }

    /** Writes the folder's {@code SHA256SUMS} atomically, sorted by path. */
    public static void write(Path folder, Map<String, String> sums) throws IOException {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(sums).forEach((path, hex) -> sb.append(hex).append("  ").append(path).append('\n'));
        Path tmp = Files.createTempFile(folder, FILE_NAME, ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
