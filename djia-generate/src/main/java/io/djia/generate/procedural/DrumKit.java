package io.djia.generate.procedural;

import io.djia.generate.procedural.dsp.Noise;
import io.djia.generate.procedural.music.Scale;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A drum or percussion recipe: writes the style's pattern and plays it on the style's synthesised kit. */
final class DrumKit implements Instrument {
    private final DrumStyle style;

    DrumKit(DrumStyle style) {
        this.style = style;
    }

    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        List<DrumHit> hits = DrumPatterns.write(style, ctx).stream()
                .sorted(Comparator.comparingDouble(DrumHit::step)).toList();
        KitTone tone = KitTone.of(style);
        DrumSynth synth = new DrumSynth(ctx.sampleRate(), tone, new Noise(ctx.noiseSeed("kit")), kickHz(ctx));
        float[] buffer = new float[synth.maxFrames()];
        // Everything but the kick gets the room first; the kick is added afterwards so the low end stays mono and dry.
        for (DrumHit hit : hits) {
            if (hit.drum() != Drum.KICK) {
                play(ctx, canvas, synth, buffer, hits, hit);
            }
        }
        if (tone.room() > 0) {
            LoopEffects.room(canvas, ctx.sampleRate(), tone.room());
        }
        for (DrumHit hit : hits) {
            if (hit.drum() == Drum.KICK) {
                play(ctx, canvas, synth, buffer, hits, hit);
            }
        }
    }

    private static void play(ClipContext ctx, LoopCanvas canvas, DrumSynth synth, float[] buffer, List<DrumHit> hits,
                             DrumHit hit) {
        long start = ctx.frameAt(hit.step());
        int limit = 0;
        if (hit.drum() == Drum.OPEN_HAT) {
            limit = chokeFrames(ctx, hits, hit, true);
        } else if (DrumSynth.selfChoking(hit.drum())) {
            limit = chokeFrames(ctx, hits, hit, false);
        }
        int len = synth.render(hit, buffer, limit);
        double pan = Double.isNaN(hit.pan()) ? hit.drum().pan() : hit.pan();
        canvas.addPanned(buffer, len, start, hit.drum().level(), pan);
        Arrays.fill(buffer, 0, len, 0f);
    }

    /**
     * Frames until the stroke that cuts this one: for an open hat the next hat of either kind (the pedal choke),
     * otherwise the next stroke of the same voice; the search wraps around the loop end.
     */
    private static int chokeFrames(ClipContext ctx, List<DrumHit> hits, DrumHit open, boolean anyHat) {
        double loopSteps = ctx.steps();
        double best = Double.MAX_VALUE;
        for (DrumHit h : hits) {
            boolean cuts = anyHat ? h.drum().isHat() : h.drum() == open.drum();
            if (h != open && cuts) {
                double d = h.step() - open.step();
                if (d <= 0) {
                    d += loopSteps;
                }
                best = Math.min(best, d);
            }
        }
        if (best == Double.MAX_VALUE) {
            return 0;
        }
        long from = ctx.frameAt(open.step());
        long to = ctx.frameAt(open.step() + best);
        return (int) Math.max(1, to - from);
    }

    /**
     * Kick pitch: the tonic where one of its octaves falls in the kick's sweet spot (41-62 Hz), else the dominant,
     * so the kick's long tail sits in the key instead of clashing with the bass.
     */
    static double kickHz(ClipContext ctx) {
        Scale scale = ctx.scale();
        for (int degree : new int[] {0, 4}) {
            for (int octave = 0; octave < 4; octave++) {
                double hz = scale.hz(degree + 7 * octave);
                if (hz >= 41.0 && hz <= 62.0) {
                    return hz;
                }
            }
        }
        double hz = scale.hz(0);
        while (hz < 41.0) {
            hz *= 2;
        }
        return hz;
    }
}
