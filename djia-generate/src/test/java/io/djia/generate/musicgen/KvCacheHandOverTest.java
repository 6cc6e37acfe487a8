package io.djia.generate.musicgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KvCacheHandOverTest {
    @Test
    void decoderCacheComesFromTheLastStepAndCrossAttentionFromTheFirst() {
        // Outputs deliberately not in layer order: the hand-over must go by name.
        List<String> outputs = new ArrayList<>(List.of("logits",
                "present.1.encoder.value", "present.1.encoder.key", "present.1.decoder.value", "present.1.decoder.key",
                "present.0.decoder.key", "present.0.decoder.value", "present.0.encoder.key", "present.0.encoder.value"));
        KvCacheHandOver handOver = new KvCacheHandOver(2, outputs);
        Map<String, String> inputs = new HashMap<>();
        handOver.firstStep(inputs, "empty");
        assertEquals(8, inputs.size());
        assertTrue(inputs.values().stream().allMatch("empty"::equals));

        handOver.nextStep(inputs, i -> "previous:" + outputs.get(i), i -> "first:" + outputs.get(i));
        assertEquals(8, inputs.size());
        assertEquals("previous:present.0.decoder.key", inputs.get("past_key_values.0.decoder.key"));
        assertEquals("previous:present.1.decoder.value", inputs.get("past_key_values.1.decoder.value"));
        assertEquals("first:present.0.encoder.value", inputs.get("past_key_values.0.encoder.value"));
        assertEquals("first:present.1.encoder.key", inputs.get("past_key_values.1.encoder.key"));
    }

    @Test
    void missingPresentOutputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KvCacheHandOver(1,
                List.of("logits", "present.0.decoder.key", "present.0.decoder.value", "present.0.encoder.key")));
        assertTrue(e.getMessage().contains("present.0.encoder.value"), e.getMessage());
    }
}
