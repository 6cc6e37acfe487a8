package io.djia.app.render;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.mix.LayerSettings;
import io.djia.core.mix.Mixer;
import io.djia.core.theory.Tempo;
import io.djia.generate.brain.ManageLayer.StopBehavior;
import java.util.List;

/**
 * Turns layer events into {@link Mixer} control calls at given frames: the part of scheduling shared by the
 * offline renderer and the live engine. Which frame a bar starts on is the caller's business (a fixed tempo
 * grid offline, the followed clock live); this class only decides loop lengths, fades and ducking.
 *
 * <p>Control side of the mixer: call it from the one thread that schedules.
 */
public final class LayerScheduler {
    /** Voice drops duck the music by this much. */
    public static final double VOICE_DUCK_DB = -9.0;
    /** A stop that should be quick still fades, so the cut does not click. */
    private static final double QUICK_FADE_SECONDS = 0.01;
    private static final double VOICE_RAMP_SECONDS = 0.08;

    private final Mixer mixer;
    private final int sampleRate;

    public LayerScheduler(Mixer mixer) {
        if (mixer == null) {
            throw new IllegalArgumentException("a mixer is required");
        }
        this.mixer = mixer;
        this.sampleRate = mixer.config().sampleRate();
    }

    /** The mixer settings a layer start asks for: its volume, pan and effects. */
    public static LayerSettings settingsOf(LayerEvent.Start start) {
        return new LayerSettings(start.playback().volume(), start.playback().pan(), start.effects());
    }

    /** Loop length of the start's clip in (fractional) frames at {@code tempo}. */
    public double loopFrames(LayerEvent.Start start, Tempo tempo) {
        return start.request().bars() * tempo.samplesPerBar(sampleRate);
    }

    /** The start's fade-in in frames at {@code tempo}. */
    public long fadeInFrames(LayerEvent.Start start, Tempo tempo) {
        return Math.round(start.playback().fadeInBeats() * tempo.samplesPerBeat(sampleRate));
    }

    /**
     * Starts {@code start}'s layer as mixer layer {@code mixerId} at {@code atFrame}, looping every
     * {@code bars} bars of {@code tempo}. A playing {@code mixerId} is crossfaded out by the mixer.
     */
    public void start(String mixerId, LayerEvent.Start start, AudioBuffer clip, long atFrame, Tempo tempo) {
        mixer.startLayer(mixerId, clip, atFrame, loopFrames(start, tempo), settingsOf(start),
                fadeInFrames(start, tempo));
    }

    /** Fade-out length in frames of a stop with {@code behavior} at {@code tempo}. */
    public long stopFadeFrames(StopBehavior behavior, Tempo tempo) {
        return switch (behavior) {
            case IMMEDIATE, NEXT_BAR_END -> Math.round(QUICK_FADE_SECONDS * sampleRate);
            case FADE_OUT_BAR -> Math.round(tempo.samplesPerBar(sampleRate));
        };
    }

    /**
     * Stops mixer layer {@code mixerId} as {@code behavior} says: from the bar at {@code barFrame} (over a bar, or
     * quickly), or ending just as the next bar at {@code nextBarFrame} begins.
     */
    public void stop(String mixerId, StopBehavior behavior, long barFrame, long nextBarFrame, Tempo tempo) {
        long fade = stopFadeFrames(behavior, tempo);
        long when = behavior == StopBehavior.NEXT_BAR_END ? nextBarFrame - fade : barFrame;
        mixer.stopLayer(mixerId, when, fade);
    }

    /**
     * Plays a spoken line once as mixer layer {@code mixerId} from {@code atFrame}, not ducked itself, and ducks
     * the music under it with short ramps.
     */
    public void speak(String mixerId, AudioBuffer line, long atFrame) {
        AudioBuffer spoken = line.channels() == 2 ? line : line.toStereo();
        long ramp = Math.round(VOICE_RAMP_SECONDS * sampleRate);
        mixer.startLayer(mixerId, spoken, atFrame, 0, new LayerSettings(0.9, 0, List.of()).withDuckable(false), 0);
        mixer.setDuckingDb(VOICE_DUCK_DB, Math.max(0, atFrame - ramp), ramp);
        mixer.setDuckingDb(0, atFrame + spoken.frames(), ramp * 4);
    }
}
