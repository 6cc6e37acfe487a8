package io.djia.app.live;

import io.djia.midi.ClockEvent;
import io.djia.midi.ClockSink;
import io.djia.midi.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/**
 * A DAW sending MIDI clock (24 PPQN), and the virtual time in which it and the engine run. Song position is in
 * ticks; the tempo is a function of the song bar, so tempo changes fall on bars as DAW tempo automation usually
 * does. The transport plays in stretches ({@link #play}): Start from the top, or Song Position Pointer plus
 * Continue, then Stop. Clock ticks are also sent while stopped, as most DAWs do, so the tempo is known before play.
 *
 * <p>Each message arrives with seeded Gaussian jitter (never before the previous one: MIDI is a serial line). As a
 * {@link TimeSource}, {@link #parkUntil} moves virtual time forward and delivers every message that has arrived
 * by then, so a headless engine stepping block by block sees the clock exactly as it would live.
 */
final class SimulatedDaw implements TimeSource {
    static final long START_NANOS = 1_000_000_000L;
    private static final int TICKS_PER_BEAT = 24;

    private record Message(long arrivalNanos, ClockEvent.Type type, int spp) {
    }

    private final int beatsPerBar;
    private final LongToDoubleFunction bpmOfBar;
    private final double jitterMs;
    private final SplittableRandom random;
    private final List<Message> messages = new ArrayList<>();
    private final List<Long> playedTicks = new ArrayList<>();
    private final List<Double> playedTickNanos = new ArrayList<>();
    private ClockSink sink = event -> { };
    private int next;
    private long now = START_NANOS;
    private long lastArrival = Long.MIN_VALUE;
    /** True time of the last message scheduled. */
    private double cursor = START_NANOS;

    SimulatedDaw(int beatsPerBar, LongToDoubleFunction bpmOfBar, double jitterMs, long seed) {
        this.beatsPerBar = beatsPerBar;
        this.bpmOfBar = bpmOfBar;
        this.jitterMs = jitterMs;
        this.random = new SplittableRandom(seed);
    }

    void connect(ClockSink target) {
        this.sink = target;
    }

    private double periodNanos(long songTick) {
        long bar = Math.floorDiv(songTick, (long) TICKS_PER_BEAT * beatsPerBar);
        return 60e9 / (TICKS_PER_BEAT * bpmOfBar.applyAsDouble(Math.max(0, bar)));
    }

    private void send(double trueNanos, ClockEvent.Type type, int spp) {
        long arrival = Math.round(trueNanos + jitterMs * 1e6 * random.nextGaussian());
        arrival = Math.max(arrival, lastArrival == Long.MIN_VALUE ? arrival : lastArrival + 1);
        lastArrival = arrival;
        messages.add(new Message(arrival, type, spp));
    }

    /** Clock ticks at the tempo of bar {@code tempoBar} for {@code seconds}, transport stopped. */
    SimulatedDaw idle(double seconds, long tempoBar) {
        double period = periodNanos(tempoBar * TICKS_PER_BEAT * beatsPerBar);
        double end = cursor + seconds * 1e9;
        while (cursor + period < end) {
            cursor += period;
            send(cursor, ClockEvent.Type.CLOCK, 0);
        }
        return this;
    }

    /**
     * Plays from song tick {@code fromTick} (0: Start; else SPP + Continue, {@code fromTick} a multiple of 6) for
     * {@code ticks} ticks, then Stop. The first tick is one period after the last message.
     */
    SimulatedDaw play(long fromTick, long ticks) {
        double period = periodNanos(fromTick);
        double first = cursor + period;
        if (fromTick == 0) {
            send(first - period / 2, ClockEvent.Type.START, 0);
        } else {
            if (fromTick % 6 != 0) {
                throw new IllegalArgumentException("a song position is a whole sixteenth: 6 ticks");
            }
            send(first - period * 0.75, ClockEvent.Type.SONG_POSITION, (int) (fromTick / 6));
            send(first - period / 2, ClockEvent.Type.CONTINUE, 0);
        }
        double t = first;
        for (long k = 0; k < ticks; k++) {
            long songTick = fromTick + k;
            send(t, ClockEvent.Type.CLOCK, 0);
            playedTicks.add(songTick);
            playedTickNanos.add(t);
            cursor = t;
            t += periodNanos(songTick);
        }
        send(cursor + periodNanos(fromTick + ticks - 1) / 2, ClockEvent.Type.STOP, 0);
        return this;
    }

    /**
     * True time of song tick {@code songTick} in the latest stretch of play that reached it; NaN when it was never
     * played.
     */
    double trueTickNanos(long songTick) {
        for (int i = playedTicks.size() - 1; i >= 0; i--) {
            if (playedTicks.get(i) == songTick) {
                return playedTickNanos.get(i);
            }
        }
        return Double.NaN;
    }

    /** True times of all played downbeats, with their song bar: {@code [bar, nanos]}. */
    List<double[]> downbeats() {
        List<double[]> out = new ArrayList<>();
        long ticksPerBar = (long) TICKS_PER_BEAT * beatsPerBar;
        for (int i = 0; i < playedTicks.size(); i++) {
            long tick = playedTicks.get(i);
            if (tick % ticksPerBar == 0) {
                out.add(new double[] {tick / ticksPerBar, playedTickNanos.get(i)});
            }
        }
        return out;
    }

    /** Time at which the last scheduled message is due. */
    long endNanos() {
        return Math.round(cursor);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        while (next < messages.size() && messages.get(next).arrivalNanos() <= deadlineNanos) {
            Message m = messages.get(next++);
            sink.accept(m.type() == ClockEvent.Type.SONG_POSITION
                    ? ClockEvent.songPosition(m.spp(), m.arrivalNanos())
                    : ClockEvent.of(m.type(), m.arrivalNanos()));
        }
        now = Math.max(now, deadlineNanos);
    }
}
