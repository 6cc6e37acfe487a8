package io.djia.core.fx;

import io.djia.core.theory.Tempo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds stereo processors from {@link EffectSpec}s. Call on a control thread: building allocates delay
 * lines and parses note values.
 */
public final class Effects {
    /** Reverb pre-delay: a small room gets 5 ms, the largest 30 ms. */
    private static final double MIN_PRE_DELAY_SECONDS = 0.005;
    private static final double PRE_DELAY_SECONDS_PER_SIZE = 0.025;

    private Effects() {
    }

    /**
     * A stereo processor for {@code spec}: filters and shelves become {@link Biquad}s, reverb an
     * {@link FdnReverb} (pre-delay 5..30 ms from size), delay a {@link TempoSyncedDelay} (6 kHz damping,
     * at least 4 s of line).
     */
    public static AudioProcessor create(EffectSpec spec, Tempo tempo, int sampleRate) {
        if (spec == null) {
            throw new IllegalArgumentException("effect spec is required");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        return switch (spec.type()) {
            case HPF, LPF, BANDPASS, LOW_SHELF, HIGH_SHELF ->
                    new Biquad(biquadType(spec.type()), sampleRate, 2, spec.cutoffHz(), spec.q(), spec.gainDb());
            case REVERB -> new FdnReverb(sampleRate, spec.size(), spec.decaySeconds(), preDelaySeconds(spec.size()),
                    spec.mix());
            case DELAY -> {
                if (tempo == null) {
                    throw new IllegalArgumentException("a delay effect needs the tempo");
                }
                double beats = EffectSpec.beatsOf(spec.noteValue());
                // Room for the note value at half the tempo, so slowing down does not clamp it.
                double maxSeconds = Math.min(60.0, Math.max(TempoSyncedDelay.DEFAULT_MAX_DELAY_SECONDS,
                        2.0 * beats * tempo.secondsPerBeat()));
                yield new TempoSyncedDelay(sampleRate, tempo, beats, spec.feedback(), spec.mix(),
                        TempoSyncedDelay.DEFAULT_DAMPING_HZ, false, maxSeconds);
            }
        };
    }

    /** A chain of {@link #create}d processors in list order. */
    public static EffectChain chain(List<EffectSpec> specs, Tempo tempo, int sampleRate) {
        List<AudioProcessor> processors = new ArrayList<>(specs.size());
        for (EffectSpec spec : specs) {
            processors.add(create(spec, tempo, sampleRate));
        }
        return new EffectChain(processors);
    }

    /**
     * An in-place change from {@code current} to {@code next} for a processor made by {@link #create} from
     * {@code current}, or empty when the change needs a new processor (different type, reverb size).
     * Made here so the audio thread applies it without parsing or allocating.
     */
    public static Optional<ParameterUpdate> update(EffectSpec current, EffectSpec next) {
        if (current.type() != next.type()) {
            return Optional.empty();
        }
        return switch (next.type()) {
            case HPF, LPF, BANDPASS, LOW_SHELF, HIGH_SHELF -> {
                double cutoffHz = next.cutoffHz();
                double q = next.q();
                double gainDb = next.gainDb();
                yield Optional.of(p -> ((Biquad) p).setParameters(cutoffHz, q, gainDb));
            }
            case REVERB -> {
                if (current.size() != next.size()) {
                    yield Optional.empty();
                }
                double decaySeconds = next.decaySeconds();
                double mix = next.mix();
                yield Optional.of(p -> {
                    FdnReverb reverb = (FdnReverb) p;
                    reverb.setDecaySeconds(decaySeconds);
                    reverb.setMix(mix);
                });
            }
            case DELAY -> {
                double beats = EffectSpec.beatsOf(next.noteValue());
                double feedback = next.feedback();
                double mix = next.mix();
                yield Optional.of(p -> {
                    TempoSyncedDelay delay = (TempoSyncedDelay) p;
                    delay.setBeats(beats);
                    delay.setFeedback(feedback);
                    delay.setMix(mix);
                });
            }
        };
    }

    private static double preDelaySeconds(double size) {
        return MIN_PRE_DELAY_SECONDS + PRE_DELAY_SECONDS_PER_SIZE * size;
    }

    private static BiquadType biquadType(EffectSpec.Type type) {
        return switch (type) {
            case HPF -> BiquadType.HIGH_PASS;
            case LPF -> BiquadType.LOW_PASS;
            case BANDPASS -> BiquadType.BAND_PASS;
            case LOW_SHELF -> BiquadType.LOW_SHELF;
            case HIGH_SHELF -> BiquadType.HIGH_SHELF;
            default -> throw new IllegalArgumentException(type + " is not a filter");
        };
    }
}
