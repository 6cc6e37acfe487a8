package io.djia.generate.procedural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.theory.Key;
import io.djia.core.theory.Mode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HarmonicContentTest {
    private static final int FFT = 32768;
    private static final int PEAKS = 5;

    static Stream<Arguments> tonalPitchedLayers() {
        return Clips.layers(Set.of(LayerRole.BASS, LayerRole.HARMONY)).stream()
                .filter(a -> !ProfileLibrary.load((String) a.get()[0]).parsedKey().atonal());
    }

    /**
     * The five strongest spectral peaks between 40 Hz and 2 kHz are notes of the key's scale, in the profile's own
     * key and in a distant one (the key a tritone away in the other mode), and the strongest is in tune with A440.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("tonalPitchedLayers")
    void strongestPartialsAreScaleNotes(String profile, String layer) {
        Key home = ProfileLibrary.load(profile).parsedKey();
        Key away = Key.of(home.tonic() + 6, home.mode() == Mode.MINOR ? Mode.MAJOR : Mode.MINOR);
        for (Key key : List.of(home, away)) {
            AudioBuffer clip = Clips.render(Clips.request(profile, layer, key, 6, 21L));
            List<ClipAnalysis.Peak> peaks = ClipAnalysis.topPeaks(clip, FFT, 40, 2000, PEAKS);
            Set<Integer> scale = Arrays.stream(key.pitchClasses()).boxed().collect(Collectors.toSet());
            String found = peaks.stream().map(p -> String.format("%.1f Hz (pc %d)", p.hz(), p.pitchClass()))
                    .collect(Collectors.joining(", "));
            assertFalse(peaks.isEmpty(), profile + "/" + layer + " in " + key + ": no peaks");
            for (ClipAnalysis.Peak p : peaks) {
                assertTrue(scale.contains(p.pitchClass()), profile + "/" + layer + " in " + key + ": peak outside the scale "
                        + scale + ": " + found);
            }
            double cents = 100 * Math.abs(peaks.get(0).midi() - Math.rint(peaks.get(0).midi()));
            assertTrue(cents < 35, profile + "/" + layer + " in " + key + ": strongest peak " + cents + " cents off A440 tuning: " + found);
        }
    }

    /** The kick's long tail is tuned to the tonic or, where the tonic sits badly, the dominant. */
    @Test
    void technoKickIsTunedToTheKey() {
        for (Key key : List.of(Key.parse("C minor"), Key.parse("F minor"), Key.parse("A major"))) {
            AudioBuffer clip = Clips.render(Clips.request("techno_minimal", "kick", key, 2, 8L));
            ClipAnalysis.Peak low = ClipAnalysis.topPeaks(clip, FFT, 30, 90, 1).get(0);
            int tonic = key.tonic();
            int dominant = (key.tonic() + 7) % 12;
            assertTrue(low.pitchClass() == tonic || low.pitchClass() == dominant,
                    key + ": kick fundamental " + low.hz() + " Hz is pitch class " + low.pitchClass());
        }
    }

    /** Basses are mono: both channels carry the same signal, so the low end survives a mono sum. */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("bassLayers")
    void bassIsMono(String profile, String layer) {
        AudioBuffer clip = Clips.render(Clips.request(profile, layer, 2, 6, 4L, 44100));
        float[] l = clip.channel(0);
        float[] r = clip.channel(1);
        double diff = 0;
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            diff += (l[i] - r[i]) * (l[i] - r[i]);
            sum += l[i] * l[i];
        }
        assertEquals(0.0, diff / sum, 1e-9, profile + "/" + layer + ": side energy relative to mid");
    }

    static Stream<Arguments> bassLayers() {
        return Clips.layers(Set.of(LayerRole.BASS)).stream();
    }

    /** Pads are wide (clear side signal) yet mono-compatible (positively correlated channels). */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("padLayers")
    void padsAreWideButMonoCompatible(String profile, String layer) {
        AudioBuffer clip = Clips.render(Clips.request(profile, layer, 4, 6, 4L, 44100));
        float[] l = clip.channel(0);
        float[] r = clip.channel(1);
        double lr = 0;
        double ll = 0;
        double rr = 0;
        double side = 0;
        double mid = 0;
        for (int i = 0; i < l.length; i++) {
            lr += l[i] * r[i];
            ll += l[i] * l[i];
            rr += r[i] * r[i];
            side += (l[i] - r[i]) * (l[i] - r[i]);
            mid += (l[i] + r[i]) * (l[i] + r[i]);
        }
        double correlation = lr / Math.sqrt(ll * rr);
        double sideDb = 10 * Math.log10(side / mid);
        assertTrue(sideDb > -20, profile + "/" + layer + ": side " + sideDb + " dB below mid: too narrow");
        assertTrue(correlation > 0.0, profile + "/" + layer + ": channel correlation " + correlation + " (mono sum would cancel)");
    }

    static Stream<Arguments> padLayers() {
        return Clips.layers(Set.of(LayerRole.HARMONY)).stream()
                .filter(a -> Clips.layer((String) a.get()[0], (String) a.get()[1]).instrument().equals("pad"));
    }
}
