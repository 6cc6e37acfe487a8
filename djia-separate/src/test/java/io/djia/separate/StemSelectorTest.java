package io.djia.separate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.fx.EffectSpec;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Selection on clips whose true stems are known: drums, bass, a pad as "other", and near-silent vocals. */
class StemSelectorTest {
    private static final StemSelector SELECTOR = new StemSelector();
    private static final SyntheticMix CLIP = SyntheticMix.of(124, SyntheticMix.Groove.OFFBEAT, 21);
    private static final Stems STEMS = stems(CLIP, 0.001f);
    /** What already plays: another loop at the same tempo. */
    private static final SyntheticMix PLAYING = SyntheticMix.of(124, SyntheticMix.Groove.OFFBEAT, 22);

    private static Stems stems(SyntheticMix mix, float vocalLevel) {
        AudioBuffer voice = SyntheticMix.centredVoice(mix.mixture.frames()).withGain(vocalLevel / 0.1f);
        Map<Stem, AudioBuffer> m = new EnumMap<>(Stem.class);
        m.put(Stem.DRUMS, mix.drums);
        m.put(Stem.BASS, mix.bass);
        m.put(Stem.OTHER, mix.pad);
        m.put(Stem.VOCALS, voice);
        return Stems.of(m);
    }

    @Test
    void namedStemsAreHonouredEvenWhenNearlySilent() {
        StemSelection s = SELECTOR.select(STEMS, StemPreference.parse("vocals"), PLAYING.mixture, 1);
        assertEquals(List.of(Stem.VOCALS), s.stems());
        assertFalse(s.score(Stem.VOCALS).audible(), "vocals are 40 dB under the rest");
        assertTrue(s.reason().contains("little energy"), s.reason());
        StemSelection two = SELECTOR.select(STEMS, StemPreference.parse(List.of("drums", "bass")), null, 1);
        assertEquals(List.of(Stem.DRUMS, Stem.BASS), two.stems());
        assertEquals(List.of(Stem.DRUMS, Stem.BASS, Stem.OTHER, Stem.VOCALS),
                SELECTOR.select(STEMS, StemPreference.parse("all"), PLAYING.mixture, 1).stems());
    }

    @Test
    void autoAvoidsTheStemThatFightsTheMix() {
        StemSelection overDrums = SELECTOR.select(STEMS, StemPreference.auto(), PLAYING.drums, 1);
        assertNotEquals(Stem.DRUMS, overDrums.stems().get(0), overDrums.toString());
        assertTrue(overDrums.score(Stem.DRUMS).overlap() > overDrums.score(overDrums.stems().get(0)).overlap());

        StemSelection overBass = SELECTOR.select(STEMS, StemPreference.auto(), PLAYING.bass, 1);
        assertNotEquals(Stem.BASS, overBass.stems().get(0), overBass.toString());
        assertNotEquals(Stem.VOCALS, overBass.stems().get(0), "vocals are too quiet to pick on their own");
    }

    @Test
    void withNothingPlayingAutoTakesTheDominantStem() {
        Stems loudBass = Stems.of(Map.of(Stem.DRUMS, CLIP.drums.withGain(0.5f), Stem.BASS, CLIP.bass.withGain(2f),
                Stem.OTHER, CLIP.pad, Stem.VOCALS, AudioBuffer.silence(2, CLIP.mixture.frames(), SyntheticMix.RATE)));
        StemSelection s = SELECTOR.select(loudBass, StemPreference.auto(), null, 1);
        assertEquals(List.of(Stem.BASS), s.stems());
        assertTrue(s.chosen().get(0).correctiveEq().isEmpty());
        StemSelection silentMix = SELECTOR.select(loudBass, StemPreference.auto(),
                AudioBuffer.silence(2, 1000, SyntheticMix.RATE), 1);
        assertEquals(List.of(Stem.BASS), silentMix.stems());
    }

    @Test
    void aSecondBassIsHighPassed() {
        StemSelection s = SELECTOR.select(STEMS, StemPreference.of(Stem.BASS), PLAYING.bass, 1);
        StemChoice bass = s.chosen().get(0);
        EffectSpec hp = bass.correctiveEq().stream().filter(e -> e.type() == EffectSpec.Type.HPF).findFirst()
                .orElseThrow(() -> new AssertionError("no high-pass for a second bass: " + bass));
        assertTrue(hp.cutoffHz() >= 100 && hp.cutoffHz() <= 200, "cutoff " + hp.cutoffHz());
        // The only bass, over a pad, keeps its low end.
        StemChoice only = SELECTOR.select(STEMS, StemPreference.of(Stem.BASS), PLAYING.pad, 1).chosen().get(0);
        assertTrue(only.correctiveEq().stream().noneMatch(e -> e.type() == EffectSpec.Type.HPF), only.toString());
        assertTrue(StemSelector.lowEndShare(PLAYING.bass) > 0.5);
        assertTrue(StemSelector.lowEndShare(PLAYING.pad) < 0.25);
    }

    @Test
    void randomDrawsAudibleStemsReproducibly() {
        Set<Stem> drawn = EnumSet.noneOf(Stem.class);
        for (long seed = 0; seed < 40; seed++) {
            StemSelection s = SELECTOR.select(STEMS, StemPreference.random(), PLAYING.mixture, seed);
            assertEquals(s.stems(), SELECTOR.select(STEMS, StemPreference.random(), PLAYING.mixture, seed).stems());
            drawn.addAll(s.stems());
        }
        assertEquals(EnumSet.of(Stem.DRUMS, Stem.BASS, Stem.OTHER), drawn, "never the near-silent vocals");
    }

    @Test
    void silentClipYieldsNothingUnlessNamed() {
        int n = 10_000;
        Stems silent = Stems.withResidualOther(AudioBuffer.silence(2, n, 44_100), AudioBuffer.silence(2, n, 44_100),
                AudioBuffer.silence(2, n, 44_100), AudioBuffer.silence(2, n, 44_100));
        assertTrue(SELECTOR.select(silent, StemPreference.auto(), null, 1).stems().isEmpty());
        assertTrue(SELECTOR.select(silent, StemPreference.random(), null, 1).stems().isEmpty());
        assertEquals(List.of(Stem.DRUMS), SELECTOR.select(silent, StemPreference.parse("drums"), null, 1).stems());
    }

    @Test
    void preferencesParseLikeTheBrainsWriteThem() {
        assertEquals(StemPreference.of(Stem.DRUMS, Stem.BASS), StemPreference.parse(" Drums , bass,drums"));
        assertEquals(StemPreference.all(), StemPreference.parse(List.of("drums", "all")));
        assertEquals(StemPreference.auto(), StemPreference.parse(""));
        assertEquals(StemPreference.auto(), StemPreference.parse((String) null));
        assertEquals(StemPreference.random(), StemPreference.parse("RANDOM"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StemPreference.parse("drums,guitar"));
        assertTrue(e.getMessage().contains("\"guitar\"") && e.getMessage().contains("drums, bass, other, vocals"));
        assertThrows(IllegalArgumentException.class, () -> StemPreference.parse("random,bass"));
    }

    @Test
    void mismatchedRatesAreRejected() {
        AudioBuffer mix48k = AudioBuffer.silence(2, 100, 48_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SELECTOR.select(STEMS, StemPreference.auto(), mix48k, 1));
        assertTrue(e.getMessage().contains("48000 Hz"));
    }
}
