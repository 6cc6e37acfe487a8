package io.djia.app.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * The JSON bodies of the API, as records written and read in snake_case ({@code queue_length},
 * {@code stems_used}). The client reads them with {@link #mapper()}, which ignores fields it does not know, so a
 * newer server may add fields without breaking older clients.
 */
public final class ApiBodies {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ApiBodies() {
    }

    /** The mapper every body is written and read with. Thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * {@code GET /health}.
     *
     * @param status         "ok", or "draining" while the server shuts down
     * @param modelsLoaded   whether the generator and brain are loaded (always true once the server answers)
     * @param queueLength    requests waiting for a worker
     * @param queueCapacity  most requests that may wait; beyond it the server answers 429
     * @param running        generations in progress
     * @param sampleRate     rate of every generated loop, Hz
     * @param uptimeSeconds  seconds since the server started
     */
    public record Health(String status, String version, boolean modelsLoaded, String generator,
                         boolean generatorNeural, String brain, int queueLength, int queueCapacity, int running,
                         int workers, int sampleRate, boolean apiKeyRequired, double uptimeSeconds) {
    }

    /** A layer type of a style and its role in the mix (rhythm, bass, harmony...). */
    public record LayerTypeInfo(String name, String role) {
    }

    /** One style of {@code GET /profiles}. */
    public record Profile(String name, String description, double bpm, String key, String camelot, int beatsPerBar,
                          int loopBars, List<LayerTypeInfo> layerTypes, List<String> phases, List<String> keywords) {
    }

    /** {@code GET /profiles}. */
    public record Profiles(List<Profile> profiles) {
    }

    /**
     * {@code POST /generate} as JSON. {@code llm_reasoning} repeats {@code reasoning} under the original API's name.
     *
     * @param audioData         the loop as a WAV file (16-bit PCM), base64
     * @param duration          seconds, exactly {@code measures} bars at {@code bpm}
     * @param stemsUsed         the stems the audio holds ("all": the whole generated loop)
     * @param preferredStems    the stems the client or the brain asked for
     * @param decision          the brain's manage_layer decision as applied (decision JSON)
     * @param generationSeconds time the worker spent on this loop
     */
    public record Generated(String requestId, String audioData, String audioFormat, double duration, double bpm,
                            String key, List<String> stemsUsed, List<String> preferredStems, int sampleRate,
                            int channels, long frames, int measures, String style, String layerType, long seed,
                            String reasoning, String llmReasoning, JsonNode decision, String generator, String brain,
                            double generationSeconds) {
    }

    /**
     * Every error reply.
     *
     * @param status  the HTTP status again, for clients that lose it
     * @param error   a stable code ("invalid_field", "queue_full", "unauthorized"...)
     * @param field   the request field to blame, when one is
     * @param message what was wrong and what was expected
     */
    public record Error(int status, String error, String field, String message) {
    }
}
