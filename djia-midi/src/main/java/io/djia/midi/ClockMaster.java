package io.djia.midi;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends MIDI clock, Start, Stop, Continue and Song Position Pointer to a {@link ClockSink} (a MIDI output)
 * at absolute deadlines taken from the audio frame counter.
 *
 * <p>Tick {@code k} is due at frame {@code anchorFrame + (k - anchorTick) * framesPerTick}, computed by one
 * multiplication from the last tempo change, never by adding periods, so nothing accumulates; the frame is
 * turned into a time by the {@link FrameClock}, so the clock follows the sound card. Transport commands
 * take effect at a frame as well: Start and Continue put a tick exactly on their frame (Start at song tick
 * 0, Continue at {@code 6 * sixteenths} after an SPP). Deadlines carry the latency offset.
 *
 * <p>Sending is done by {@link #pump(long)}: it sends whatever is due and returns the next deadline. A
 * sender thread ({@link #startSender()}) or a test loop ({@link #runUntil(long)}) calls it and waits on the
 * {@link TimeSource} in between, never longer than {@value #MAX_WAIT_MILLIS} ms, so that a tempo change or a
 * drifting frame clock is picked up in time.
 *
 * <h2>Threads</h2>
 * Commands ({@link #start}, {@link #stop}, {@link #continueFrom}, {@link #setTempo}) come from a control
 * thread and {@code pump} from the sender; they synchronise on this object. None of them is for the audio
 * thread, which only feeds the frame clock.
 */
public final class ClockMaster implements AutoCloseable {
    private static final int MAX_WAIT_MILLIS = 5;
    private static final int TICKS_PER_BEAT = 24;
    private static final int TICKS_PER_SIXTEENTH = 6;

    private final ClockSink output;
    private final FrameClock frames;
    private final TimeSource time;
    private final long latencyOffsetNanos;
    private final boolean clockWhileStopped;
    private final ArrayDeque<Command> commands = new ArrayDeque<>();

    private double bpm;
    private double framesPerTick;
    private long anchorTick;
    private double anchorFrame;
    private long nextTick;
    private boolean ticking;
    private boolean running;
    private long songTickOffset;
    private long sentTicks;
    private Thread sender;
    private volatile boolean closed;

    private record Command(ClockEvent.Type type, long frame, int sixteenths) {
    }

    public ClockMaster(ClockSink output, FrameClock frames, TimeSource time, ClockMasterOptions options) {
        if (output == null || frames == null || time == null || options == null) {
            throw new IllegalArgumentException("output, frame clock, time source and options are required");
        }
        this.output = output;
        this.frames = frames;
        this.time = time;
        this.latencyOffsetNanos = Math.round(options.latencyOffsetMs() * 1e6);
        this.clockWhileStopped = options.clockWhileStopped();
        this.bpm = options.bpm();
        this.framesPerTick = framesPerTick(options.bpm());
    }

    private double framesPerTick(double beatsPerMinute) {
        return frames.sampleRate() * 60.0 / (beatsPerMinute * TICKS_PER_BEAT);
    }

    /**
     * Starts the clock grid at {@code atFrame} without transport (followers can lock their tempo while
     * stopped). Needed only with {@code clockWhileStopped}; Start and Continue start it too.
     */
    public synchronized void startClock(long atFrame) {
        if (!ticking) {
            anchor(nextTick, atFrame);
            ticking = true;
            wake();
        }
    }

    /** Start at {@code atFrame}: Start, then the clock tick of song position 0 on that frame. */
    public synchronized void start(long atFrame) {
        enqueue(new Command(ClockEvent.Type.START, atFrame, 0));
    }

    /** Stop at {@code atFrame}; clock goes on if {@code clockWhileStopped}. */
    public synchronized void stop(long atFrame) {
        enqueue(new Command(ClockEvent.Type.STOP, atFrame, 0));
    }

    /** Song Position Pointer to {@code sixteenths}, then Continue with that song position's tick on {@code atFrame}. */
    public synchronized void continueFrom(int sixteenths, long atFrame) {
        if (sixteenths < 0 || sixteenths > ClockEvent.MAX_SPP_SIXTEENTHS) {
            throw new IllegalArgumentException("song position must be 0.." + ClockEvent.MAX_SPP_SIXTEENTHS
                    + " sixteenths, got " + sixteenths);
        }
        enqueue(new Command(ClockEvent.Type.CONTINUE, atFrame, sixteenths));
    }

    /** Changes the tempo from the interval after the latest tick sent. */
    public synchronized void setTempo(double newBpm) {
        if (!(newBpm >= 20 && newBpm <= 400)) {
            throw new IllegalArgumentException("tempo must be 20..400 BPM, got " + newBpm);
        }
        if (ticking && nextTick > anchorTick) {
            anchor(nextTick - 1, frameOfTick(nextTick - 1));
        }
        bpm = newBpm;
        framesPerTick = framesPerTick(newBpm);
        wake();
    }

    public synchronized double bpm() {
        return bpm;
    }

    public synchronized boolean running() {
        return running;
    }

    /** Clock ticks sent so far. */
    public synchronized long sentTicks() {
        return sentTicks;
    }

    /** The (fractional) frame on which stream tick {@code tick} falls under the current tempo. */
    public synchronized double frameOfTick(long tick) {
        return anchorFrame + (tick - anchorTick) * framesPerTick;
    }

    /** The deadline of the next clock tick, or {@code Long.MAX_VALUE} when none is scheduled. */
    public synchronized long nextTickDeadlineNanos() {
        return ticking ? deadline(frameOfTick(nextTick)) : Long.MAX_VALUE;
    }

    /**
     * Sends every message due at {@code nowNanos}, in order, and returns the next deadline
     * ({@code Long.MAX_VALUE} when nothing is scheduled).
     */
    public synchronized long pump(long nowNanos) {
        while (true) {
            long tickDeadline = ticking ? deadline(frameOfTick(nextTick)) : Long.MAX_VALUE;
            Command command = commands.peekFirst();
            long commandDeadline = command == null ? Long.MAX_VALUE : deadline(command.frame());
            if (command != null && commandDeadline <= tickDeadline && commandDeadline <= nowNanos) {
                commands.pollFirst();
                apply(command, commandDeadline);
            } else if (tickDeadline <= nowNanos) {
                output.accept(ClockEvent.clock(tickDeadline));
                nextTick++;
                sentTicks++;
            } else {
                return Math.min(tickDeadline, commandDeadline);
            }
        }
    }

    private void apply(Command command, long deadline) {
        switch (command.type()) {
            case START, CONTINUE -> {
                if (command.type() == ClockEvent.Type.CONTINUE) {
                    output.accept(ClockEvent.songPosition(command.sixteenths(), deadline));
                }
                output.accept(ClockEvent.of(command.type(), deadline));
                // The next tick falls on the command's frame: the grid restarts there.
                anchor(nextTick, command.frame());
                ticking = true;
                running = true;
                songTickOffset = nextTick - (long) command.sixteenths() * TICKS_PER_SIXTEENTH;
            }
            case STOP -> {
                output.accept(ClockEvent.of(ClockEvent.Type.STOP, deadline));
                running = false;
                ticking = clockWhileStopped;
            }
            default -> throw new IllegalStateException("not a transport command: " + command.type());
        }
    }

    /** Song position (ticks) of the next tick to be sent; meaningful while running. */
    public synchronized long nextSongTick() {
        return nextTick - songTickOffset;
    }

    private void anchor(long tick, double frame) {
        anchorTick = tick;
        anchorFrame = frame;
    }

    private long deadline(double frame) {
        long nanos = frames.nanosAtFrame(frame);
        return nanos == Long.MAX_VALUE ? Long.MAX_VALUE : nanos + latencyOffsetNanos;
    }

    private void enqueue(Command command) {
        // Commands run in frame order; one given for an earlier frame than a queued one goes first.
        ArrayDeque<Command> later = new ArrayDeque<>();
        while (!commands.isEmpty() && commands.peekLast().frame() > command.frame()) {
            later.addFirst(commands.pollLast());
        }
        commands.addLast(command);
        commands.addAll(later);
        wake();
    }

    private void wake() {
        Thread t = sender;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Sends on the calling thread until {@code endNanos} of the time source (or until closed): pump, wait
     * for the next deadline, repeat.
     */
    public void runUntil(long endNanos) throws InterruptedException {
        while (!closed) {
            long now = time.nanoTime();
            if (endNanos != Long.MAX_VALUE && now - endNanos >= 0) {
                return;
            }
            long next = pump(now);
            long cap = now + MAX_WAIT_MILLIS * 1_000_000L;
            time.parkUntil(Math.min(Math.min(next, cap), endNanos));
        }
    }

    /** Starts a daemon sender thread at maximum priority. */
    public synchronized void startSender() {
        if (sender != null) {
            throw new IllegalStateException("the sender thread is already running");
        }
        sender = new Thread(() -> {
            try {
                runUntil(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "djia-midi-clock-master");
        sender.setDaemon(true);
        sender.setPriority(Thread.MAX_PRIORITY);
        sender.start();
    }

    /** Stops the sender thread; sends nothing more. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = sender;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
