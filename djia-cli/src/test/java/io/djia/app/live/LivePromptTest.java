package io.djia.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.app.render.VoiceSource;
import io.djia.core.profile.ProfileLibrary;
import io.djia.generate.brain.RuleBrain;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt's commands, typed into a headless engine on its own clock, and what they change in the set. */
class LivePromptTest {
    private static final int RATE = 44_100;

    private static long bars(int n, double bpm) {
        return Math.round(n * 4 * 60.0 / bpm * RATE);
    }

    @Test
    void commandsChangeTempoKeyStemsAndLayersAndQuitStopsReading() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        LiveSettings settings = LiveSettings.defaults(ProfileLibrary.load("techno_minimal"), 5).withAutoPilot(false);
        try (LiveEngine engine = new LiveEngine(settings, new ClickGenerator(), new RuleBrain(), VoiceSource.NONE,
                null, log::add)) {
            HeadlessDriver driver = new HeadlessDriver(engine, new VirtualTime(0), null, null, true);
            engine.submit(new LiveRequest.Next());
            driver.run(bars(3, 126));
            LiveStatus before = engine.status();
            assertFalse(before.layers().isEmpty(), "the first decision started layers: " + log);
            assertEquals(126, before.bpm(), 1e-9);
            String first = before.layers().get(0).layerId();

            StringWriter out = new StringWriter();
            LivePrompt prompt = new LivePrompt(engine, LivePrompt.streams(new StringReader(
                    "layers\nb 130\nk F minor\ns drums,bass\nremove 1\nb 500\nk H minor\ns drums,tuba\nq\nb 90\n"), out));
            assertTrue(prompt.run(), "q ends the prompt");
            String printed = out.toString();
            for (LiveStatus.LayerInfo layer : before.layers()) {
                assertTrue(printed.contains(layer.layerId()), "`layers` lists " + layer.layerId() + ":\n" + printed);
            }
            assertTrue(printed.contains("tempo must be 40..240 BPM, got 500"), printed);
            assertTrue(printed.contains("unknown stem \"tuba\""), printed);
            assertTrue(printed.toLowerCase().contains("h minor"), "a bad key is reported:\n" + printed);

            driver.run(bars(2, 126));
            LiveStatus after = engine.status();
            assertEquals(130, after.bpm(), 1e-9, "b 130 moved the clock; `b 90` after q was never read");
            assertEquals(130, after.clipBpm(), 1e-9);
            assertEquals("F minor", after.key());
            assertEquals(List.of("drums", "bass"), after.stems());
            assertTrue(after.layers().stream().noneMatch(l -> l.layerId().equals(first)), first + " was removed: "
                    + after.layers());
            for (LiveStatus.LayerInfo layer : after.layers()) {
                assertEquals(130, layer.clipBpm(), 1e-9, layer.layerId() + " was remade for the new tempo");
            }

            // Enter: the brain fills the gap, with the stems asked for and at the new tempo.
            long enterBar = engine.status().bar();
            new LivePrompt(engine, LivePrompt.streams(new StringReader("\n"), out)).run();
            driver.run(bars(2, 130));
            List<LiveStatus.LayerInfo> added = engine.status().layers().stream()
                    .filter(l -> l.startedBar() > enterBar).toList();
            assertFalse(added.isEmpty(), "Enter made the brain add a loop: " + String.join("\n", log));
            for (LiveStatus.LayerInfo layer : added) {
                assertEquals(List.of("drums", "bass"), layer.stems(), layer.toString());
                assertEquals(130, layer.clipBpm(), 1e-9, layer.toString());
            }
        }
    }

    @Test
    void stylesResolveByPartOfTheirName() {
        assertEquals("downtempo_ambient", LivePrompt.style("ambient").name());
        assertEquals("dub", LivePrompt.style("dub").name());
        IllegalArgumentException none = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> LivePrompt.style("polka"));
        assertTrue(none.getMessage().contains("techno_minimal"), none.getMessage());
    }
}
