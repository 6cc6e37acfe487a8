package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.Objects;

/**
 * The full analysis of a piece of audio: loudness on all channels; onsets, tempo, beats and bar starts from
 * a ~5.8 ms onset envelope; key, tuning and band profile from one ~0.19 s STFT pass of the channels' average.
 *
 * <pre>{@code
 * AnalysisReport r = new Analyzer().analyze(audio);
 * System.out.println(r.bpm() + " BPM, " + r.key().displayName() + ", " + r.integratedLufs() + " LUFS");
 * }</pre>
 *
 * <p>Stateless and thread-safe: analyse clips in parallel with one instance.
 */
public final class Analyzer {
    /** Refined tempo from the beat grid is used when it lies this close to the autocorrelation estimate. */
    private static final double BEAT_REFINEMENT_TOLERANCE = 0.03;

    private final AnalysisOptions options;
    private final OnsetDetector onsetDetector = new OnsetDetector();
    private final BeatTracker beatTracker = new BeatTracker();

    public Analyzer() {
        this(AnalysisOptions.defaults());
    }

    public Analyzer(AnalysisOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public AnalysisOptions options() {
        return options;
    }

    public AnalysisReport analyze(AudioBuffer audio) {
        Objects.requireNonNull(audio, "audio");
        if (audio.sampleRate() < 8_000) {
            throw new IllegalArgumentException("analysis needs a sample rate of at least 8000 Hz, got " + audio.sampleRate());
        }
        int rate = audio.sampleRate();
        float[] mono = Signals.mono(audio);
        LoudnessReport loudness = LoudnessMeter.measure(audio);

        OnsetEnvelope envelope = onsetDetector.envelope(mono, rate);
        double[] onsets = onsetDetector.onsetTimes(envelope);
        TempoEstimate tempo = new TempoEstimator(options.tempoPrior()).estimate(envelope);
        double[] beats = beatTracker.track(envelope, tempo.bpm());
        double bpm = tempo.bpm();
        double fromBeats = BeatTracker.bpmOfBeats(beats);
        if (fromBeats > 0 && Math.abs(fromBeats / bpm - 1) < BEAT_REFINEMENT_TOLERANCE) {
            bpm = fromBeats;
        }

        int fftSize = Chromagram.fftSizeFor(rate);
        Stft stft = new Stft(fftSize, fftSize / 2, WindowType.HANN);
        Chromagram.Builder chroma = new Chromagram.Builder(rate, fftSize);
        BandProfile.Accumulator bands = new BandProfile.Accumulator(rate, fftSize);
        stft.forEachFrame(mono, (t, re, im) -> {
            chroma.add(re, im);
            bands.add(re, im);
        });
        Chromagram chromagram = chroma.build(stft.hopSize());
        KeyEstimate key = new KeyDetector(options.keyProfile(), 0.5).detect(chromagram);
        BandProfile profile = bands.profile(mono.length / (double) stft.hopSize());
        double[] bars = DownbeatEstimator.barStarts(beats, envelope, chromagram, options.beatsPerBar());

        return new AnalysisReport(audio.durationSeconds(), rate, audio.channels(), bpm, tempo.confidence(),
                options.beatsPerBar(), beats, bars, onsets, key.key(), key.confidence(), chromagram.tuningCents(),
                loudness.integratedLufs(), loudness.loudnessRangeLu(), loudness.truePeakDbtp(),
                loudness.samplePeakDbfs(), profile);
    }
}
