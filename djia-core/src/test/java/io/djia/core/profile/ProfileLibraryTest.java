package io.djia.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.fx.EffectSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLibraryTest {
    @Test
    void allTenBuiltInsLoadWithTheSeedTempi() {
        Map<String, Double> bpm = Map.of("techno_minimal", 126.0, "experimental", 130.0, "rock", 120.0, "hip_hop", 90.0,
                "jungle_dnb", 174.0, "dub", 70.0, "deep_house", 124.0, "downtempo_ambient", 85.0, "classical", 110.0,
                "trip_hop", 95.0);
        assertEquals(10, ProfileLibrary.builtIns().size());
        for (StyleProfile p : ProfileLibrary.builtIns()) {
            assertEquals(bpm.get(p.name()), p.bpm(), 1e-9, p.name());
            assertEquals(1, p.layerTypesWithRole(LayerRole.RHYTHM).size(), p.name() + " has one main rhythm type");
            assertTrue(p.phases().size() >= 4, p.name());
        }
        assertEquals("Eb minor", ProfileLibrary.load("deep_house").parsedKey().displayName());
        assertTrue(ProfileLibrary.load("experimental").parsedKey().atonal());
    }

    @Test
    void effectsReadFromSnakeCase() {
        StyleProfile techno = ProfileLibrary.load("techno_minimal");
        EffectSpec hpf = techno.masterEffects().get(0);
        assertEquals(EffectSpec.Type.HPF, hpf.type());
        assertEquals(40.0, hpf.cutoffHz(), 1e-9);
    }

    @Test
    void unknownNameListsValidNames() {
        UnknownProfileException e = assertThrows(UnknownProfileException.class, () -> ProfileLibrary.load("polka"));
        assertTrue(e.getMessage().contains("techno_minimal"));
        assertTrue(e.getMessage().contains("polka"));
    }

    @Test
    void userFileIsReadAndBadFileExplained(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("mine.json");
        String json = ProfileLibrary.mapper().writeValueAsString(ProfileLibrary.load("dub").withBpm(75));
        Files.writeString(own, json);
        assertEquals(75.0, ProfileLibrary.load(own.toString()).bpm(), 1e-9);

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.replace("\"D minor\"", "\"H minor\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileLibrary.load(bad.toString()));
        assertTrue(e.getMessage().contains("H minor"), e.getMessage());
    }
}
