package io.djia.app.render;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.mix.Mixer;
import io.djia.core.mix.MixerConfig;
import io.djia.core.theory.Tempo;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Drives the shared {@link Mixer} offline: applies a {@link SetPlan}'s events on their bars and pulls
 * fixed-size blocks into a sink, exactly as the live engine pulls them for the sound card.
 *
 * <p>The mixer's master latency is compensated by dropping its first {@code latencyFrames} frames, and the
 * set ends with a short master fade so the last bar does not stop dead.
 */
public final class SetRenderer {
    private static final double END_FADE_SECONDS = 3.0;

    /**
     * What a render did.
     *
     * @param frames         frames written
     * @param layersStarted  clips made and started
     * @param voiceDrops     spoken lines mixed in
     * @param peak           largest absolute output sample
     */
    public record Stats(long frames, int layersStarted, int voiceDrops, float peak) {
    }

    private final ClipMaker clips;
    private final VoiceSource voice;
    private final int lookAhead;

    /**
     * @param clips     makes the clips (in parallel, ahead of the mixer)
     * @param voice     speaks voice drops
     * @param lookAhead how many clips may be in the making ahead of the mixer (bounds memory)
     */
    public SetRenderer(ClipMaker clips, VoiceSource voice, int lookAhead) {
        this.clips = clips;
        this.voice = voice;
        this.lookAhead = Math.max(1, lookAhead);
    }

    /** Clips in the making, in the order their layers start, at most {@code lookAhead} ahead. */
    private final class ClipQueue {
        private final List<LayerEvent.Start> starts;
        private final Deque<Future<AudioBuffer>> pending = new ArrayDeque<>();
        private int submitted;

        ClipQueue(List<LayerEvent.Start> starts) {
            this.starts = starts;
        }

        void topUp() {
            while (submitted < starts.size() && pending.size() < lookAhead) {
                pending.addLast(clips.submit(starts.get(submitted++)));
            }
        }

        AudioBuffer next(LayerEvent.Start start) {
            topUp();
            AudioBuffer clip = ClipMaker.await(pending.removeFirst(), start);
            topUp();
            return clip;
        }
    }

    public Stats render(SetPlan plan, MixerConfig config, AudioSink sink, ProgressListener progress) throws IOException {
        int rate = plan.sampleRate();
        if (config.sampleRate() != rate) {
            throw new IllegalArgumentException("mixer rate " + config.sampleRate() + " differs from the plan's " + rate);
        }
        Tempo tempo = plan.tempo();
        Mixer mixer = new Mixer(config);
        LayerScheduler scheduler = new LayerScheduler(mixer);
        int block = config.blockFrames();
        float[][] out = new float[config.channels()][block];
        long latency = mixer.latencyFrames();
        long total = plan.totalFrames();
        long endFadeFrames = Math.min(total / 4, Math.round(END_FADE_SECONDS * rate));

        List<LayerEvent> events = plan.events();
        List<LayerEvent.Start> starts = events.stream()
                .filter(LayerEvent.Start.class::isInstance).map(LayerEvent.Start.class::cast).toList();
        ClipQueue queue = new ClipQueue(starts);
        int started = 0;
        int voices = 0;
        float peak = 0f;
        long written = 0;
        long mixed = 0;

        int e = 0;
        while (written < total) {
            queue.topUp();
            // Apply every event whose bar has come.
            while (e < events.size() && tempo.frameOfBar(events.get(e).bar(), rate) <= mixed) {
                LayerEvent event = events.get(e++);
                long at = tempo.frameOfBar(event.bar(), rate);
                if (event instanceof LayerEvent.Start s) {
                    scheduler.start(s.layerId(), s, queue.next(s), at, tempo);
                    started++;
                } else if (event instanceof LayerEvent.Stop stop) {
                    scheduler.stop(stop.layerId(), stop.behavior(), at, tempo.frameOfBar(stop.bar() + 1, rate), tempo);
                } else if (event instanceof LayerEvent.Speak speak) {
                    Optional<AudioBuffer> line = voice.speak(speak.text(), speak.energy(), rate);
                    if (line.isPresent()) {
                        scheduler.speak("voice-" + voices, line.get(), at);
                        voices++;
                    }
                }
            }
            long nextEventFrame = e < events.size() ? tempo.frameOfBar(events.get(e).bar(), rate) : Long.MAX_VALUE;
            int frames = (int) Math.min(block, Math.min(nextEventFrame - mixed, total + latency - mixed));
            if (frames <= 0) {
                frames = (int) Math.min(block, total + latency - mixed);
            }
            mixer.render(out, frames);
            mixed += frames;
            // Output frame f of the mixer is timeline frame f - latency.
            int skip = (int) Math.max(0, Math.min(frames, latency - (mixed - frames)));
            int keep = (int) Math.min(frames - skip, total - written);
            if (keep > 0) {
                for (int c = 0; c < out.length; c++) {
                    float[] ch = out[c];
                    if (skip > 0) {
                        System.arraycopy(ch, skip, ch, 0, keep);
                    }
                    for (int i = 0; i < keep; i++) {
                        long remaining = total - (written + i);
                        if (remaining <= endFadeFrames) {
                            ch[i] *= (float) ((remaining - 1) / (double) endFadeFrames);
                        }
                        float a = Math.abs(ch[i]);
                        if (a > peak || Float.isNaN(ch[i])) {
                            peak = Float.isNaN(ch[i]) ? Float.NaN : a;
                        }
                    }
                }
                sink.write(out, keep);
                written += keep;
                progress.progress("render", written, total);
            }
        }
        return new Stats(written, started, voices, peak);
    }
}
