package io.djia.app.serve;

import static io.djia.app.serve.ServerFixture.KEY;
import static io.djia.app.serve.ServerFixture.assertError;
import static io.djia.app.serve.ServerFixture.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Tempo;
import io.djia.core.wav.WavFile;
import io.djia.core.wav.WavReader;
import io.djia.generate.procedural.ProceduralGenerator;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API over real HTTP on a loopback port, with the procedural generator and the rule brain. */
class LoopServerTest {
    private static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.procedural();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void healthNeedsNoKeyAndReportsEnginesAndQueue() throws Exception {
        HttpResponse<byte[]> r = fx.get("/health", null);
        assertEquals(200, r.statusCode());
        JsonNode h = json(r);
        assertEquals("ok", h.get("status").asText());
        assertTrue(h.get("models_loaded").asBoolean());
        assertEquals("procedural", h.get("generator").asText());
        assertEquals("rules", h.get("brain").asText());
        assertEquals(0, h.get("queue_length").asInt());
        assertEquals(ServeOptions.DEFAULT_QUEUE, h.get("queue_capacity").asInt());
        assertEquals(44_100, h.get("sample_rate").asInt());
        assertTrue(h.get("api_key_required").asBoolean());
        assertTrue(h.hasNonNull("version"));
    }

    @Test
    void generatesTheAskedLayerExactlyTheAskedBarsLong() throws Exception {
        HttpResponse<byte[]> r = fx.generate("{\"style\": \"techno_minimal\", \"prompt\": \"deep rolling bass\","
                + " \"bpm\": 120, \"measures\": 2, \"seed\": 7}");
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode g = json(r);
        // 2 bars of 4 beats at 120 BPM are 4 s: 176 400 frames at 44.1 kHz.
        assertEquals(4.0, g.get("duration").asDouble(), 1e-9);
        assertEquals(176_400, g.get("frames").asLong());
        assertEquals(120.0, g.get("bpm").asDouble());
        assertEquals("C minor", g.get("key").asText());
        assertEquals(2, g.get("measures").asInt());
        assertEquals("bass", g.get("layer_type").asText(), "the rule brain honours a layer type named in the prompt");
        assertEquals("manage_layer", g.get("decision").get("action_type").asText());
        assertEquals("bass", g.get("decision").get("sample_details").get("type").asText());
        assertEquals(2, g.get("decision").get("sample_details").get("measures").asInt());
        assertEquals(List.of("all"), List.of(g.get("stems_used").get(0).asText()));
        assertTrue(g.get("reasoning").asText().contains("deep rolling bass"), g.get("reasoning").asText());
        assertEquals(g.get("reasoning").asText(), g.get("llm_reasoning").asText());
        assertEquals(7, g.get("seed").asLong());

        WavFile wav = WavReader.read(new ByteArrayInputStream(Base64.getDecoder().decode(g.get("audio_data").asText())), "reply");
        assertEquals(g.get("sample_rate").asInt(), wav.audio().sampleRate(), "sample_rate is the WAV's real rate");
        assertEquals(2, wav.audio().channels());
        assertEquals(Tempo.of(120).framesOfBars(2, 44_100), wav.audio().frames());
        assertTrue(20 * Math.log10(wav.audio().rms()) > -40, "a bass loop is not silence");
    }

    @Test
    void rawWavHasTheSameBytesAsTheJsonReplyAndTheSameSeedRepeats() throws Exception {
        String body = "{\"style\": \"dub\", \"prompt\": \"skanks\", \"measures\": 1, \"seed\": 99}";
        HttpResponse<byte[]> asJson = fx.generate(body);
        HttpResponse<byte[]> asWav = fx.generate(body, "Accept", "audio/wav");
        assertEquals(200, asWav.statusCode());
        assertEquals("audio/wav", asWav.headers().firstValue("Content-Type").orElse(""));
        byte[] fromJson = Base64.getDecoder().decode(json(asJson).get("audio_data").asText());
        assertArrayEquals(fromJson, asWav.body(), "same request and seed, same WAV bytes");
        assertEquals("44100", asWav.headers().firstValue("X-Djia-Sample-Rate").orElseThrow());
        assertEquals("skanks", asWav.headers().firstValue("X-Djia-Layer-Type").orElseThrow());
        assertEquals("99", asWav.headers().firstValue("X-Djia-Seed").orElseThrow());
        assertEquals(Tempo.of(70).secondsPerBar(), Double.parseDouble(asWav.headers().firstValue("X-Djia-Duration").orElseThrow()),
                1e-9);

        HttpResponse<byte[]> otherSeed = fx.generate(body.replace("99", "100"), "Accept", "audio/wav");
        assertFalse(java.util.Arrays.equals(asWav.body(), otherSeed.body()), "another seed, another loop");
    }

    @Test
    void aKeyInThePromptCountsOnlyWhenTheRequestLeavesTheKeyOpen() throws Exception {
        JsonNode fromPrompt = json(fx.generate("{\"style\": \"deep_house\", \"prompt\": \"pad in the key of F minor\","
                + " \"measures\": 1, \"seed\": 1}"));
        assertEquals("F minor", fromPrompt.get("key").asText());
        JsonNode explicit = json(fx.generate("{\"style\": \"deep_house\", \"prompt\": \"pad in the key of F minor\","
                + " \"key\": \"A minor\", \"measures\": 1, \"seed\": 1}"));
        assertEquals("A minor", explicit.get("key").asText());
    }

    @Test
    void missingKeyIs401AndWrongKeyIs403OnEveryEndpointButHealth() throws Exception {
        for (String path : List.of("/profiles", "/openapi.json")) {
            HttpResponse<byte[]> missing = fx.get(path, null);
            assertError(missing, 401, "missing_api_key", null);
            assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").contains(ApiKey.HEADER));
            assertError(fx.get(path, "not-the-key-0123456789"), 403, "wrong_api_key", null);
            assertEquals(200, fx.get(path, KEY).statusCode());
        }
        HttpRequest noKey = fx.request("/generate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"style\": \"rock\"}")).build();
        assertError(fx.http.send(noKey, HttpResponse.BodyHandlers.ofByteArray()), 401, "missing_api_key", null);
        HttpRequest wrongKey = fx.request("/generate").header("Content-Type", "application/json")
                .header(ApiKey.HEADER, KEY + "x").POST(HttpRequest.BodyPublishers.ofString("{\"style\": \"rock\"}")).build();
        assertError(fx.http.send(wrongKey, HttpResponse.BodyHandlers.ofByteArray()), 403, "wrong_api_key", null);
        assertEquals(200, fx.get("/health", "wrong").statusCode());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        String message = assertError(fx.generate("{\"style\": \"rock\", "), 400, "malformed_json", null);
        assertTrue(message.contains("not valid JSON"), message);
        assertError(fx.generate("[1, 2]"), 400, "malformed_json", null);
        assertError(fx.generate(""), 400, "malformed_json", null);
        assertError(fx.generate("{\"style\": \"rock\", \"style\": \"dub\"}"), 400, "malformed_json", null);
    }

    @Test
    void outOfRangeFieldsAre400NamingTheField() throws Exception {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("bpm", "{\"style\": \"rock\", \"bpm\": 500}"),
                Map.entry("measures", "{\"style\": \"rock\", \"measures\": 3}"),
                Map.entry("intensity", "{\"style\": \"rock\", \"intensity\": 11}"),
                Map.entry("key", "{\"style\": \"rock\", \"key\": \"H minor\"}"),
                Map.entry("seed", "{\"style\": \"rock\", \"seed\": 1.5}"),
                Map.entry("prompt", "{\"style\": \"rock\", \"prompt\": \"line\\nbreak\"}"),
                Map.entry("preferred_stems", "{\"style\": \"rock\", \"preferred_stems\": [\"guitar\"]}"),
                Map.entry("model_path", "{\"style\": \"rock\", \"model_path\": \"/etc/passwd\"}"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String message = assertError(fx.generate(c.getValue()), 400, "invalid_field", c.getKey());
            assertTrue(message.startsWith(c.getKey() + ": "), message);
        }
        String message = assertError(fx.generate("{\"prompt\": \"bass\"}"), 400, "invalid_field", "style");
        assertTrue(message.contains("techno_minimal"), "lists the valid styles: " + message);
    }

    @Test
    void aStyleIsNeverAPathOnTheServer() throws Exception {
        for (String style : List.of("../../etc/passwd", "/tmp/profile.json", "techno_minimal.json")) {
            String message = assertError(fx.generate("{\"style\": \"" + style + "\"}"), 400, "invalid_field", "style");
            assertTrue(message.contains("unknown style"), message);
        }
    }

    @Test
    void oversizedBodiesAre413WhetherDeclaredOrStreamed() throws Exception {
        String big = "{\"style\": \"rock\", \"prompt\": \"" + "x".repeat(ServeOptions.DEFAULT_MAX_BODY_BYTES) + "\"}";
        assertError(fx.generate(big), 413, "body_too_large", null);
        // Without a Content-Length the body arrives chunked and is cut at the limit while reading.
        byte[] bytes = big.getBytes();
        HttpRequest chunked = fx.request("/generate").header("Content-Type", "application/json").header(ApiKey.HEADER, KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        assertError(fx.http.send(chunked, HttpResponse.BodyHandlers.ofByteArray()), 413, "body_too_large", null);
        assertEquals(200, fx.get("/health", null).statusCode(), "the server is fine afterwards");
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() throws Exception {
        assertError(fx.get("/nothing", KEY), 404, "not_found", null);
        assertError(fx.get("/generate", KEY), 405, "method_not_allowed", null);
        HttpRequest text = fx.request("/generate").header("Content-Type", "text/plain").header(ApiKey.HEADER, KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertError(fx.http.send(text, HttpResponse.BodyHandlers.ofByteArray()), 415, "unsupported_media_type", null);
        HttpRequest cancel = fx.request("/generate/nobody").header(ApiKey.HEADER, KEY).DELETE().build();
        assertError(fx.http.send(cancel, HttpResponse.BodyHandlers.ofByteArray()), 404, "unknown_request", null);
    }

    @Test
    void profilesListTheBuiltInStyles() throws Exception {
        JsonNode profiles = json(fx.get("/profiles", KEY)).get("profiles");
        assertEquals(10, profiles.size());
        JsonNode techno = profiles.get(0);
        assertEquals("techno_minimal", techno.get("name").asText());
        assertEquals(126.0, techno.get("bpm").asDouble());
        assertEquals("C minor", techno.get("key").asText());
        assertEquals("rhythm", techno.get("layer_types").get(0).get("role").asText());
    }

    @Test
    void openApiDescribesEveryEndpointAndEveryReplyField() throws Exception {
        JsonNode api = json(fx.get("/openapi.json", KEY));
        assertTrue(api.get("openapi").asText().startsWith("3."));
        for (String path : List.of("/health", "/profiles", "/generate", "/generate/{request_id}", "/openapi.json")) {
            assertTrue(api.get("paths").has(path), path);
        }
        assertTrue(api.get("paths").get("/health").get("get").get("security").isEmpty(), "health needs no key");
        JsonNode schemas = api.get("components").get("schemas");
        assertDocumented(schemas.get("Generated"), ApiBodies.Generated.class);
        assertDocumented(schemas.get("Health"), ApiBodies.Health.class);
        assertDocumented(schemas.get("Error"), ApiBodies.Error.class);
        List<String> requestFields = new ArrayList<>();
        schemas.get("GenerateRequest").get("properties").fieldNames().forEachRemaining(requestFields::add);
        assertEquals(LoopRequestJson.FIELDS, java.util.Set.copyOf(requestFields));
    }

    private static void assertDocumented(JsonNode schema, Class<? extends Record> body) {
        var naming = new PropertyNamingStrategies.SnakeCaseStrategy();
        for (var component : body.getRecordComponents()) {
            String name = naming.translate(component.getName());
            assertTrue(schema.get("properties").has(name), body.getSimpleName() + "." + name + " is not in openapi.json");
        }
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutAKey() {
        ServeOptions open = ServeOptions.defaults().withHost("0.0.0.0").withPort(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopServer.start(open, new LoopService(new ProceduralGenerator(),
                        new io.djia.generate.brain.RuleBrain()), null));
        assertTrue(e.getMessage().contains(ApiKey.ENV) && e.getMessage().contains("--insecure-no-key"), e.getMessage());
    }

    @Test
    void loopsAreStereoAt441kHzForEveryStyle() throws Exception {
        for (String style : io.djia.core.profile.ProfileLibrary.BUILT_IN) {
            HttpResponse<byte[]> r = fx.generate("{\"style\": \"" + style + "\", \"measures\": 1, \"seed\": 3}",
                    "Accept", "audio/wav");
            assertEquals(200, r.statusCode(), style + ": " + new String(r.body()));
            AudioBuffer audio = WavReader.read(new ByteArrayInputStream(r.body()), style).audio();
            double bpm = Double.parseDouble(r.headers().firstValue("X-Djia-Bpm").orElseThrow());
            assertEquals(44_100, audio.sampleRate(), style);
            assertEquals(2, audio.channels(), style);
            assertEquals(Tempo.of(bpm).framesOfBars(1, 44_100), audio.frames(), style);
        }
    }
}
