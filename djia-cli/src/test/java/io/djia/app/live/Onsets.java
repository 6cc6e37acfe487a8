package io.djia.app.live;

import io.djia.core.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;

/** Finds clicks in a rendered mix: the first frame whose level crosses a threshold after a silent gap. */
final class Onsets {
    private Onsets() {
    }

    /**
     * Frames where either channel first exceeds {@code threshold} after at least {@code gapFrames} frames below
     * it.
     */
    static List<Long> find(AudioBuffer audio, double threshold, int gapFrames) {
        List<Long> onsets = new ArrayList<>();
        float[] left = audio.channel(0);
        float[] right = audio.channel(1);
        long lastLoud = Long.MIN_VALUE / 2;
        for (int i = 0; i < audio.frames(); i++) {
            if (Math.abs(left[i]) > threshold || Math.abs(right[i]) > threshold) {
                if (i - lastLoud > gapFrames) {
                    onsets.add((long) i);
                }
                lastLoud = i;
            }
        }
        return onsets;
    }
}
