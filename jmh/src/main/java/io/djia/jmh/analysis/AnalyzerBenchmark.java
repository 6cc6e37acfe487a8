package io.djia.jmh.analysis;

import io.djia.core.analysis.AnalysisReport;
import io.djia.core.analysis.Analyzer;
import io.djia.core.analysis.LoudnessMeter;
import io.djia.core.analysis.LoudnessReport;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Spectrogram;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full analysis (loudness, onsets, tempo, beats, bars, key, band profile) of 60 s of stereo 44.1 kHz music:
 * a seeded drum loop at 126 BPM with a bass line and chords. Target: under 0.3 s on one core; the fork is
 * limited to one processor so nothing runs in parallel behind the figure. Also measured alone: the loudness
 * meter, and an STFT forward plus inverse of one channel (2048 / 512, Hann).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xmx2g"})
public class AnalyzerBenchmark {
    private static final int RATE = 44_100;
    private static final int SECONDS = 60;
    private static final double BPM = 126;

    private AudioBuffer music;
    private Analyzer analyzer;
    private Stft stft;

    @Setup
    public void setUp() {
        music = synthesise(new SplittableRandom(2024));
        analyzer = new Analyzer();
        stft = new Stft(2048, 512, WindowType.HANN);
    }

    @Benchmark
    public AnalysisReport analyze60sStereo() {
        return analyzer.analyze(music);
    }

    @Benchmark
    public LoudnessReport loudness60sStereo() {
        return LoudnessMeter.measure(music);
    }

    @Benchmark
    public float[] stftRoundTrip60sMono() {
        float[] channel = music.channel(0);
        Spectrogram spec = stft.forward(channel);
        return stft.inverse(spec, channel.length);
    }

    /** Kick on every beat, snare on 2 and 4, hats on eighths, an eighth-note bass line and a chord per bar. */
    private static AudioBuffer synthesise(SplittableRandom random) {
        int n = RATE * SECONDS;
        float[] left = new float[n];
        float[] right = new float[n];
        double beat = 60.0 / BPM;
        int[] bass = {33, 33, 45, 33, 36, 36, 48, 31};
        int[][] chords = {{57, 60, 64}, {53, 57, 60}, {55, 59, 62}, {52, 56, 59}};
        int index = 0;
        for (double t = 0.1; t < SECONDS - 1; t += beat, index++) {
            addKick(left, right, t);
            if (index % 2 == 1) {
                addNoise(left, right, t, 0.15, 0.05, 0.4, random);
            }
            addNoise(left, right, t + beat / 2, 0.05, 0.015, 0.15, random);
            addTone(left, right, t, beat / 2 * 0.9, bass[(2 * index) % bass.length], 0.2);
            addTone(left, right, t + beat / 2, beat / 2 * 0.9, bass[(2 * index + 1) % bass.length], 0.2);
            if (index % 4 == 0) {
                for (int note : chords[(index / 4) % chords.length]) {
                    addTone(left, right, t, 4 * beat, note, 0.05);
                }
            }
        }
        return new AudioBuffer(new float[][] {left, right}, RATE);
    }

    private static void addKick(float[] left, float[] right, double at) {
        int start = (int) Math.round(at * RATE);
        double phase = 0;
        for (int i = 0; i < 0.3 * RATE && start + i < left.length; i++) {
            double t = i / (double) RATE;
            phase += 2 * Math.PI * (45 + 100 * Math.exp(-t / 0.03)) / RATE;
            float v = (float) (0.7 * Math.exp(-t / 0.1) * Math.sin(phase));
            left[start + i] += v;
            right[start + i] += v;
        }
    }

    private static void addNoise(float[] left, float[] right, double at, double seconds, double decay,
            double amplitude, SplittableRandom random) {
        int start = (int) Math.round(at * RATE);
        for (int i = 0; i < seconds * RATE && start + i < left.length; i++) {
            double env = amplitude * Math.exp(-i / (decay * RATE));
            left[start + i] += (float) (env * (random.nextDouble() * 2 - 1));
            right[start + i] += (float) (env * (random.nextDouble() * 2 - 1));
        }
    }

    private static void addTone(float[] left, float[] right, double at, double seconds, int midi, double amplitude) {
        double hz = 440 * Math.pow(2, (midi - 69) / 12.0);
        int start = (int) Math.round(at * RATE);
        int length = (int) Math.min(seconds * RATE, left.length - start);
        for (int i = 0; i < length; i++) {
            double env = Math.min(1, Math.min(i, length - i) / (0.005 * RATE));
            double v = 0;
            for (int h = 1; h <= 4; h++) {
                v += Math.sin(2 * Math.PI * hz * h * i / RATE) / h;
            }
            left[start + i] += (float) (amplitude * env * v);
            right[start + i] += (float) (amplitude * env * v * 0.9);
        }
    }
}
