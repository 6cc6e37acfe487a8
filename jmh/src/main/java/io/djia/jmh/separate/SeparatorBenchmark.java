package io.djia.jmh.separate;

import io.djia.core.audio.AudioBuffer;
import io.djia.separate.DspSeparator;
import io.djia.separate.SeparationProgress;
import io.djia.separate.Stems;
import io.djia.separate.demucs.DemucsModelDescription;
import io.djia.separate.demucs.HybridPipeline;
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
 * Stem separation of 60 s of stereo 44.1 kHz music (a seeded kick, hat and snare loop at 126 BPM with a saw bass
 * and chords), on one core.
 * <ul>
 *   <li>{@code dsp60sStereo}: the embedded DSP separator. Target: under 3 s, i.e. 20x real time.</li>
 *   <li>{@code demucsHostOverhead60sStereo}: everything the Demucs ONNX path does outside the network at
 *       HTDemucs sizes (normalisation, 8 segments of 7.8 s with 25% overlap, STFT 4096 / 1024 per segment,
 *       inverse STFT of three stems, overlap-add). The network is replaced by a stand-in that copies a quarter
 *       of its input to each stem, so the figure is the host's share of a real run.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xmx3g"})
public class SeparatorBenchmark {
    private static final int RATE = 44_100;
    private static final int SECONDS = 60;
    private static final double BPM = 126;

    private AudioBuffer music;
    private DspSeparator dsp;
    private HybridPipeline demucsHost;

    @Setup
    public void setUp() {
        music = synthesise(new SplittableRandom(2024));
        dsp = new DspSeparator();
        DemucsModelDescription htdemucs = DemucsModelDescription.htdemucs("mix", "x", "add_67", "output");
        int stems = htdemucs.stems().size();
        demucsHost = new HybridPipeline(htdemucs, (wave, spec, waveOut, specOut) -> {
            int plane = spec.length;
            for (int s = 0; s < stems; s++) {
                for (int i = 0; i < plane; i++) {
                    specOut[s * plane + i] = 0.25f * spec[i];
                }
            }
            java.util.Arrays.fill(waveOut, 0f);
        });
    }

    @Benchmark
    public Stems dsp60sStereo() {
        return dsp.separate(music, SeparationProgress.NONE);
    }

    @Benchmark
    public Stems demucsHostOverhead60sStereo() {
        return demucsHost.separate(music, SeparationProgress.NONE);
    }

    /** Kicks on the beat, snares on 2 and 4, off-beat hats, a saw bass on the off-beats and saw chords. */
    static AudioBuffer synthesise(SplittableRandom random) {
        int n = SECONDS * RATE;
        float[][] x = new float[2][n];
        double beat = 60.0 / BPM;
        int[] roots = {45, 48, 43, 40};
        int beats = (int) (SECONDS / beat);
        for (int b = 0; b < beats; b++) {
            int start = (int) Math.round(b * beat * RATE);
            double phase = 0;
            for (int i = 0; i < 0.3 * RATE && start + i < n; i++) {
                double t = i / (double) RATE;
                phase += 2 * Math.PI * (50 + 110 * Math.exp(-t / 0.03)) / RATE;
                float v = (float) (0.5 * Math.sin(phase) * Math.exp(-t / 0.08));
                x[0][start + i] += v;
                x[1][start + i] += v;
            }
            if (b % 2 == 1) {
                for (int i = 0; i < 0.2 * RATE && start + i < n; i++) {
                    float v = (float) (0.2 * (random.nextDouble() * 2 - 1) * Math.exp(-i / (0.06 * RATE)));
                    x[0][start + i] += v;
                    x[1][start + i] += v;
                }
            }
            int off = start + (int) Math.round(beat / 2 * RATE);
            double hz = 440 * Math.pow(2, (roots[(b / 4) % 4] - 12 - 69) / 12.0);
            double saw = 0;
            double lp = 0;
            for (int i = 0; i < 0.45 * beat * RATE && off + i < n; i++) {
                float hat = i < 0.05 * RATE ? (float) (0.05 * (random.nextDouble() * 2 - 1) * Math.exp(-i / (0.015 * RATE))) : 0f;
                saw = (saw + hz / RATE) % 1.0;
                lp += 0.07 * ((2 * saw - 1) - lp);
                float v = (float) (0.3 * lp);
                x[0][off + i] += v + 0.8f * hat;
                x[1][off + i] += v + 1.1f * hat;
            }
        }
        double[] phases = new double[6];
        for (int i = 0; i < n; i++) {
            int bar = (int) (i / (4 * beat * RATE)) % 4;
            int[] chord = {roots[bar] + 12, roots[bar] + 15, roots[bar] + 19};
            float left = 0;
            float right = 0;
            for (int j = 0; j < 3; j++) {
                double f = 440 * Math.pow(2, (chord[j] - 69) / 12.0);
                phases[j] = (phases[j] + f * 0.995 / RATE) % 1.0;
                phases[j + 3] = (phases[j + 3] + f * 1.004 / RATE) % 1.0;
                left += (float) (0.03 * (2 * phases[j] - 1));
                right += (float) (0.03 * (2 * phases[j + 3] - 1));
            }
            x[0][i] += left;
            x[1][i] += right;
        }
        return new AudioBuffer(x, RATE);
    }
}
