package io.djia.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.app.render.MemorySink;
import io.djia.app.render.VoiceSource;
import io.djia.app.serve.LoopServer;
import io.djia.app.serve.RemoteClientOptions;
import io.djia.app.serve.RemoteGeneratorClient;
import io.djia.app.serve.ServeOptions;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.ProfileLibrary;
import io.djia.generate.brain.RuleBrain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loops made on a `djia serve` server over loopback; when the server goes away the set plays on. */
class LiveRemoteTest {
    private static final int RATE = 44_100;

    private static double rms(AudioBuffer audio, int from, int to) {
        double sum = 0;
        for (int c = 0; c < 2; c++) {
            float[] x = audio.channel(c);
            for (int i = from; i < to; i++) {
                sum += x[i] * (double) x[i];
            }
        }
        return Math.sqrt(sum / (2.0 * (to - from)));
    }

    @Test
    void loopsComeFromTheServerAndTheSetPlaysOnWhenItIsDown() throws Exception {
        LoopServer server = LoopServer.start(ServeOptions.defaults().withPort(0)
                .withShutdownGrace(Duration.ofMillis(200)), line -> { });
        RemoteClientOptions clientOptions = RemoteClientOptions.of(server.baseUri().toString(), null, Map.of())
                .withRetries(2, Duration.ofMillis(20), Duration.ofMillis(50))
                .withConnectTimeout(Duration.ofMillis(500))
                .withRequestTimeout(Duration.ofSeconds(30));
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        double barFrames = 4 * 60.0 / 126 * RATE;
        long total = Math.round(8 * barFrames);
        MemorySink out = new MemorySink(2, total + 4096, RATE);
        LiveSettings settings = LiveSettings.defaults(ProfileLibrary.load("techno_minimal"), 4).withAutoPilot(false);
        try (RemoteGenerator generator = new RemoteGenerator(new RemoteGeneratorClient(clientOptions));
             LiveEngine engine = new LiveEngine(settings, generator, new RuleBrain(), VoiceSource.NONE, null,
                     log::add)) {
            HeadlessDriver driver = new HeadlessDriver(engine, new VirtualTime(0), null, out, true);
            engine.submit(new LiveRequest.Next());
            driver.run(Math.round(4 * barFrames));
            List<LiveStatus.LayerInfo> playing = engine.status().layers();
            assertFalse(playing.isEmpty(), "the server's loops play: " + String.join("\n", log));
            assertTrue(generator.name().startsWith("remote:http://127.0.0.1:"), generator.name());

            server.close();
            engine.submit(new LiveRequest.Generate("deep rolling bass"));
            driver.run(total - engine.framePosition());
            String failures = String.join("\n", log);
            assertTrue(log.stream().anyMatch(l -> l.startsWith("could not make ") && l.endsWith(
                    "the set goes on with what it has")), failures);
            assertEquals(playing.stream().map(LiveStatus.LayerInfo::layerId).toList(),
                    engine.status().layers().stream().map(LiveStatus.LayerInfo::layerId).toList(),
                    "what played before still plays");
        } finally {
            server.close();
        }
        AudioBuffer audio = out.audio();
        int lastBars = (int) Math.round(6 * barFrames);
        double level = rms(audio, lastBars, (int) total);
        assertTrue(level > 1e-3, "the last two bars, with the server gone, are not silent: rms " + level);
    }
}
