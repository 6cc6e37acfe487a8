package io.djia.generate.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.profile.LayerType;
import io.djia.core.profile.Phase;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionGrammarTest {
    @Test
    void everyRecordFieldAndProfileNameIsInTheGrammar() {
        for (StyleProfile profile : ProfileLibrary.builtIns()) {
            String g = DecisionGrammar.forState(profile, List.of(
                    new SetState.ActiveLayer("bass_1", "bass", List.of("bass"), 0.8, 0, 4)));
            for (Class<?> type : List.of(ManageLayer.class, ManageLayer.SampleDetails.class,
                    ManageLayer.PlaybackParams.class, Speech.class, SetPhase.class, SetTempo.class, SetKey.class)) {
                for (RecordComponent c : type.getRecordComponents()) {
                    assertTrue(g.contains("\\\"" + DecisionGrammar.snake(c.getName()) + "\\\":"),
                            type.getSimpleName() + "." + c.getName() + " missing from the grammar");
                }
            }
            for (LayerType t : profile.layerTypes()) {
                assertTrue(g.contains("\"\\\"" + t.name() + "\\\"\""), t.name());
            }
            for (Phase p : profile.phases()) {
                assertTrue(g.contains("\"\\\"" + p.name() + "\\\"\""), p.name());
            }
            assertTrue(g.contains("playing-id ::= (\"\\\"bass_1\\\"\")"), "removes name the playing layer");
        }
    }

    @Test
    void removeIsOnlyOfferedWhenSomethingPlays() {
        String g = DecisionGrammar.forState(ProfileLibrary.load("dub"), List.of());
        assertFalse(g.contains("remove"), g);
        assertTrue(g.startsWith("root ::= add | speech"));
    }

    @Test
    void structuralCheckCatchesBrokenGrammars() {
        assertEquals("grammar references undefined rules [value]",
                assertThrows(IllegalStateException.class, () -> DecisionGrammar.check("root ::= \"a\" value\n")).getMessage());
        assertThrows(IllegalStateException.class, () -> DecisionGrammar.check("start ::= \"a\"\n"));
        assertThrows(IllegalStateException.class, () -> DecisionGrammar.check("root ::= \"a\n"));
        assertThrows(IllegalStateException.class, () -> DecisionGrammar.check("root ::= [a-z\n"));
        assertThrows(IllegalStateException.class, () -> DecisionGrammar.check("root ::= [a-z]{x}\n"));
        DecisionGrammar.check("root ::= \"[\" x{0,3} \"\\\"]\"\nx ::= [a-z\\]]\n");
    }
}
