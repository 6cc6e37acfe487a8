package io.djia.core.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built-in style profiles, and loading of a user's own profile file. Thread-safe. */
public final class ProfileLibrary {
    /** Built-in profile names, in display order. */
    public static final List<String> BUILT_IN = List.of("techno_minimal", "experimental", "rock", "hip_hop",
            "jungle_dnb", "dub", "deep_house", "downtempo_ambient", "classical", "trip_hop");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProfileLibrary() {
    }

    /** The Jackson mapper profiles are read with (snake_case names). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * A built-in profile by name, or a profile file when {@code nameOrPath} names an existing file or ends in ".json".
     *
     * @throws UnknownProfileException when it is neither, listing the valid names
     */
    public static StyleProfile load(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new UnknownProfileException("", BUILT_IN);
        }
        Path path = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json") || Files.isRegularFile(path)) {
            return loadFile(path);
        }
        String name = nameOrPath.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        if (!BUILT_IN.contains(name)) {
            throw new UnknownProfileException(nameOrPath, BUILT_IN);
        }
        try (InputStream in = ProfileLibrary.class.getResourceAsStream("profiles/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in profile resource missing: " + name);
            }
            return JSON.readValue(in, StyleProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in profile " + name + " is unreadable", e);
        }
    }

    /** Reads a profile file; errors name the file and what is wrong. */
    public static StyleProfile loadFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("profile file not found: " + path);
        }
        try {
            return JSON.readValue(path.toFile(), StyleProfile.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("profile file " + path + " is invalid: " + cause.getMessage(), e);
        }
    }

    /** All built-in profiles. */
    public static List<StyleProfile> builtIns() {
        List<StyleProfile> out = new ArrayList<>();
        for (String name : BUILT_IN) {
            out.add(load(name));
        }
        return out;
    }
}
