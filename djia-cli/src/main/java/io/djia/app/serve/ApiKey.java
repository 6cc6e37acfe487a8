package io.djia.app.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared secret clients send in the {@code X-API-Key} header. Only its SHA-256 digest is kept, and a presented
 * key is compared digest to digest with {@link MessageDigest#isEqual}, whose time does not depend on where the
 * bytes differ; hashing first also hides the key's length. Immutable and thread-safe.
 */
public final class ApiKey {
    /** The request header that carries the key, as in the original API. */
    public static final String HEADER = "X-API-Key";
    /** The environment variable read when no key file is given. */
    public static final String ENV = "DJIA_API_KEY";
    /** Shorter keys are guessable; 16 characters of hex already give 64 bits. */
    public static final int MIN_LENGTH = 16;
    private static final int MAX_LENGTH = 512;

    private final byte[] digest;

    private ApiKey(byte[] digest) {
        this.digest = digest;
    }

    /**
     * A key from its text.
     *
     * @throws IllegalArgumentException when it is shorter than {@value #MIN_LENGTH} characters or holds characters
     *                                  an HTTP header cannot carry (spaces, controls, non-ASCII)
     */
    public static ApiKey of(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || secret.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the API key must be " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " characters long (e.g. the output of `openssl rand -hex 24`), got "
                    + (secret == null ? 0 : secret.length()));
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("the API key may hold only printable ASCII without spaces"
                        + " (it travels in the " + HEADER + " header); character " + (i + 1) + " is not");
            }
        }
        return new ApiKey(sha256(secret));
    }

    /**
     * The key from {@code keyFile} when given (its first line), else from {@code env}'s {@value #ENV}, else none.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable or empty, or the key is invalid
     */
    public static Optional<ApiKey> resolve(Path keyFile, Map<String, String> env) {
        if (keyFile != null) {
            if (!Files.isRegularFile(keyFile)) {
                throw new IllegalArgumentException("API key file not found: " + keyFile);
            }
            String text;
            try {
                text = Files.readString(keyFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("API key file " + keyFile + " is unreadable: " + e.getMessage(), e);
            }
            String line = text.strip().lines().findFirst().orElse("").strip();
            if (line.isEmpty()) {
                throw new IllegalArgumentException("API key file " + keyFile + " is empty; put the key on its first line");
            }
            return Optional.of(of(line));
        }
        String fromEnv = env == null ? null : env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(of(fromEnv.strip()));
        }
        return Optional.empty();
    }

    /** A warning when a key file can be read by other users, empty when it cannot or permissions are unknown. */
    public static Optional<String> permissionWarning(Path keyFile) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("API key file " + keyFile + " is readable by other users; chmod 600 it");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to say.
        }
        return Optional.empty();
    }

    /** Whether {@code presented} is this key, in time independent of the key's content. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKey[hidden]";
    }
}
