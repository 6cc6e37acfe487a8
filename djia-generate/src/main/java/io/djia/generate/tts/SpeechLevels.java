package io.djia.generate.tts;

import io.djia.core.audio.AudioBuffer;

/** Trimming and level of spoken lines, shared by the engines. */
final class SpeechLevels {
    /** Peak level of a spoken line: -6 dBFS leaves headroom for the mix. */
    static final float PEAK = 0.5f;
    /** Samples below -50 dBFS at either end count as silence. */
    private static final float SILENCE = 0.00316f;

    private SpeechLevels() {
    }

    /** Mono copy without leading and trailing silence (a 5 ms margin is kept), scaled to {@link #PEAK}. */
    static AudioBuffer trimAndNormalise(AudioBuffer in) {
        float[] x = in.toMono().channel(0);
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak == 0) {
            throw new SpeechSynthesizer.SpeechException("the speech engine returned silence", null);
        }
        float threshold = Math.min(SILENCE, peak * 0.01f);
        int first = 0;
        while (first < x.length && Math.abs(x[first]) < threshold) {
            first++;
        }
        int last = x.length - 1;
        while (last > first && Math.abs(x[last]) < threshold) {
            last--;
        }
        int margin = in.sampleRate() / 200;
        first = Math.max(0, first - margin);
        last = Math.min(x.length - 1, last + margin);
        float[] out = new float[last - first + 1];
        float gain = PEAK / peak;
        for (int i = 0; i < out.length; i++) {
            out[i] = x[first + i] * gain;
        }
        return new AudioBuffer(new float[][] {out}, in.sampleRate());
    }
}
