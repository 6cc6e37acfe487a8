package io.djia.generate.procedural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.generate.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DrumTimingTest {
    private static final double TOLERANCE_SECONDS = 0.002;

    static Stream<Arguments> drumLayers() {
        return Clips.layers(Set.of(LayerRole.RHYTHM, LayerRole.PERCUSSION)).stream();
    }

    /**
     * Every detected onset lies within 2 ms of the 16th grid, the odd 16ths delayed by the profile's swing
     * (swing x 2/3 of a 16th). Glitch ratchets are 32nds, so the glitch kit is checked against the 32nd grid.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("drumLayers")
    void onsetsFallOnTheSwungSixteenthGrid(String profile, String layer) {
        StyleProfile p = ProfileLibrary.load(profile);
        boolean thirtySeconds = Clips.layer(profile, layer).instrument().equals("glitch_drums");
        for (int intensity : new int[] {4, 9}) {
            GenerationRequest request = Clips.request(profile, layer, 4, intensity, 99L + intensity, 44100);
            AudioBuffer clip = Clips.render(request);
            double[] grid = grid(p.bpm(), p.swing(), 4 * 16, thirtySeconds, 44100);
            List<Integer> onsets = ClipAnalysis.onsets(clip);
            assertTrue(onsets.size() >= 8, profile + "/" + layer + ": only " + onsets.size() + " onsets found in 4 bars");
            for (int onset : onsets) {
                double off = ClipAnalysis.distanceToGrid(onset, grid, clip.frames()) / 44100.0;
                assertTrue(off <= TOLERANCE_SECONDS, String.format("%s/%s intensity %d: onset at %.4f s is %.2f ms off the grid",
                        profile, layer, intensity, onset / 44100.0, off * 1000));
            }
        }
    }

    /** Grid positions in frames, computed here from the definition rather than from the generator's code. */
    static double[] grid(double bpm, double swing, int sixteenths, boolean thirtySeconds, int sampleRate) {
        double framesPerSixteenth = sampleRate * 60.0 / bpm / 4.0;
        List<Double> out = new ArrayList<>();
        for (int s = 0; s < sixteenths; s++) {
            double delay = (s % 2 == 1) ? swing * 2.0 / 3.0 : 0.0;
            out.add((s + delay) * framesPerSixteenth);
            if (thirtySeconds) {
                out.add((s + 0.5) * framesPerSixteenth);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The detector finds synthetic clicks exactly where they are, and the grid check would reject a late one. */
    @Test
    void detectorFindsKnownClicks() {
        int sr = 44100;
        int n = sr * 2;
        float[] x = new float[n];
        int[] at = {0, 5000, 22050, 40000, 61000};
        for (int t : at) {
            for (int i = 0; i < 400; i++) {
                x[(t + i) % n] += (float) (0.8 * Math.exp(-i / 60.0) * Math.sin(i * 0.9));
            }
        }
        List<Integer> found = ClipAnalysis.onsets(new AudioBuffer(new float[][] {x, x.clone()}, sr));
        assertEquals(at.length, found.size(), "found " + found);
        for (int i = 0; i < at.length; i++) {
            assertTrue(Math.abs(found.get(i) - at[i]) <= 0.0005 * sr, "click " + at[i] + " found at " + found.get(i));
        }
        double[] grid = {0, 22050};
        assertTrue(ClipAnalysis.distanceToGrid(5000, grid, n) / sr > TOLERANCE_SECONDS);
    }

    /** Higher intensity means a busier kit. */
    @Test
    void intensityAddsHits() {
        for (String[] pl : new String[][] {{"techno_minimal", "kick"}, {"rock", "drums"}, {"jungle_dnb", "break"}, {"dub", "riddim"}}) {
            int calm = ClipAnalysis.onsets(Clips.render(Clips.request(pl[0], pl[1], 4, 2, 3L, 44100))).size();
            int wild = ClipAnalysis.onsets(Clips.render(Clips.request(pl[0], pl[1], 4, 10, 3L, 44100))).size();
            assertTrue(wild > calm, pl[0] + ": " + wild + " onsets at intensity 10 vs " + calm + " at 2");
        }
    }
}
