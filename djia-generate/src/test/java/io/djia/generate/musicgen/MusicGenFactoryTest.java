package io.djia.generate.musicgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.generate.Generator;
import io.djia.generate.GeneratorFactory;
import io.djia.generate.GeneratorOptions;
import io.djia.generate.models.ModelFolderException;
import io.djia.generate.procedural.ProceduralGenerator;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusicGenFactoryTest {
    @Test
    void everyMusicGenNameIsAnEngineAndProceduralStaysTheDefault() {
        assertTrue(GeneratorFactory.engines().containsAll(
                java.util.List.of("procedural", "musicgen", "musicgen-small", "musicgen-medium", "musicgen-large")));
        assertInstanceOf(ProceduralGenerator.class, GeneratorFactory.create(GeneratorOptions.defaults()));
    }

    @Test
    void opensAFolderThroughTheFactory(@TempDir Path dir) throws IOException {
        TinyMusicGen.standard().write(dir);
        try (Generator g = GeneratorFactory.create(GeneratorOptions.defaults().withEngine("MusicGen").withModelDir(dir).withThreads(1))) {
            assertInstanceOf(MusicGenOnnxGenerator.class, g);
            assertEquals("musicgen", g.name());
            assertTrue(g.isNeural());
            assertFalse(g.outputIsOnGrid());
            assertEquals(2, ((MusicGenOnnxGenerator) g).dims().decoderLayers());
        }
    }

    @Test
    void aMissingFolderSaysWhatToDo(@TempDir Path dir) {
        Path nowhere = dir.resolve("musicgen-small");
        ModelFolderException e = assertThrows(ModelFolderException.class, () -> GeneratorFactory.create(
                GeneratorOptions.defaults().withEngine("musicgen-small").withModelDir(nowhere)));
        assertTrue(e.getMessage().contains(nowhere.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("djia models download musicgen-small"), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e);
    }

    @Test
    void optionsComeFromTheFactoryOptions() {
        MusicGenOptions o = MusicGenOptions.from(GeneratorOptions.defaults().withEngine("musicgen-large").withThreads(3));
        assertEquals("musicgen-large", o.modelName());
        assertTrue(o.modelDir().endsWith("musicgen-large"));
        assertEquals(3, o.threads());
        assertEquals(3.0, o.guidanceScale());
        assertEquals(250, o.topK());
        assertTrue(Double.isNaN(o.temperature()));
        assertEquals("musicgen-medium",
                MusicGenOptions.from(GeneratorOptions.defaults().withEngine("musicgen").withModelName("musicgen-medium")).modelName());
        assertThrows(IllegalArgumentException.class, () -> o.withTopK(0));
        assertThrows(IllegalArgumentException.class, () -> o.withGuidanceScale(Double.NaN));
    }
}
