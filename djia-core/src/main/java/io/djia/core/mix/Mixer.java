package io.djia.core.mix;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.fx.AudioProcessor;
import io.djia.core.fx.Compressor;
import io.djia.core.fx.EffectChain;
import io.djia.core.fx.EffectSpec;
import io.djia.core.fx.Effects;
import io.djia.core.fx.LookaheadLimiter;
import io.djia.core.fx.ParameterUpdate;
import io.djia.core.fx.StereoPanner;
import io.djia.core.theory.Tempo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The render graph shared by the offline renderer and the live audio thread: layers (clip, effects, volume
 * with fades, constant-power pan) summed into the master bus (master effects, glue compressor, true-peak
 * look-ahead limiter).
 *
 * <p>Two threads: one control thread calls the scheduling methods, which build everything that allocates
 * (voices, effect chains, scratch buffers) and hand immutable commands to the audio side through a lock-free
 * single-producer/single-consumer ring; one audio thread calls {@link #render}, which never allocates, locks
 * or does I/O. Offline, one thread may do both. Every command names the absolute frame where it takes
 * effect; {@link #render} splits its block there, so changes are sample-accurate and the output is
 * bit-identical whatever the block sizes, given the same commands. A command whose frame has already been
 * rendered takes effect at the start of the next block. Loop lengths are fixed at start: after a tempo change
 * restart loops with the new length (tempo-synced effects follow {@link #setTempo} by themselves).
 */
public final class Mixer {
    /** Shortest crossfade when a layer replaces one with the same id. */
    public static final double MIN_CROSSFADE_SECONDS = 0.010;
    /** Ramp time of volume and pan changes. */
    public static final double PARAMETER_RAMP_SECONDS = 0.020;
    /** Crossfade time when a layer's effect chain is replaced by one of a different shape. */
    public static final double CHAIN_CROSSFADE_SECONDS = 0.030;
    private static final int QUEUE_CAPACITY = 4096;

    private final MixerConfig config;
    private final int sampleRate;
    private final long minCrossfadeFrames;
    private final long rampFrames;
    private final long chainCrossfadeFrames;
    private final CommandQueue queue = new CommandQueue(QUEUE_CAPACITY);

    // Control side.
    private final Map<String, Voice> voicesById = new LinkedHashMap<>();
    private Tempo controlTempo;

    // Audio side.
    private final Voice[] slots;
    private final Command[] pending = new Command[QUEUE_CAPACITY];
    private int pendingCount;
    private final float[][] mix;
    private final double[] duckGains;
    private final EffectChain masterChain;
    private Tempo audioTempo;
    private double duckDb;
    private double duckStartDb;
    private double duckTargetDb;
    private long duckRampPosition;
    private long duckRampLength;
    private volatile long position;
    private volatile long droppedLayers;

    public Mixer(MixerConfig config) {
        this(config, 0);
    }

    /**
     * A mixer whose frame clock starts at {@code firstFrame} instead of 0, to resume a set or follow an
     * outside clock. Layers scheduled to start earlier come in at once, at the loop position they would
     * have reached.
     */
    public Mixer(MixerConfig config, long firstFrame) {
        if (config == null) {
            throw new IllegalArgumentException("mixer config is required");
        }
        if (firstFrame < 0) {
            throw new IllegalArgumentException("first frame must be >= 0, got " + firstFrame);
        }
        this.position = firstFrame;
        this.config = config;
        this.sampleRate = config.sampleRate();
        this.minCrossfadeFrames = Math.round(MIN_CROSSFADE_SECONDS * sampleRate);
        this.rampFrames = Math.round(PARAMETER_RAMP_SECONDS * sampleRate);
        this.chainCrossfadeFrames = Math.round(CHAIN_CROSSFADE_SECONDS * sampleRate);
        this.controlTempo = config.tempo();
        this.audioTempo = config.tempo();
        // Twice the layer count: each layer may be crossfading out while its replacement fades in.
        this.slots = new Voice[2 * config.maxLayers()];
        this.mix = new float[config.channels()][config.blockFrames()];
        this.duckGains = new double[config.blockFrames()];
        List<AudioProcessor> master = new ArrayList<>();
        for (EffectSpec spec : config.masterEffects()) {
            master.add(Effects.create(spec, config.tempo(), sampleRate));
        }
        master.add(Compressor.busGlue(sampleRate));
        master.add(LookaheadLimiter.master(sampleRate, config.limiterCeilingDb()));
        this.masterChain = new EffectChain(master);
    }

    public MixerConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- control side

    /**
     * Schedules a layer to start at {@code startFrame}.
     *
     * <p>With {@code loopLengthFrames > 0} it loops forever: iteration k starts at
     * {@code startFrame + Math.round(k * loopLengthFrames)} (no drift, however long it runs) and reads the clip
     * from its start, silence past its end. Otherwise it plays once, and ends by itself when the clip and its
     * effects' tails are over. An id that is playing is replaced: the old layer fades out while the new one
     * fades in, over {@code max(fadeInFrames, 10 ms)}. Mono clips play on both channels.
     *
     * @param clip             audio at the mixer's sample rate (mono or stereo; more channels are folded)
     * @param fadeInFrames     length of the equal-power fade-in; the layer is at full level from
     *                         {@code startFrame + fadeInFrames} on
     * @throws IllegalStateException when {@code maxLayers} ids are already playing or the queue is full
     */
    public void startLayer(String id, AudioBuffer clip, long startFrame, double loopLengthFrames,
                           LayerSettings settings, long fadeInFrames) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("layer id is required");
        }
        if (clip == null) {
            throw new IllegalArgumentException("layer \"" + id + "\" needs a clip");
        }
        if (clip.sampleRate() != sampleRate) {
            throw new IllegalArgumentException("clip for layer \"" + id + "\" is at " + clip.sampleRate()
                    + " Hz; resample it to the mixer's " + sampleRate + " Hz first");
        }
        if (settings == null) {
            throw new IllegalArgumentException("layer \"" + id + "\" needs settings (LayerSettings.of(volume, pan))");
        }
        if (startFrame < 0) {
            throw new IllegalArgumentException("start frame must be >= 0, got " + startFrame);
        }
        if (Double.isNaN(loopLengthFrames) || Double.isInfinite(loopLengthFrames)
                || (loopLengthFrames > 0 && loopLengthFrames < 1)) {
            throw new IllegalArgumentException("loop length must be >= 1 frame (or <= 0 for a one-shot), got "
                    + loopLengthFrames);
        }
        if (fadeInFrames < 0) {
            throw new IllegalArgumentException("fade-in must be >= 0 frames, got " + fadeInFrames);
        }
        pruneFinished();
        Voice old = voicesById.get(id);
        if (old == null && countPlaying() >= config.maxLayers()) {
            throw new IllegalStateException("already " + config.maxLayers() + " layers playing " + voicesById.keySet()
                    + "; stop one before starting \"" + id + "\"");
        }
        AudioBuffer stereo = clip.channels() > 2 ? clip.toStereo() : clip;
        float[] left = stereo.channel(0);
        float[] right = stereo.channels() == 1 ? left : stereo.channel(1);
        long fadeIn = old == null ? fadeInFrames : Math.max(fadeInFrames, minCrossfadeFrames);
        EffectChain chain = Effects.chain(settings.effects(), controlTempo, sampleRate);
        Voice voice = new Voice(id, left, right, startFrame, loopLengthFrames > 0 ? loopLengthFrames : 0, fadeIn,
                settings, chain, config.blockFrames(), rampFrames, chainCrossfadeFrames);
        if (old != null) {
            send(new Command.Stop(startFrame, old, fadeIn));
        }
        send(new Command.Start(startFrame, voice));
        voicesById.put(id, voice);
    }

    /** Fades layer {@code id} to silence over {@code fadeOutFrames} from {@code atFrame}, then frees it. Does
     * nothing if no layer with that id is playing (a one-shot may have ended by itself). */
    public void stopLayer(String id, long atFrame, long fadeOutFrames) {
        if (fadeOutFrames < 0) {
            throw new IllegalArgumentException("fade-out must be >= 0 frames, got " + fadeOutFrames);
        }
        pruneFinished();
        Voice voice = voicesById.get(id);
        if (voice == null) {
            return;
        }
        voice.stopScheduled = true;
        send(new Command.Stop(atFrame, voice, fadeOutFrames));
    }

    /**
     * Changes a layer at {@code atFrame}: volume and pan ramp over 20 ms; effects whose types (and reverb
     * size) are unchanged are retuned in place (filters glide, tails continue), otherwise the new chain
     * crossfades in over 30 ms. Does nothing if no layer with that id is playing.
     */
    public void setLayerSettings(String id, long atFrame, LayerSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        pruneFinished();
        Voice voice = voicesById.get(id);
        if (voice == null) {
            return;
        }
        List<ParameterUpdate> updates = null;
        EffectChain newChain = null;
        List<EffectSpec> current = voice.controlEffects;
        List<EffectSpec> next = settings.effects();
        if (!current.equals(next)) {
            updates = inPlaceUpdates(current, next);
            if (updates == null) {
                newChain = Effects.chain(next, controlTempo, sampleRate);
            }
        }
        voice.controlEffects = next;
        send(new Command.Settings(atFrame, voice, settings.volume(), leftGainOf(settings.pan()),
                rightGainOf(settings.pan()), settings.duckable(), updates, newChain));
    }

    /**
     * Attenuates every duckable layer by {@code |duckDb|} dB from {@code atFrame}, ramped linearly in dB over
     * {@code rampFrames} (for voice drops); {@code 0} releases the ducking. The sign is ignored.
     */
    public void setDuckingDb(double duckDb, long atFrame, long rampFrames) {
        if (!(Math.abs(duckDb) <= 96)) {
            throw new IllegalArgumentException("ducking must be within 96 dB, got " + duckDb);
        }
        if (rampFrames < 0) {
            throw new IllegalArgumentException("ducking ramp must be >= 0 frames, got " + rampFrames);
        }
        send(new Command.Duck(atFrame, -Math.abs(duckDb), rampFrames));
    }

    /** Retimes tempo-synced effects (layer and master delays) at {@code atFrame}. */
    public void setTempo(Tempo tempo, long atFrame) {
        if (tempo == null) {
            throw new IllegalArgumentException("tempo is required");
        }
        controlTempo = tempo;
        send(new Command.TempoChange(atFrame, tempo));
    }

    /** Ids of the layers started and not yet ended, as far as rendering has got; control side. */
    public List<String> activeLayerIds() {
        pruneFinished();
        return List.copyOf(voicesById.keySet());
    }

    /** Layers that could not start because every slot was busy (should stay 0). */
    public long droppedLayers() {
        return droppedLayers;
    }

    private void pruneFinished() {
        for (Iterator<Voice> it = voicesById.values().iterator(); it.hasNext(); ) {
            if (it.next().finished) {
                it.remove();
            }
        }
    }

    private int countPlaying() {
        int count = 0;
        for (Voice v : voicesById.values()) {
            if (!v.stopScheduled) {
                count++;
            }
        }
        return count;
    }

    private static List<ParameterUpdate> inPlaceUpdates(List<EffectSpec> current, List<EffectSpec> next) {
        if (current.size() != next.size()) {
            return null;
        }
        List<ParameterUpdate> updates = new ArrayList<>(next.size());
        for (int i = 0; i < next.size(); i++) {
            if (current.get(i).equals(next.get(i))) {
                updates.add(null);
                continue;
            }
            Optional<ParameterUpdate> update = Effects.update(current.get(i), next.get(i));
            if (update.isEmpty()) {
                return null;
            }
            updates.add(update.get());
        }
        return java.util.Collections.unmodifiableList(updates);
    }

    private void send(Command command) {
        if (!queue.offer(command)) {
            throw new IllegalStateException("the mixer's command queue is full (" + queue.capacity()
                    + " commands not yet rendered); render before scheduling more");
        }
    }

    static double leftGainOf(double pan) {
        return StereoPanner.leftGainOf(pan);
    }

    static double rightGainOf(double pan) {
        return StereoPanner.rightGainOf(pan);
    }

    // ---------------------------------------------------------------- audio side

    /**
     * Renders the next {@code frames} frames into {@code out[c][0..frames)} (overwritten) and advances
     * {@link #framePosition()}. The output lags the schedule by {@link #latencyFrames()}.
     */
    public void render(float[][] out, int frames) {
        if (frames < 0 || frames > config.blockFrames()) {
            throw new IllegalArgumentException("render block must be 0.." + config.blockFrames() + " frames, got " + frames);
        }
        if (out == null || out.length != config.channels()) {
            throw new IllegalArgumentException("render needs " + config.channels() + " output channels");
        }
        for (float[] channel : out) {
            if (channel.length < frames) {
                throw new IllegalArgumentException("output channel holds " + channel.length + " frames, need " + frames);
            }
        }
        drainQueue();
        for (float[] channel : mix) {
            Arrays.fill(channel, 0, frames, 0f);
        }
        long now = position;
        int done = 0;
        while (done < frames) {
            applyDue(now);
            long nextEvent = pendingCount > 0 ? pending[0].frame() : Long.MAX_VALUE;
            int run = (int) Math.min(frames - done, nextEvent - now);
            fillDuckGains(run);
            for (int s = 0; s < slots.length; s++) {
                Voice voice = slots[s];
                if (voice != null) {
                    voice.render(now, run, mix, done, duckGains);
                    if (voice.isDone()) {
                        slots[s] = null;
                    }
                }
            }
            now += run;
            done += run;
        }
        masterChain.process(mix, out, frames);
        position = now;
    }

    /** Frames rendered so far: the frame the next {@link #render} starts at. */
    public long framePosition() {
        return position;
    }

    /** Delay of the output behind the schedule (master look-ahead); the offline renderer drops this many frames. */
    public int latencyFrames() {
        return masterChain.latencyFrames();
    }

    private void drainQueue() {
        Command command;
        while (pendingCount < pending.length && (command = queue.peek()) != null) {
            queue.remove();
            // Stable insertion by frame: commands for the same frame keep their submission order.
            int i = pendingCount;
            while (i > 0 && pending[i - 1].frame() > command.frame()) {
                pending[i] = pending[i - 1];
                i--;
            }
            pending[i] = command;
            pendingCount++;
        }
    }

    private void applyDue(long now) {
        int applied = 0;
        while (applied < pendingCount && pending[applied].frame() <= now) {
            apply(pending[applied], now);
            applied++;
        }
        if (applied > 0) {
            System.arraycopy(pending, applied, pending, 0, pendingCount - applied);
            Arrays.fill(pending, pendingCount - applied, pendingCount, null);
            pendingCount -= applied;
        }
    }

    private void apply(Command command, long now) {
        if (command instanceof Command.Start start) {
            startVoice(start.voice(), now);
        } else if (command instanceof Command.Stop stop) {
            stop.voice().stop(now, stop.fadeOutFrames());
        } else if (command instanceof Command.Settings settings) {
            settings.voice().applySettings(settings, audioTempo);
        } else if (command instanceof Command.Duck duck) {
            duckStartDb = duckDb;
            duckTargetDb = duck.gainDb();
            duckRampPosition = 0;
            duckRampLength = duck.rampFrames();
            if (duckRampLength == 0) {
                duckDb = duckTargetDb;
            }
        } else if (command instanceof Command.TempoChange change) {
            audioTempo = change.tempo();
            masterChain.setTempo(audioTempo);
            for (Voice voice : slots) {
                if (voice != null) {
                    voice.setTempo(audioTempo);
                }
            }
        }
    }

    private void startVoice(Voice voice, long now) {
        if (voice.isDone()) {
            return;
        }
        int free = -1;
        for (int s = 0; s < slots.length; s++) {
            if (slots[s] == null) {
                free = s;
                break;
            }
        }
        if (free < 0) {
            droppedLayers++;
            voice.finish();
            return;
        }
        voice.start(now, audioTempo);
        slots[free] = voice;
    }

    private void fillDuckGains(int frames) {
        if (duckRampPosition >= duckRampLength) {
            double gain = duckDb == 0 ? 1.0 : Math.pow(10.0, duckDb / 20.0);
            Arrays.fill(duckGains, 0, frames, gain);
            return;
        }
        for (int i = 0; i < frames; i++) {
            if (duckRampPosition < duckRampLength) {
                duckDb = duckStartDb + (duckTargetDb - duckStartDb) * ((double) duckRampPosition / duckRampLength);
                duckRampPosition++;
            } else {
                duckDb = duckTargetDb;
            }
            duckGains[i] = duckDb == 0 ? 1.0 : Math.pow(10.0, duckDb / 20.0);
        }
        if (duckRampPosition >= duckRampLength) {
            duckDb = duckTargetDb;
        }
    }
}
