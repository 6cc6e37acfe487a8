package io.djia.generate.procedural;

import io.djia.generate.procedural.music.Scale;
import java.util.Arrays;

/**
 * A drone: tonic, fifth and octave held for the whole loop from slowly beating saw pairs, breathing through a
 * loop-periodic filter sweep and swell. In an atonal key it becomes a metallic cluster of the clip's microtonal
 * pitches, ring-modulated. The continuous tone is rendered past the loop end and folded back with a crossfade.
 */
final class DroneInstrument implements Instrument {
    @Override
    public void render(ClipContext ctx, LoopCanvas canvas) {
        int n = ctx.frames();
        int fade = Math.min(n / 2, (int) (0.5 * ctx.sampleRate()));
        int total = n + fade;
        Scale scale = ctx.scale();
        boolean atonal = scale.atonal();
        SubtractiveVoice.Patch patch = new SubtractiveVoice.Patch(2, atonal ? 9 : 5, 0.7, atonal ? 0.4 : 1.0, 0.3,
                0.001, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0, 0, 0, 0.7, 0, 0, 0.0, 1.0);
        SubtractiveVoice voice = new SubtractiveVoice(patch, ctx.sampleRate(), ctx.noiseSeed("drone"));
        int root = scale.degreeNear(0, 40);
        int[] degrees = atonal ? new int[] {root, root + 1, root + 3, root + 5, root + 9}
                : new int[] {root, root + 4, root + 7, root + 11};
        double[] levels = atonal ? new double[] {1.0, 0.6, 0.7, 0.5, 0.4} : new double[] {1.0, 0.7, 0.55, 0.3};
        float[] left = new float[total];
        float[] right = new float[total];
        float[] l = new float[total];
        float[] r = new float[total];
        for (int i = 0; i < degrees.length; i++) {
            Arrays.fill(l, 0f);
            Arrays.fill(r, 0f);
            voice.render(new Note(0, total, scale.midi(degrees[i]), levels[i], 0), l, r, total);
            for (int t = 0; t < total; t++) {
                left[t] += l[t];
                right[t] += r[t];
            }
        }
        canvas.addLooped(left, right, fade, 1.0);
        double cutoff = (atonal ? 1400 : 500) * Math.pow(2.0, 1.2 * ctx.energy() + 0.5 * ctx.brightness());
        LoopEffects.sweptLowpass(canvas.left(), cutoff, 1.0, 1, 0.0, 1.4, ctx.sampleRate());
        LoopEffects.sweptLowpass(canvas.right(), cutoff, 1.0, 1, 0.2, 1.4, ctx.sampleRate());
        if (atonal) {
            LoopEffects.ringModulate(canvas, LoopEffects.cyclesPerLoop(173, ctx.loopSeconds()), 0.5);
        }
        LoopEffects.swell(canvas, Math.max(1, ctx.bars() / 4), 0.35, 0.0);
        LoopEffects.chorus(canvas, ctx.sampleRate(), 15.0, 5.0, 0.2, 0.5);
    }
}
