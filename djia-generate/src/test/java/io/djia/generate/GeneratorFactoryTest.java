package io.djia.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.generate.procedural.ProceduralGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GeneratorFactoryTest {
    @Test
    void defaultsToTheProceduralEngine() {
        try (Generator g = GeneratorFactory.create(GeneratorOptions.defaults())) {
            assertInstanceOf(ProceduralGenerator.class, g);
            assertEquals("procedural", g.name());
            assertFalse(g.isNeural());
        }
        assertInstanceOf(ProceduralGenerator.class, GeneratorFactory.create(null));
        assertInstanceOf(ProceduralGenerator.class, GeneratorFactory.create(new GeneratorOptions("  Procedural ", null, null, 0)));
        assertEquals("procedural", new GeneratorOptions(null, null, null, 0).engine());
    }

    @Test
    void unknownEngineNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneratorFactory.create(GeneratorOptions.defaults().withEngine("wavenet-9000")));
        assertTrue(e.getMessage().contains("wavenet-9000"), e.getMessage());
        assertTrue(e.getMessage().contains("procedural"), e.getMessage());
        assertTrue(GeneratorFactory.engines().contains("procedural"));
    }

    @Test
    void optionsValidateAndCopy() {
        GeneratorOptions o = GeneratorOptions.defaults().withModelDir(Path.of("/models")).withModelName("musicgen-small").withThreads(2);
        assertEquals(Path.of("/models"), o.modelDir());
        assertEquals("musicgen-small", o.modelName());
        assertEquals(2, o.threads());
        assertThrows(IllegalArgumentException.class, () -> o.withThreads(-1));
    }
}
