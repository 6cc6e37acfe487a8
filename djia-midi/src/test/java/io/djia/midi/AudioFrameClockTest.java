package io.djia.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AudioFrameClockTest {
    @Test
    void followsTheCardsTrueRateThroughCallbackJitter() {
        double trueRate = 44_100 * (1 - 120e-6);
        AudioFrameClock clock = new AudioFrameClock(44_100, 512, 0.5);
        assertEquals(Long.MAX_VALUE, clock.nanosAtFrame(0), "unknown before audio runs");
        SimulatedAudioTime time = new SimulatedAudioTime(clock, trueRate, 512, 100_000, 0, 5);
        time.advanceTo(10_000_000_000L);
        double meanRate = 0;
        for (int i = 1; i <= 1000; i++) { // the filtered period still wanders with the jitter: average it
            time.advanceTo(10_000_000_000L + i * 10_000_000L);
            meanRate += clock.measuredSampleRate() / 1000;
        }
        assertEquals(trueRate, meanRate, trueRate * 20e-6, "the card runs 120 ppm slow");
        // Frame times up to 50 ms ahead (how far the clock master looks), against the card's truth.
        double worst = 0;
        for (int i = 1; i <= 200; i++) {
            long now = 20_000_000_000L + i * 50_000_000L;
            time.advanceTo(now);
            for (double ahead = 0; ahead <= 0.05; ahead += 0.005) {
                double frame = (now / 1e9 + ahead) * trueRate;
                worst = Math.max(worst, Math.abs(clock.nanosAtFrame(frame) - time.trueNanosOfFrame(frame)));
            }
        }
        assertTrue(worst < 80_000, "worst frame time error " + worst + " ns with 100 us callback jitter");
    }

    @Test
    void aSkippedBlockRestartsTheLoop() {
        AudioFrameClock clock = new AudioFrameClock(48_000, 256, 1.0);
        clock.blockStarted(0, 1_000_000);
        clock.blockStarted(256, 1_000_000 + 5_333_333);
        clock.blockStarted(10_000, 900_000_000); // an xrun: frames jumped
        assertEquals(900_000_000, clock.nanosAtFrame(10_000));
        assertEquals(900_000_000 + 5_333_333, clock.nanosAtFrame(10_256), 1.0);
    }

    @Test
    void rejectsUnstableBandwidth() {
        assertThrows(IllegalArgumentException.class, () -> new AudioFrameClock(48_000, 4096, 20));
    }
}
