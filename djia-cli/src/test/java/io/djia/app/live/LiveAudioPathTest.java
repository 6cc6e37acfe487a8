package io.djia.app.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.djia.app.render.VoiceSource;
import io.djia.core.profile.ProfileLibrary;
import io.djia.generate.brain.RuleBrain;
import io.djia.generate.procedural.ProceduralGenerator;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the audio thread runs per block (render, hand the block to the recorder) allocates nothing. */
class LiveAudioPathTest {
    @Test
    void renderingAndRecordingABlockAllocatesNothing(@TempDir Path dir) throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        counter.setThreadAllocatedMemoryEnabled(true);
        LiveSettings settings = LiveSettings.defaults(ProfileLibrary.load("dub"), 2).withAutoPilot(false);
        try (ProceduralGenerator generator = new ProceduralGenerator();
             LiveEngine engine = new LiveEngine(settings, generator, new RuleBrain(), VoiceSource.NONE, null,
                     line -> { });
             LiveRecorder recorder = LiveRecorder.open(dir.resolve("set.wav"), 2, 44_100, 512, 4.0, 1.0)) {
            HeadlessDriver driver = new HeadlessDriver(engine, new VirtualTime(0), recorder, null, true);
            engine.submit(new LiveRequest.Next());
            driver.run(44_100L * 4);
            assertFalse(engine.status().layers().isEmpty(), "layers with effects (dub: delays, reverb) play");

            float[][] out = new float[2][512];
            long id = Thread.currentThread().getId();
            counter.getThreadAllocatedBytes(id);
            long before = counter.getThreadAllocatedBytes(id);
            // One 16-byte object per block would be 16 000 bytes; the JVM may allocate a little once (deoptimisation).
            int blocks = 1000;
            for (int b = 0; b < blocks; b++) {
                engine.render(out);
                recorder.offer(out, 512);
            }
            long allocated = counter.getThreadAllocatedBytes(id) - before;
            assertTrue(allocated < 4096, allocated + " bytes allocated on the audio path in " + blocks + " blocks");
        }
    }
}
