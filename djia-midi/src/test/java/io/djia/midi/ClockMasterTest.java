package io.djia.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockMasterTest {
    /** Records what the master sends, with the (simulated) time it was actually sent. */
    private static final class Recorder implements ClockSink {
        final TimeSource time;
        final List<ClockEvent> events = new ArrayList<>();
        final List<Long> sentNanos = new ArrayList<>();

        Recorder(TimeSource time) {
            this.time = time;
        }

        @Override
        public void accept(ClockEvent event) {
            events.add(event);
            sentNanos.add(time.nanoTime());
        }

        List<Long> clockSendTimes() {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).type() == ClockEvent.Type.CLOCK) {
                    times.add(sentNanos.get(i));
                }
            }
            return times;
        }
    }

    @Test
    void meanPeriodErrorIsUnderOneMicrosecondOverTenThousandTicksOnADriftingCard() throws Exception {
        double trueRate = 48_000 * (1 + 80e-6); // the card's crystal runs 80 ppm fast
        AudioFrameClock frameClock = new AudioFrameClock(48_000, 256, 1.0);
        SimulatedAudioTime time = new SimulatedAudioTime(frameClock, trueRate, 256, 60_000, 30_000, 11);
        Recorder out = new Recorder(time);
        double bpm = 126;
        ClockMaster master = new ClockMaster(out, frameClock, time,
                ClockMasterOptions.defaults().withBpm(bpm).withClockWhileStopped(false));
        time.advanceTo(500_000_000L); // half a second of audio before the start: the DLL settles
        long startFrame = 48_000 * 2;
        master.start(startFrame);
        double framesPerTick = 48_000 * 60.0 / (bpm * 24);
        int ticks = 10_000;
        master.runUntil(Math.round(time.trueNanosOfFrame(startFrame + (ticks - 0.5) * framesPerTick)));

        List<Long> sent = out.clockSendTimes();
        assertEquals(ticks, sent.size());
        double idealPeriod = framesPerTick * 1e9 / trueRate;
        double meanPeriod = (sent.get(ticks - 1) - sent.get(0)) / (double) (ticks - 1);
        assertTrue(Math.abs(meanPeriod - idealPeriod) < 1000, "mean period error " + (meanPeriod - idealPeriod) + " ns");

        // No drift: each tick stays near the moment the card renders its frame, from first to last.
        double first = 0;
        double last = 0;
        double worst = 0;
        for (int k = 0; k < ticks; k++) {
            double error = sent.get(k) - time.trueNanosOfFrame(startFrame + k * framesPerTick);
            worst = Math.max(worst, Math.abs(error));
            first += k < 1000 ? error / 1000 : 0;
            last += k >= ticks - 1000 ? error / 1000 : 0;
        }
        assertTrue(worst < 150_000, "worst deadline error " + worst + " ns");
        assertTrue(Math.abs(last - first) < 5_000, "deadline error moved from " + first + " to " + last + " ns");
    }

    @Test
    void transportMessagesLandOnTheirFramesInOrder() throws Exception {
        SimulatedAudioTime time = new SimulatedAudioTime(null, 48_000, 256, 0, 0, 1);
        Recorder out = new Recorder(time);
        FrameClock frames = FrameClock.fixedRate(48_000, 0);
        ClockMaster master = new ClockMaster(out, frames, time,
                ClockMasterOptions.defaults().withBpm(120).withClockWhileStopped(false));
        double framesPerTick = 1000; // 48000 * 60 / (120 * 24)
        master.start(48_000);
        master.stop(48_000 + 48_000);           // one second = 48 ticks later
        master.continueFrom(16, 3 * 48_000);    // four beats in, two seconds later
        master.runUntil(3 * 1_000_000_000L + 500_000_000L);

        List<ClockEvent> e = out.events;
        assertEquals(ClockEvent.of(ClockEvent.Type.START, 1_000_000_000L), e.get(0));
        assertEquals(ClockEvent.clock(1_000_000_000L), e.get(1));
        assertEquals(ClockEvent.clock(1_000_000_000L + Math.round(framesPerTick / 48_000 * 1e9)), e.get(2));
        int stop = e.indexOf(ClockEvent.of(ClockEvent.Type.STOP, 2_000_000_000L));
        assertEquals(49, stop, "48 ticks and Start before Stop");
        assertEquals(ClockEvent.songPosition(16, 3_000_000_000L), e.get(stop + 1));
        assertEquals(ClockEvent.of(ClockEvent.Type.CONTINUE, 3_000_000_000L), e.get(stop + 2));
        assertEquals(ClockEvent.clock(3_000_000_000L), e.get(stop + 3));
        assertEquals(1 + 48 + 1 + 2 + 24, e.size(), "no clock while stopped, 24 ticks in the last half second");
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).timestampNanos(), (long) out.sentNanos.get(i), "sent exactly on time");
        }
        assertEquals(96 + 24, master.nextSongTick());
    }

    @Test
    void tempoChangesAfterTheLatestTickWithoutMovingEarlierOnes() throws Exception {
        SimulatedAudioTime time = new SimulatedAudioTime(null, 44_100, 256, 0, 0, 1);
        Recorder out = new Recorder(time);
        ClockMaster master = new ClockMaster(out, FrameClock.fixedRate(44_100, 0), time,
                ClockMasterOptions.defaults().withBpm(120));
        master.start(0);
        master.runUntil(Math.round(10.5 * 1e9 / 48)); // ticks 0..10 at 120 BPM (48 ticks/s)
        master.setTempo(150);
        master.runUntil(1_000_000_000L);
        List<Long> t = out.clockSendTimes();
        assertEquals(Math.round(10 * 1e9 / 48), t.get(10));
        assertEquals(Math.round(10 * 1e9 / 48 + 1e9 / 60), t.get(11), 1.0);
        assertEquals(Math.round(10 * 1e9 / 48 + 20 * 1e9 / 60), t.get(30), 1.0);
    }

    @Test
    void aFollowerOnTheMastersOutputLocksToItsTempoAndBars() throws Exception {
        SimulatedAudioTime time = new SimulatedAudioTime(null, 48_000, 256, 0, 0, 1);
        ClockFollower follower = new ClockFollower();
        ClockSink wire = e -> follower.accept(new ClockEvent(e.type(), time.nanoTime(), e.sppSixteenths()));
        ClockMaster master = new ClockMaster(wire, FrameClock.fixedRate(48_000, 0), time,
                ClockMasterOptions.defaults().withBpm(128));
        master.startClock(0);
        master.runUntil(2_000_000_000L);
        assertTrue(follower.snapshot().locked());
        assertEquals(128, follower.snapshot().bpm(), 1e-3);
        master.start(48_000 * 3);
        master.runUntil(5_000_000_000L);
        ClockState s = follower.snapshot();
        assertTrue(s.running());
        assertEquals(master.nextSongTick() - 1, s.tick());
        long bar8 = Math.round(3e9 + 8 * 4 * 60e9 / 128);
        assertEquals(bar8, s.predictBarStartNanos(8), 1000.0);
    }
}
