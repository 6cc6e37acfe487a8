package io.djia.app.live;

import io.djia.app.render.Arrangement;
import io.djia.app.render.ClipMaker;
import io.djia.app.render.LayerEvent;
import io.djia.app.render.LayerScheduler;
import io.djia.app.render.VoiceSource;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.mix.Mixer;
import io.djia.core.mix.MixerConfig;
import io.djia.core.theory.Tempo;
import io.djia.generate.Generator;
import io.djia.generate.brain.Brain;
import io.djia.generate.brain.Decision;
import io.djia.generate.brain.ManageLayer;
import io.djia.generate.brain.SetKey;
import io.djia.generate.brain.SetPhase;
import io.djia.generate.brain.SetTempo;
import io.djia.generate.brain.Speech;
import io.djia.midi.ClockFollower;
import io.djia.midi.ClockMaster;
import io.djia.midi.TimeSource;
import io.djia.stretch.Stretch;
import io.djia.stretch.StretchOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live set: a brain deciding loop by loop on an open-ended set, clips made in the background, and the same
 * {@link Mixer} the offline renderer uses, scheduled on a beat grid that is either the engine's own tempo map or
 * predicted from a DAW's MIDI clock.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>A driver's audio thread calls {@link #render}, which only renders the mixer: no allocation, lock or I/O.</li>
 *   <li>One control thread calls {@link #step} every few milliseconds (the headless driver calls it before each
 *       block). Only it touches the mixer's control side, the arrangement and the layer table. It never waits for
 *       a brain or a generator, except in the deterministic mode a headless test asks for.</li>
 *   <li>Any thread may {@link #submit} requests (a lock-free queue drained by the control thread) and read
 *       {@link #status()} (an immutable snapshot).</li>
 * </ul>
 *
 * <h2>Timing</h2>
 * Every change is scheduled at an absolute timeline frame: new loops on a bar, committed just before it from the
 * latest prediction, so a followed clock's fit is at its best. Each layer remembers its own grid (the frame of one
 * of its beats and its frames per beat); when that grid and the clock's disagree on a coming bar by more than
 * {@value #RESYNC_TOLERANCE_MS} ms (a tempo change, drift, a Continue), the layer is restarted in phase on the
 * next beat that is not a downbeat (or on its own loop start), its clip rotated to the right offset, so downbeats
 * are never smeared by a fade. A voice that is retired that way is faded out before it could play an off-grid
 * downbeat. When the tempo has settled, clips are remade at the new tempo and swapped in the same way.
 */
public final class LiveEngine implements AutoCloseable {
    /** Largest disagreement between a layer's grid and the clock before the layer is restarted in phase. */
    public static final double RESYNC_TOLERANCE_MS = 0.4;
    /** Fade of a voice restarted mid-loop (and of the voice it replaces). */
    static final double RESYNC_FADE_SECONDS = 0.003;
    /** Fade-in of layers coming back after the transport resumes mid-loop. */
    static final double RESUME_FADE_SECONDS = 0.010;
    /** Fade-out when the transport stops. */
    static final double TRANSPORT_FADE_SECONDS = 0.030;
    /** A followed tempo must move this far from the clips' tempo before clips are remade. */
    static final double TEMPO_STEP_BPM = 0.05;
    private static final double CLIP_TEMPO_MATCH_BPM = 0.005;
    private static final long NO_PLAN = Long.MIN_VALUE;

    private final LiveSettings settings;
    private final int sampleRate;
    private final int blockFrames;
    private final Mixer mixer;
    private final LayerScheduler scheduler;
    private final ClipMaker clips;
    private final Brain brain;
    private final VoiceSource voice;
    private final ClockFollower follower;
    private final LiveListener listener;
    private final Arrangement arrangement;
    private final ExecutorService background;
    private final ExecutorService stretcher;
    /** Slow engines (neural, remote) get their clips stretched to a new tempo; fast ones make them again. */
    private final boolean stretchForTempo;
    private final ConcurrentLinkedQueue<LiveRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicReference<LiveStatus> status = new AtomicReference<>();
    private final double toleranceFrames;
    private final long resyncFadeFrames;
    private final long minCrossfadeFrames;

    // ---- control thread
    private BeatGrid grid;
    private volatile TimelineClock timeline;
    private InternalGrid internalGrid;
    private TimeSource time;
    private long commitAheadFrames;
    private long safetyFrames;
    private boolean awaitGeneration;
    private Tempo clipTempo;
    private List<String> stems = List.of();
    private final Map<String, PlayingLayer> layers = new LinkedHashMap<>();
    private final Deque<Batch> batches = new ArrayDeque<>();
    private Future<Decided> deciding;
    private long decidingBar;
    private String decidingText;
    private String pendingUserText;
    private boolean playing;
    private long nextAutoBar = Long.MIN_VALUE;
    private long startFrame = -1;
    private long mixerIdSequence;
    private long voiceDrops;
    private long resyncs;
    private long lateChanges;
    private ClockMaster clockOut;
    private long clockOutTempoTick = -1;
    private double clockOutTempoBpm;

    /** A layer that plays (or will, once the transport runs). */
    private static final class PlayingLayer {
        LayerEvent.Start start;
        AudioBuffer clip;
        /** The clip as the generator made it, which tempo changes stretch from (never a stretch of a stretch). */
        AudioBuffer madeClip;
        final long startedBar;
        final long loopStartBeat;
        final int loopBeats;
        /** The newest voice (it may not have started yet), or null while the transport is stopped. */
        LayerVoice voice;
        /** The voice it replaces, fading out at its stop frame; null when none. */
        LayerVoice previous;
        Future<AudioBuffer> regenerating;
        LayerEvent.Start regenerated;
        /** Song beat of a planned in-phase restart, or {@link #NO_PLAN}. */
        long plannedBeat = NO_PLAN;
        double plannedFadeSeconds;

        PlayingLayer(LayerEvent.Start start, AudioBuffer clip, long startedBar, int beatsPerBar) {
            this.start = start;
            this.clip = clip;
            this.madeClip = clip;
            this.startedBar = startedBar;
            this.loopStartBeat = startedBar * beatsPerBar;
            this.loopBeats = start.request().bars() * beatsPerBar;
        }
    }

    /**
     * One mixer voice of a layer and its own grid: song beat {@code beat} is at timeline frame {@code frame}, and
     * it has {@code framesPerBeat} frames per beat.
     */
    private static final class LayerVoice {
        final String mixerId;
        final long beat;
        final double frame;
        final double framesPerBeat;
        long stopFrame = Long.MAX_VALUE;

        LayerVoice(String mixerId, long beat, double frame, double framesPerBeat) {
            this.mixerId = mixerId;
            this.beat = beat;
            this.frame = frame;
            this.framesPerBeat = framesPerBeat;
        }

        /** Where this voice puts song beat {@code songBeat}. */
        double frameOf(long songBeat) {
            return frame + (songBeat - beat) * framesPerBeat;
        }
    }

    /** Changes decided for one bar, with the work (clips, spoken lines) they wait for. */
    private static final class Batch {
        final long bar;
        final Double tempoBpm;
        List<LayerEvent> events;
        final Map<LayerEvent, Future<?>> work = new IdentityHashMap<>();

        Batch(long bar, List<LayerEvent> events, Double tempoBpm) {
            this.bar = bar;
            this.events = new ArrayList<>(events);
            this.tempoBpm = tempoBpm;
        }
    }

    private record Decided(List<Decision> decisions, List<String> notes) {
    }

    /**
     * A live engine; a driver attaches it to a clock and an output and then steps and renders it.
     *
     * @param generator makes the loops (local engine, or the server for {@code --api-url}); not closed here
     * @param brain     decides; not closed here
     * @param follower  the followed MIDI clock, or null for the engine's own clock at the profile's tempo
     */
    public LiveEngine(LiveSettings settings, Generator generator, Brain brain, VoiceSource voice,
                      ClockFollower follower, LiveListener listener) {
        if (settings == null || generator == null || brain == null) {
            throw new IllegalArgumentException("settings, a generator and a brain are required");
        }
        this.settings = settings;
        this.sampleRate = settings.sampleRate();
        this.blockFrames = settings.blockFrames();
        this.brain = brain;
        this.voice = voice == null ? VoiceSource.NONE : voice;
        this.follower = follower;
        this.listener = listener == null ? LiveListener.NONE : listener;
        this.clipTempo = settings.profile().tempo();
        this.mixer = new Mixer(new MixerConfig(sampleRate, 2, blockFrames, clipTempo,
                settings.profile().masterEffects(), MixerConfig.DEFAULT_LIMITER_CEILING_DB,
                MixerConfig.DEFAULT_MAX_LAYERS));
        this.scheduler = new LayerScheduler(mixer);
        this.clips = new ClipMaker(generator, (clip, start) -> clip, settings.clipThreads());
        this.arrangement = new Arrangement(settings.profile());
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "djia-live-brain");
            t.setDaemon(true);
            return t;
        });
        this.stretcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "djia-live-stretch");
            t.setDaemon(true);
            return t;
        });
        this.stretchForTempo = generator.isNeural();
        this.toleranceFrames = RESYNC_TOLERANCE_MS * 1e-3 * sampleRate;
        this.resyncFadeFrames = Math.round(RESYNC_FADE_SECONDS * sampleRate);
        this.minCrossfadeFrames = Math.round(Mixer.MIN_CROSSFADE_SECONDS * sampleRate);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int blockFrames() {
        return blockFrames;
    }

    /** Output delay of the mixer (its limiter's look-ahead), compensated in all scheduling. */
    public int latencyFrames() {
        return mixer.latencyFrames();
    }

    /** Frames rendered so far. */
    public long framePosition() {
        return mixer.framePosition();
    }

    /** Whether the beat comes from a followed MIDI clock. */
    public boolean followsClock() {
        return follower != null;
    }

    /**
     * Connects the engine to its driver's clock. Call once, before the first {@link #step}.
     *
     * @param frameClock        where timeline frames are heard in {@code time}'s nanoseconds
     * @param commitAheadFrames how far ahead of the earliest schedulable frame a bar's changes are committed
     * @param safetyFrames      how far ahead of the mixer's position a command surely arrives in time
     * @param awaitGeneration   wait for the brain and every clip where they are needed (deterministic headless
     *                          runs); otherwise never wait, and play changes on the first bar after they are ready
     */
    void attach(TimelineClock frameClock, TimeSource time, long commitAheadFrames, long safetyFrames,
                boolean awaitGeneration) {
        if (grid != null) {
            throw new IllegalStateException("the engine is already attached to a driver");
        }
        this.time = time;
        this.timeline = frameClock;
        this.commitAheadFrames = commitAheadFrames;
        this.safetyFrames = safetyFrames;
        this.awaitGeneration = awaitGeneration;
        if (follower != null) {
            grid = new FollowedGrid(follower, frameClock, sampleRate);
        } else {
            internalGrid = new InternalGrid(sampleRate, clipTempo.beatsPerBar(), clipTempo.bpm(),
                    mixer.framePosition() + safetyFrames + commitAheadFrames);
            grid = internalGrid;
            if (clockOut != null) {
                clockOut.start(grid.frameOfBeat(0));
                if (!awaitGeneration) {
                    clockOut.startSender();
                }
            }
        }
        publish(mixer.framePosition());
    }

    /**
     * Sends the engine's own clock to a MIDI output (the engine is the master): Start on beat 0, tempo changes on
     * their bars. Only with the internal clock; call before the driver attaches the engine.
     */
    void sendClockTo(ClockMaster master) {
        if (follower != null) {
            throw new IllegalStateException("the engine follows a MIDI clock; it cannot also be the clock master");
        }
        if (grid != null) {
            throw new IllegalStateException("set the clock output before the engine is attached");
        }
        this.clockOut = master;
    }

    /**
     * When timeline frames are heard, as the MIDI library's frame clock (for a {@link ClockMaster} that sends the
     * engine's clock): {@code Long.MAX_VALUE} until a driver has attached the engine. Any thread.
     */
    io.djia.midi.FrameClock heardClock() {
        return new io.djia.midi.FrameClock() {
            @Override
            public int sampleRate() {
                return sampleRate;
            }

            @Override
            public long nanosAtFrame(double frame) {
                TimelineClock t = timeline;
                return t == null ? Long.MAX_VALUE : t.nanosAt(frame);
            }
        };
    }

    /** Queues a request; any thread. It takes effect on the control thread's next step. */
    public void submit(LiveRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("a request is required");
        }
        requests.add(request);
    }

    /** The latest snapshot; any thread. */
    public LiveStatus status() {
        return status.get();
    }

    // ------------------------------------------------------------------------------------------ audio thread

    /** Renders the next block into {@code out[c][0..blockFrames)}. Audio thread: no allocation, lock or I/O. */
    public void render(float[][] out) {
        mixer.render(out, blockFrames);
    }

    // ---------------------------------------------------------------------------------------- control thread

    /** One control step: follows the clock, applies requests and decisions, keeps layers in phase. */
    void step() {
        if (grid == null) {
            throw new IllegalStateException("attach the engine to a driver first");
        }
        long horizon = mixer.framePosition() + safetyFrames;
        grid.update(time.nanoTime());
        if (internalGrid != null) {
            internalGrid.setNowFrame(horizon);
        }
        drainRequests(horizon);
        if (clockOut != null) {
            sendClock(time.nanoTime());
        }
        if (!grid.running()) {
            if (playing) {
                stopPlaying(horizon);
            }
            publish(horizon);
            return;
        }
        if (!playing) {
            if (!grid.readyToPlay()) {
                publish(horizon);
                return;
            }
            startPlaying(horizon);
        }
        if (!grid.locked()) {
            // A followed clock is re-measuring a new tempo: what plays plays on, nothing new is placed on a guess.
            publish(horizon);
            return;
        }
        followTempo(horizon);
        collectRegenerations(horizon);
        checkPhase(horizon);
        decide(horizon);
        commitBatches(horizon);
        makePlannedRestarts(horizon);
        publish(horizon);
    }

    /**
     * Keeps the clock output's tempo changes on their downbeat: the master changes tempo from the interval after
     * the latest tick it sent, so the change is made once the downbeat has gone out. Live, a sender thread sends
     * ticks on time and this runs every control step (a fraction of a tick); in a deterministic run there is no
     * sender thread and the ticks due by {@code nowNanos} are sent here, one deadline at a time.
     */
    private void sendClock(long nowNanos) {
        if (!awaitGeneration) {
            applyClockOutTempo();
            return;
        }
        long due = clockOut.nextTickDeadlineNanos();
        while (due <= nowNanos) {
            clockOut.pump(due);
            applyClockOutTempo();
            due = clockOut.nextTickDeadlineNanos();
        }
        clockOut.pump(nowNanos);
        applyClockOutTempo();
    }

    private void applyClockOutTempo() {
        if (clockOutTempoTick >= 0 && clockOut.nextSongTick() > clockOutTempoTick) {
            clockOut.setTempo(clockOutTempoBpm);
            clockOutTempoTick = -1;
        }
    }

    private void drainRequests(long horizon) {
        LiveRequest request;
        while ((request = requests.poll()) != null) {
            handle(request, horizon);
        }
    }

    private long nextChangeBar(long horizon) {
        return grid.running() ? grid.firstBarAtOrAfter(horizon + commitAheadFrames) : Long.MIN_VALUE;
    }

    private void handle(LiveRequest request, long horizon) {
        if (request instanceof LiveRequest.Next) {
            if (pendingUserText == null) {
                pendingUserText = "";
            }
        } else if (request instanceof LiveRequest.Generate generate) {
            pendingUserText = generate.text();
        } else if (request instanceof LiveRequest.Stems s) {
            stems = s.stems();
            message(stems.isEmpty() ? "new loops: the brain chooses the stems"
                    : "new loops keep " + String.join(", ", stems));
        } else if (request instanceof LiveRequest.ChangeTempo t) {
            if (grid.external()) {
                message("the tempo follows the DAW's clock (" + bpm(grid.bpm()) + " BPM): change it there");
            } else {
                long bar = nextChangeBar(horizon);
                batches.add(new Batch(bar, List.of(), t.bpm()));
                message("tempo " + bpm(t.bpm()) + " BPM from bar " + (bar + 1));
            }
        } else if (request instanceof LiveRequest.ChangeKey k) {
            arrangement.setKey(k.key());
            message("new loops in " + k.key().displayName());
        } else if (request instanceof LiveRequest.ChangeStyle s) {
            arrangement.setProfile(s.profile());
            message("style " + s.profile().name() + " for new loops; what plays keeps playing");
        } else if (request instanceof LiveRequest.Remove r) {
            if (!arrangement.isPlaying(r.layerId())) {
                message("no layer \"" + r.layerId() + "\" is playing; `layers` lists them");
                return;
            }
            long bar = Math.max(nextChangeBar(horizon), 0);
            ManageLayer remove = new ManageLayer(r.layerId(), ManageLayer.LayerOperation.REMOVE, null, null,
                    List.of(), ManageLayer.StopBehavior.FADE_OUT_BAR, "The user asked to remove it.");
            applyDecisions(bar, List.of(remove), List.of(), "");
        }
    }

    private void stopPlaying(long horizon) {
        long fade = Math.round(TRANSPORT_FADE_SECONDS * sampleRate);
        for (PlayingLayer layer : layers.values()) {
            silence(layer, horizon, fade);
            layer.plannedBeat = NO_PLAN;
        }
        playing = false;
        message(grid instanceof FollowedGrid followed && followed.clockLost()
                ? "MIDI clock lost: fading out; playback resumes in phase when it comes back"
                : "transport stopped: fading out; Continue resumes in phase");
    }

    private void startPlaying(long horizon) {
        playing = true;
        if (grid.external() && layers.isEmpty() && Math.abs(grid.bpm() - clipTempo.bpm()) > TEMPO_STEP_BPM) {
            // The first clips are made at the DAW's tempo, not the profile's.
            clipTempo = new Tempo(Math.round(grid.bpm() * 100) / 100.0, grid.beatsPerBar());
            mixer.setTempo(clipTempo, horizon);
        }
        if (startFrame < 0) {
            startFrame = horizon;
        }
        for (PlayingLayer layer : layers.values()) {
            plan(layer, resyncBeat(layer, horizon), RESUME_FADE_SECONDS);
        }
        long first = grid.firstBarAtOrAfter(horizon + commitAheadFrames);
        int loop = arrangement.profile().loopBars();
        nextAutoBar = layers.isEmpty() && batches.isEmpty() ? first : Math.floorDiv(first + loop - 1, loop) * loop;
        message("playing from bar " + (first + 1) + " at " + bpm(grid.bpm()) + " BPM"
                + (layers.isEmpty() ? "" : ", " + layers.size() + " layers back in phase"));
    }

    /** A followed clock's tempo moved and settled: clips are remade for it (loops are kept in phase meanwhile). */
    private void followTempo(long horizon) {
        if (!grid.external() || !grid.tempoSettled()) {
            return;
        }
        double measured = grid.bpm();
        if (Math.abs(measured - clipTempo.bpm()) <= TEMPO_STEP_BPM) {
            return;
        }
        changeClipTempo(Math.round(measured * 100) / 100.0, horizon, Long.MIN_VALUE, horizon);
    }

    /**
     * New clips are made at {@code bpm}; playing layers get clips remade for it. With {@code atBeat} given (an
     * internal tempo change on a bar), every layer restarts there at the new loop length.
     */
    private void changeClipTempo(double bpmValue, long frame, long atBeat, long horizon) {
        clipTempo = new Tempo(Math.max(Tempo.MIN_BPM, Math.min(Tempo.MAX_BPM, bpmValue)), grid.beatsPerBar());
        mixer.setTempo(clipTempo, frame);
        message("tempo " + bpm(clipTempo.bpm()) + " BPM: " + (stretchForTempo ? "stretching " : "remaking ")
                + layers.size() + " loops for it");
        for (PlayingLayer layer : layers.values()) {
            regenerate(layer, atBeat, horizon);
        }
    }

    private void regenerate(PlayingLayer layer, long atBeat, long horizon) {
        if (!matches(layer.start.request().tempo(), clipTempo)) {
            LayerEvent.Start remade = LoopClips.withTempo(layer.start, clipTempo);
            Future<AudioBuffer> work = remake(remade, layer.madeClip);
            if (awaitGeneration) {
                AudioBuffer clip = awaitClip(work, remade);
                if (clip != null) {
                    adopt(layer, remade, clip);
                }
            } else {
                if (layer.regenerating != null) {
                    layer.regenerating.cancel(true);
                }
                layer.regenerating = work;
                layer.regenerated = remade;
            }
        }
        if (layer.voice != null && (atBeat != Long.MIN_VALUE || awaitGeneration)) {
            plan(layer, atBeat != Long.MIN_VALUE ? atBeat : resyncBeat(layer, horizon), RESYNC_FADE_SECONDS);
        }
    }

    /**
     * The clip for {@code remade} (a start at a new tempo): stretched from {@code made} for slow engines, so a
     * tempo change costs a local stretch instead of a new generation; made again otherwise (the procedural engine
     * is quicker than a stretch, and exact).
     */
    private Future<AudioBuffer> remake(LayerEvent.Start remade, AudioBuffer made) {
        int frames = remade.request().frames();
        double ratio = made == null ? 0 : frames / (double) made.frames();
        if (!stretchForTempo || !(ratio >= StretchOptions.MIN_RATIO && ratio <= StretchOptions.MAX_RATIO)) {
            return clips.submit(remade);
        }
        return stretcher.submit(() -> Stretch.toFrames(made, frames, StretchOptions.defaults()));
    }

    /** The layer plays {@code clip} for {@code start} from its next restart on. */
    private void adopt(PlayingLayer layer, LayerEvent.Start start, AudioBuffer clip) {
        layer.start = start;
        layer.clip = clip;
        if (!stretchForTempo) {
            layer.madeClip = clip;
        }
    }

    private void collectRegenerations(long horizon) {
        for (PlayingLayer layer : layers.values()) {
            Future<AudioBuffer> work = layer.regenerating;
            if (work == null || !work.isDone()) {
                continue;
            }
            layer.regenerating = null;
            AudioBuffer clip = awaitClip(work, layer.regenerated);
            if (clip != null) {
                adopt(layer, layer.regenerated, clip);
                if (layer.voice != null) {
                    plan(layer, resyncBeat(layer, horizon), RESYNC_FADE_SECONDS);
                }
            }
            if (!matches(layer.start.request().tempo(), clipTempo)) {
                regenerate(layer, Long.MIN_VALUE, horizon);
            }
        }
    }

    /**
     * Plans an in-phase restart for each layer whose own grid misses one of the next two downbeats by more than the
     * tolerance.
     */
    private void checkPhase(long horizon) {
        int beatsPerBar = grid.beatsPerBar();
        long nextBar = grid.firstBarAtOrAfter(horizon);
        for (PlayingLayer layer : layers.values()) {
            if (layer.voice == null || layer.plannedBeat != NO_PLAN) {
                continue;
            }
            for (long bar = nextBar; bar <= nextBar + 1; bar++) {
                long beat = bar * beatsPerBar;
                double own = layer.voice.frameOf(beat);
                if (Math.abs(own - grid.frameOfBeat(beat)) > toleranceFrames) {
                    plan(layer, resyncBeat(layer, horizon), RESYNC_FADE_SECONDS);
                    break;
                }
            }
        }
    }

    /**
     * A restart is only planned (a beat and a fade) until its frame is about to be rendered: the voice is made then,
     * from the latest prediction, so a restart re-planned many times while a new tempo is being measured costs
     * nothing until it happens.
     */
    private void plan(PlayingLayer layer, long beat, double fadeSeconds) {
        layer.plannedBeat = beat;
        layer.plannedFadeSeconds = fadeSeconds;
    }

    /** Makes the planned restarts whose frame has come within the commit window. */
    private void makePlannedRestarts(long horizon) {
        for (PlayingLayer layer : layers.values()) {
            if (layer.plannedBeat == NO_PLAN) {
                continue;
            }
            if (grid.frameOfBeat(layer.plannedBeat) < horizon) {
                layer.plannedBeat = resyncBeat(layer, horizon);
            }
            if (grid.frameOfBeat(layer.plannedBeat) <= horizon + commitAheadFrames) {
                long beat = layer.plannedBeat;
                layer.plannedBeat = NO_PLAN;
                resync(layer, beat, layer.plannedFadeSeconds, horizon);
            }
        }
    }

    /**
     * Where a layer can restart in phase: the first beat at or after {@code horizon} (and not before the layer's
     * own start) that is either not a downbeat, or the start of one of the layer's loops, so that no downbeat is
     * played under a fade-in.
     */
    private long resyncBeat(PlayingLayer layer, long horizon) {
        int beatsPerBar = grid.beatsPerBar();
        long beat = Math.max(grid.firstBeatAtOrAfter(horizon), layer.loopStartBeat);
        while (beatsPerBar > 1 && Math.floorMod(beat, beatsPerBar) == 0
                && Math.floorMod(beat - layer.loopStartBeat, layer.loopBeats) != 0) {
            beat++;
        }
        return beat;
    }

    /** Starts the layer's clip afresh at song beat {@code beat}, in phase with its loop, replacing its voice. */
    private void resync(PlayingLayer layer, long beat, double fadeSeconds, long horizon) {
        long frame = grid.frameOfBeat(beat);
        double framesPerBeat = grid.framesPerBeat(beat);
        long phaseBeats = Math.floorMod(beat - layer.loopStartBeat, (long) layer.loopBeats);
        double loopFrames = layer.loopBeats * framesPerBeat;
        AudioBuffer clip = phaseBeats == 0 ? layer.clip
                : LoopClips.rotate(layer.clip, phaseBeats * framesPerBeat, loopFrames);
        long fadeIn = phaseBeats == 0 ? 0 : Math.round(fadeSeconds * sampleRate);
        if (layer.voice != null) {
            retire(layer, frame, horizon);
        }
        String id = nextMixerId(layer.start.layerId());
        mixer.startLayer(id, clip, frame, loopFrames, LayerScheduler.settingsOf(layer.start), fadeIn);
        layer.voice = new LayerVoice(id, beat, frame, framesPerBeat);
        resyncs++;
    }

    /**
     * Hands the layer over to a new voice at {@code frame}: a voice that has not started yet is dropped (and the one
     * still sounding is stopped at the new frame instead), a sounding one fades out from there.
     */
    private void retire(PlayingLayer layer, long frame, long horizon) {
        LayerVoice current = layer.voice;
        layer.voice = null;
        if (current.frame > horizon) {
            // Still pending: a Stop before its Start makes the mixer drop it unheard.
            mixer.stopLayer(current.mixerId, horizon, 0);
            if (layer.previous != null && layer.previous.stopFrame > frame) {
                fadeOut(layer.previous, frame, horizon, resyncFadeFrames);
            }
            return;
        }
        fadeOut(current, frame, horizon, resyncFadeFrames);
        layer.previous = current;
    }

    /** Stops every voice of the layer from {@code frame} (transport stop). */
    private void silence(PlayingLayer layer, long frame, long fadeFrames) {
        if (layer.voice != null) {
            mixer.stopLayer(layer.voice.mixerId, frame, fadeFrames);
            layer.voice.stopFrame = frame;
        }
        if (layer.previous != null && layer.previous.stopFrame > frame) {
            mixer.stopLayer(layer.previous.mixerId, frame, fadeFrames);
        }
        layer.voice = null;
        layer.previous = null;
    }

    /**
     * Fades {@code voice} out from {@code frame}, or earlier when its own next downbeat is off the clock's grid and
     * would otherwise sound under the fade.
     */
    private void fadeOut(LayerVoice voice, long frame, long horizon, long fadeFrames) {
        long stopAt = Math.max(horizon, frame);
        int beatsPerBar = grid.beatsPerBar();
        long ownBeat = voice.beat + (long) Math.ceil((horizon - voice.frame) / voice.framesPerBeat - 1e-9);
        ownBeat = Math.floorDiv(ownBeat + beatsPerBar - 1, beatsPerBar) * beatsPerBar;
        double own = voice.frameOf(ownBeat);
        if (own < stopAt + fadeFrames && Math.abs(own - grid.frameOfBeat(ownBeat)) > toleranceFrames) {
            stopAt = Math.max(horizon, (long) Math.floor(own) - fadeFrames);
        }
        mixer.stopLayer(voice.mixerId, stopAt, fadeFrames);
        voice.stopFrame = Math.min(voice.stopFrame, stopAt);
    }

    private String nextMixerId(String layerId) {
        return layerId + "#" + (++mixerIdSequence);
    }

    // ---- decisions

    private void decide(long horizon) {
        if (deciding != null) {
            if (!deciding.isDone()) {
                return;
            }
            Future<Decided> done = deciding;
            deciding = null;
            try {
                Decided decided = done.get();
                applyDecisions(decidingBar, decided.decisions(), decided.notes(), decidingText);
            } catch (ExecutionException e) {
                message("the brain failed (" + e.getCause() + "); the set goes on with what it has");
            } catch (InterruptedException | CancellationException e) {
                return;
            }
        }
        long firstBar = grid.firstBarAtOrAfter(horizon + commitAheadFrames);
        if (pendingUserText != null) {
            String text = pendingUserText;
            pendingUserText = null;
            requestDecision(firstBar, text);
            return;
        }
        if (!settings.autoPilot()) {
            return;
        }
        int loop = arrangement.profile().loopBars();
        if (nextAutoBar < firstBar) {
            nextAutoBar = Math.floorDiv(firstBar + loop - 1, loop) * loop;
        }
        long decideAhead = Math.round(grid.framesPerBeat(nextAutoBar * grid.beatsPerBar()) * grid.beatsPerBar())
                + commitAheadFrames;
        if (grid.frameOfBar(nextAutoBar) - horizon <= decideAhead) {
            long bar = nextAutoBar;
            nextAutoBar = (Math.floorDiv(bar, loop) + 1) * loop;
            requestDecision(bar, "");
        }
    }

    private void requestDecision(long bar, String text) {
        double seconds = Math.max(0, (grid.frameOfBar(bar) - startFrame) / (double) sampleRate);
        var state = arrangement.state(clipTempo, bar, 0, seconds, text, settings.seed());
        if (awaitGeneration) {
            List<Decision> decisions = brain.decide(state);
            applyDecisions(bar, decisions, brain.lastNotes(), text);
            return;
        }
        decidingBar = bar;
        decidingText = text;
        deciding = background.submit(() -> new Decided(brain.decide(state), brain.lastNotes()));
    }

    private void applyDecisions(long bar, List<Decision> decisions, List<String> brainNotes, String userText) {
        List<LayerEvent> events = new ArrayList<>();
        Double tempo = null;
        for (Decision decision : decisions) {
            List<String> notes = new ArrayList<>(decision == decisions.get(0) ? brainNotes : List.of());
            for (LayerEvent event : arrangement.apply(decision, bar, clipTempo, sampleRate, settings.seed(), notes)) {
                events.add(event instanceof LayerEvent.Start s ? LoopClips.personalised(s, userText, stems) : event);
            }
            if (decision instanceof SetTempo setTempo) {
                if (grid.external()) {
                    notes.add("the DAW's clock sets the tempo");
                } else {
                    tempo = setTempo.bpm();
                }
            }
            message("bar " + (bar + 1) + ": " + describe(decision) + (notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]"));
        }
        if (decisions.isEmpty() && !userText.isEmpty()) {
            message("bar " + (bar + 1) + ": nothing to change for \"" + userText + "\"");
        }
        if (!events.isEmpty() || tempo != null) {
            Batch batch = new Batch(bar, events, tempo);
            startWork(batch, tempo == null ? clipTempo : new Tempo(tempo, grid.beatsPerBar()));
            batches.add(batch);
        }
    }

    private static String describe(Decision decision) {
        String what;
        if (decision instanceof ManageLayer m) {
            what = m.operation() == ManageLayer.LayerOperation.REMOVE ? "remove " + m.layerId()
                    : "play " + m.layerId() + " (" + m.sampleDetails().type() + ", " + m.sampleDetails().measures()
                            + " bars)";
        } else if (decision instanceof SetPhase p) {
            what = "phase " + p.newPhase();
        } else if (decision instanceof SetKey k) {
            what = "key " + k.key();
        } else if (decision instanceof SetTempo t) {
            what = "tempo " + bpm(t.bpm()) + " BPM";
        } else if (decision instanceof Speech s) {
            what = "say \"" + s.text() + "\"";
        } else {
            what = decision.toString();
        }
        String reason = decision.reasoning();
        return reason.isBlank() ? what : what + ": " + reason;
    }

    /** Starts (or, deterministic, does) the batch's clip and speech work for clips at {@code tempo}. */
    private void startWork(Batch batch, Tempo tempo) {
        List<LayerEvent> events = new ArrayList<>();
        for (LayerEvent event : batch.events) {
            if (event instanceof LayerEvent.Start s) {
                if (matches(s.request().tempo(), tempo) && batch.work.containsKey(s)) {
                    events.add(s);
                    continue;
                }
                LayerEvent.Start start = matches(s.request().tempo(), tempo) ? s : LoopClips.withTempo(s, tempo);
                Future<?> old = batch.work.remove(s);
                AudioBuffer made = null;
                if (old != null && old.isDone() && !old.isCancelled()) {
                    try {
                        made = (AudioBuffer) old.get();
                    } catch (ExecutionException | InterruptedException e) {
                        made = null;
                    }
                } else if (old != null) {
                    old.cancel(true);
                }
                batch.work.put(start, made == null ? clips.submit(start) : remake(start, made));
                events.add(start);
            } else if (event instanceof LayerEvent.Speak speak) {
                if (!batch.work.containsKey(speak)) {
                    batch.work.put(speak, background.submit(() -> voice.speak(speak.text(), speak.energy(),
                            sampleRate)));
                }
                events.add(speak);
            } else {
                events.add(event);
            }
        }
        batch.events = events;
        if (awaitGeneration) {
            for (Future<?> work : batch.work.values()) {
                try {
                    work.get();
                } catch (ExecutionException | CancellationException e) {
                    // reported when the batch is committed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while making clips");
                }
            }
        }
    }

    /** Whether the batch can be committed: every clip made at the tempo it will play at. */
    private boolean prepare(Batch batch) {
        Tempo target = batch.tempoBpm != null && !grid.external()
                ? new Tempo(batch.tempoBpm, grid.beatsPerBar()) : clipTempo;
        boolean stale = false;
        for (LayerEvent event : batch.events) {
            if (event instanceof LayerEvent.Start s && !matches(s.request().tempo(), target)) {
                stale = true;
            }
        }
        if (stale) {
            startWork(batch, target);
        }
        for (Future<?> work : batch.work.values()) {
            if (!work.isDone()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Commits every batch whose bar has come and whose clips are ready. A batch still waiting holds back later ones
     * that touch the same layers (their order matters), but not the others: a removal does not wait for a slow clip.
     */
    private void commitBatches(long horizon) {
        Set<String> held = new HashSet<>();
        for (Iterator<Batch> it = batches.iterator(); it.hasNext(); ) {
            Batch batch = it.next();
            Set<String> touched = new java.util.LinkedHashSet<>();
            for (LayerEvent event : batch.events) {
                if (event instanceof LayerEvent.Start s) {
                    touched.add(s.layerId());
                } else if (event instanceof LayerEvent.Stop stop) {
                    touched.add(stop.layerId());
                }
            }
            long bar = Math.max(batch.bar, grid.firstBarAtOrAfter(horizon));
            boolean due = grid.frameOfBar(bar) <= horizon + commitAheadFrames;
            if (due && Collections.disjoint(touched, held) && prepare(batch)) {
                it.remove();
                if (bar > batch.bar) {
                    lateChanges++;
                    if (!touched.isEmpty()) {
                        message("bar " + (bar + 1) + ": " + String.join(", ", touched) + " only now (planned for bar "
                                + (batch.bar + 1) + "; the clips took longer)");
                    }
                }
                commit(batch, bar, horizon);
            } else {
                held.addAll(touched);
            }
        }
    }

    private void commit(Batch batch, long bar, long horizon) {
        int beatsPerBar = grid.beatsPerBar();
        long frame = grid.frameOfBar(bar);
        if (batch.tempoBpm != null && !grid.external()) {
            internalGrid.setTempoFromBar(bar, batch.tempoBpm);
            if (clockOut != null) {
                clockOutTempoTick = bar * beatsPerBar * 24L;
                clockOutTempoBpm = batch.tempoBpm;
            }
            changeClipTempo(batch.tempoBpm, frame, bar * beatsPerBar, horizon);
        }
        long nextFrame = grid.frameOfBar(bar + 1);
        double framesPerBeat = grid.framesPerBeat(bar * beatsPerBar);
        Tempo loopTempo = exactTempo(framesPerBeat, beatsPerBar);
        for (LayerEvent event : batch.events) {
            if (event instanceof LayerEvent.Start s) {
                AudioBuffer clip = awaitClip(batch.work.get(s), s);
                if (clip == null) {
                    // The slot keeps what plays in it (or nothing), so the brain decides on what is heard.
                    PlayingLayer kept = layers.get(s.layerId());
                    if (kept != null) {
                        arrangement.restore(kept.start);
                    } else {
                        arrangement.apply(new ManageLayer(s.layerId(), ManageLayer.LayerOperation.REMOVE, null,
                                null, List.of(), null, "its clip could not be made"), bar, clipTempo, sampleRate,
                                settings.seed(), new ArrayList<>());
                    }
                    continue;
                }
                String id = nextMixerId(s.layerId());
                scheduler.start(id, s, clip, frame, loopTempo);
                PlayingLayer old = layers.remove(s.layerId());
                if (old != null) {
                    silence(old, frame, Math.max(scheduler.fadeInFrames(s, loopTempo), minCrossfadeFrames));
                    if (old.regenerating != null) {
                        old.regenerating.cancel(true);
                    }
                }
                PlayingLayer layer = new PlayingLayer(s, clip, bar, beatsPerBar);
                layer.voice = new LayerVoice(id, bar * beatsPerBar, frame, framesPerBeat);
                layers.put(s.layerId(), layer);
            } else if (event instanceof LayerEvent.Stop stop) {
                PlayingLayer layer = layers.remove(stop.layerId());
                if (layer != null && layer.voice != null) {
                    scheduler.stop(layer.voice.mixerId, stop.behavior(), frame, nextFrame, loopTempo);
                    if (layer.previous != null && layer.previous.stopFrame > frame) {
                        mixer.stopLayer(layer.previous.mixerId, frame, resyncFadeFrames);
                    }
                }
                if (layer != null && layer.regenerating != null) {
                    layer.regenerating.cancel(true);
                }
            } else if (event instanceof LayerEvent.Speak speak) {
                Optional<AudioBuffer> line = awaitLine(batch.work.get(speak));
                if (line.isPresent()) {
                    scheduler.speak("voice-" + (voiceDrops++), line.get(), frame);
                }
            }
        }
    }

    /** The tempo whose bars are exactly {@code framesPerBeat * beatsPerBar} frames: loop lengths follow the clock. */
    private Tempo exactTempo(double framesPerBeat, int beatsPerBar) {
        double exact = sampleRate * 60.0 / framesPerBeat;
        return new Tempo(Math.max(Tempo.MIN_BPM, Math.min(Tempo.MAX_BPM, exact)), beatsPerBar);
    }

    private static boolean matches(Tempo a, Tempo b) {
        return Math.abs(a.bpm() - b.bpm()) < CLIP_TEMPO_MATCH_BPM;
    }

    /** The clip, or null (reported) when making it failed. */
    private AudioBuffer awaitClip(Future<?> work, LayerEvent.Start start) {
        if (work == null) {
            return null;
        }
        try {
            Object clip = work.get();
            return (AudioBuffer) clip;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            message("could not make " + start.layerId() + ": "
                    + (cause.getMessage() == null ? cause.toString() : cause.getMessage())
                    + "; the set goes on with what it has");
            return null;
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<AudioBuffer> awaitLine(Future<?> work) {
        if (work == null) {
            return Optional.empty();
        }
        try {
            return (Optional<AudioBuffer>) work.get();
        } catch (ExecutionException | CancellationException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    // ---- status

    private void publish(long horizon) {
        long bar = -1;
        int beatInBar = 0;
        if (grid != null && grid.hasTempo()) {
            long beat = (long) Math.floor(grid.beatAt(horizon));
            bar = Math.floorDiv(beat, grid.beatsPerBar());
            beatInBar = (int) Math.floorMod(beat, (long) grid.beatsPerBar());
        }
        List<LiveStatus.LayerInfo> infos = new ArrayList<>();
        for (PlayingLayer layer : layers.values()) {
            infos.add(new LiveStatus.LayerInfo(layer.start.layerId(), layer.start.request().layerType(),
                    layer.start.request().bars(), layer.startedBar, layer.start.playback().volume(),
                    layer.start.request().tempo().bpm(), layer.start.stems()));
        }
        double bpmNow = grid != null && grid.hasTempo() ? grid.bpm() : clipTempo.bpm();
        status.set(new LiveStatus(follower != null ? "MIDI clock" : "internal", playing,
                grid != null && grid.running(), bpmNow, clipTempo.bpm(), arrangement.key().displayName(),
                arrangement.profile().name(), arrangement.phase(), bar, beatInBar, infos, stems, batches.size(),
                resyncs, lateChanges));
    }

    private void message(String line) {
        listener.message(line);
    }

    static String bpm(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Stops the background work. The generator and the brain belong to the caller. */
    @Override
    public void close() {
        if (clockOut != null) {
            long frame = mixer.framePosition();
            clockOut.stop(frame);
            if (awaitGeneration) {
                clockOut.pump(heardClock().nanosAtFrame(frame));
            } else {
                // Give the sender the moment it needs to send the Stop (its deadline is the frame's playing time).
                long giveUp = System.nanoTime() + 250_000_000L;
                while (clockOut.running() && System.nanoTime() < giveUp) {
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
                }
            }
            clockOut.close();
        }
        background.shutdownNow();
        stretcher.shutdownNow();
        clips.close();
    }
}
