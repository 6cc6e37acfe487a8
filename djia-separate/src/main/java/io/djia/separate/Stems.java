package io.djia.separate;

import io.djia.core.audio.AudioBuffer;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The four stems of one clip, all with the clip's channel count, length and sample rate.
 *
 * <p>The stems own their buffers: {@link #get} returns the live buffer, which the caller may keep and edit
 * after separation. Built with {@link #withResidualOther}, the stems sum back to the mixture within float
 * rounding because "other" is defined as what the other three leave.
 */
public final class Stems {
    private final EnumMap<Stem, AudioBuffer> buffers;
    private final int channels;
    private final int frames;
    private final int sampleRate;

    private Stems(EnumMap<Stem, AudioBuffer> buffers) {
        AudioBuffer first = buffers.get(Stem.DRUMS);
        this.buffers = buffers;
        this.channels = first.channels();
        this.frames = first.frames();
        this.sampleRate = first.sampleRate();
    }

    /** Wraps four stems (not copied); all four must be present with matching shapes and rates. */
    public static Stems of(Map<Stem, AudioBuffer> stems) {
        Objects.requireNonNull(stems, "stems");
        EnumMap<Stem, AudioBuffer> map = new EnumMap<>(Stem.class);
        for (Stem s : Stem.values()) {
            AudioBuffer b = stems.get(s);
            if (b == null) {
                throw new IllegalArgumentException("stem \"" + s.id() + "\" is missing; stems need drums, bass, other and vocals");
            }
            map.put(s, b);
        }
        AudioBuffer ref = map.get(Stem.DRUMS);
        for (Stem s : Stem.values()) {
            AudioBuffer b = map.get(s);
            if (b.channels() != ref.channels() || b.frames() != ref.frames() || b.sampleRate() != ref.sampleRate()) {
                throw new IllegalArgumentException("stem \"" + s.id() + "\" is " + describe(b) + " but drums is "
                        + describe(ref) + "; all stems must match");
            }
        }
        return new Stems(map);
    }

    /**
     * Drums, bass and vocals as given (not copied), and other = mixture - drums - bass - vocals, so the stems
     * sum back to the mixture whatever the separator left over.
     */
    public static Stems withResidualOther(AudioBuffer mixture, AudioBuffer drums, AudioBuffer bass, AudioBuffer vocals) {
        Objects.requireNonNull(mixture, "mixture");
        float[][] other = new float[mixture.channels()][mixture.frames()];
        for (AudioBuffer part : new AudioBuffer[] {drums, bass, vocals}) {
            Objects.requireNonNull(part, "stem");
            if (part.channels() != mixture.channels() || part.frames() != mixture.frames()
                    || part.sampleRate() != mixture.sampleRate()) {
                throw new IllegalArgumentException("a stem is " + describe(part) + " but the mixture is "
                        + describe(mixture));
            }
        }
        for (int c = 0; c < other.length; c++) {
            float[] o = other[c];
            float[] m = mixture.channel(c);
            float[] d = drums.channel(c);
            float[] b = bass.channel(c);
            float[] v = vocals.channel(c);
            for (int i = 0; i < o.length; i++) {
                o[i] = m[i] - d[i] - b[i] - v[i];
            }
        }
        EnumMap<Stem, AudioBuffer> map = new EnumMap<>(Stem.class);
        map.put(Stem.DRUMS, drums);
        map.put(Stem.BASS, bass);
        map.put(Stem.OTHER, new AudioBuffer(other, mixture.sampleRate()));
        map.put(Stem.VOCALS, vocals);
        return new Stems(map);
    }

    /** The live buffer of one stem. */
    public AudioBuffer get(Stem stem) {
        return buffers.get(Objects.requireNonNull(stem, "stem"));
    }

    /** A new buffer holding the sum of the given stems (silence for none). */
    public AudioBuffer mix(Collection<Stem> stems) {
        float[][] out = new float[channels][frames];
        for (Stem s : stems) {
            AudioBuffer b = get(s);
            for (int c = 0; c < channels; c++) {
                float[] src = b.channel(c);
                float[] dst = out[c];
                for (int i = 0; i < frames; i++) {
                    dst[i] += src[i];
                }
            }
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** A new buffer holding the sum of all four stems: the mixture, within float rounding. */
    public AudioBuffer sum() {
        return mix(buffers.keySet());
    }

    public int channels() {
        return channels;
    }

    public int frames() {
        return frames;
    }

    public int sampleRate() {
        return sampleRate;
    }

    private static String describe(AudioBuffer b) {
        return b.channels() + " ch x " + b.frames() + " frames at " + b.sampleRate() + " Hz";
    }
}
