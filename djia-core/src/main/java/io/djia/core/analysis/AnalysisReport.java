package io.djia.core.analysis;

import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link Analyzer} finds in a piece of audio. Times are seconds from the start.
 *
 * @param durationSeconds   length of the audio
 * @param sampleRate        Hz
 * @param channels          channel count of the audio
 * @param bpm               tempo, 0 when no pulse was found
 * @param tempoConfidence   0..1
 * @param beatsPerBar       meter used for {@link #barStartTimes}
 * @param beatTimes         beats, ascending
 * @param barStartTimes     the beats that start bars (downbeats), ascending
 * @param onsetTimes        note and drum onsets, ascending
 * @param key               detected key or {@link Key#ATONAL}
 * @param keyConfidence     0..1, correlation with the key profile
 * @param tuningCents       deviation of the tuning from A440
 * @param integratedLufs    BS.1770-4 gated loudness; negative infinity for silence
 * @param loudnessRangeLu   EBU Tech 3342 loudness range
 * @param truePeakDbtp      4x oversampled peak
 * @param samplePeakDbfs    largest sample
 * @param bandProfile       long-term level per named band
 */
public record AnalysisReport(double durationSeconds, int sampleRate, int channels, double bpm,
        double tempoConfidence, int beatsPerBar, double[] beatTimes, double[] barStartTimes, double[] onsetTimes,
        Key key, double keyConfidence, double tuningCents, double integratedLufs, double loudnessRangeLu,
        double truePeakDbtp, double samplePeakDbfs, BandProfile bandProfile) {
    public AnalysisReport {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bandProfile, "bandProfile");
        if (!(durationSeconds >= 0) || sampleRate <= 0 || channels < 1) {
            throw new IllegalArgumentException("need duration >= 0, a positive sample rate and >= 1 channel");
        }
        if (!(bpm == 0 || (bpm >= 20 && bpm <= 400))) {
            throw new IllegalArgumentException("bpm must be 0 (none) or 20..400, got " + bpm);
        }
        if (!(tempoConfidence >= 0 && tempoConfidence <= 1) || !(keyConfidence >= 0 && keyConfidence <= 1)) {
            throw new IllegalArgumentException("confidences must be in [0, 1], got " + tempoConfidence + ", " + keyConfidence);
        }
        beatTimes = beatTimes.clone();
        barStartTimes = barStartTimes.clone();
        onsetTimes = onsetTimes.clone();
    }

    @Override
    public double[] beatTimes() {
        return beatTimes.clone();
    }

    @Override
    public double[] barStartTimes() {
        return barStartTimes.clone();
    }

    @Override
    public double[] onsetTimes() {
        return onsetTimes.clone();
    }

    /** The tempo with this report's meter, empty when no pulse was found. */
    public Optional<Tempo> tempo() {
        return bpm > 0 ? Optional.of(new Tempo(bpm, beatsPerBar)) : Optional.empty();
    }
}
