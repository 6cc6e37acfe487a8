package io.djia.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyTest {
    private static final String SECRET = "0123456789abcdef0123";

    @Test
    void matchesOnlyTheExactKey() {
        ApiKey key = ApiKey.of(SECRET);
        assertTrue(key.matches(SECRET));
        assertFalse(key.matches(SECRET + "4"));
        assertFalse(key.matches(SECRET.substring(1)));
        assertFalse(key.matches(SECRET.toUpperCase()));
        assertFalse(key.matches(""));
        assertFalse(key.matches(null));
        assertFalse(key.toString().contains(SECRET));
    }

    @Test
    void rejectsShortOrUnprintableKeys() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKey.of("short")).getMessage().contains("16"));
        assertThrows(IllegalArgumentException.class, () -> ApiKey.of("0123456789 abcdef0123"));
        assertThrows(IllegalArgumentException.class, () -> ApiKey.of("0123456789abcdef\u00e9"));
    }

    @Test
    void theFileWinsOverTheEnvironmentWhichWinsOverNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, SECRET + "\n");
        Map<String, String> env = Map.of(ApiKey.ENV, "env-key-0123456789abc");
        assertTrue(ApiKey.resolve(file, env).orElseThrow().matches(SECRET));
        assertTrue(ApiKey.resolve(null, env).orElseThrow().matches("env-key-0123456789abc"));
        assertEquals(Optional.empty(), ApiKey.resolve(null, Map.of()));

        Files.writeString(file, "\n  \n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKey.resolve(file, env)).getMessage()
                .contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKey.resolve(dir.resolve("none"), env))
                .getMessage().contains("not found"));
    }
}
