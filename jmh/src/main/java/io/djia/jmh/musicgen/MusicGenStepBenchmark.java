package io.djia.jmh.musicgen;

import io.djia.generate.models.MusicGenDims;
import io.djia.generate.models.MusicGenExport;
import io.djia.generate.musicgen.KvCacheHandOver;
import io.djia.generate.musicgen.TokenSampler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The MusicGen generator's own work per decoding step, outside ONNX Runtime, at musicgen-small's sizes: copy
 * the step's logits (2 x 4 rows of 2048: conditional and unconditional batch), classifier-free guidance, top-k
 * 250 sampling of the four codebooks, and the hand-over of the 24 layers' key/value caches to the next step's
 * inputs. The budget is 0.2 ms per step (50 steps per second of audio).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MusicGenStepBenchmark {
    private static final MusicGenDims DIMS = MusicGenDims.small();
    private static final int CODEBOOKS = DIMS.codebooks();
    private static final int VOCAB = DIMS.vocabSize();

    private float[] stepOutput;
    private float[] logits;
    private long[] ids;
    private TokenSampler sampler;
    private SplittableRandom random;
    private KvCacheHandOver handOver;
    private Map<String, Object> inputs;
    private Object[] previousOutputs;
    private Object[] firstOutputs;

    @Setup
    public void setUp() {
        SplittableRandom noise = new SplittableRandom(1);
        stepOutput = new float[2 * CODEBOOKS * VOCAB];
        for (int i = 0; i < stepOutput.length; i++) {
            stepOutput[i] = (float) (noise.nextGaussian() * 3.0);
        }
        logits = new float[stepOutput.length];
        ids = new long[2 * CODEBOOKS];
        sampler = new TokenSampler(VOCAB);
        random = new SplittableRandom(42);
        List<String> outputs = new ArrayList<>();
        outputs.add(MusicGenExport.LOGITS);
        for (int layer = 0; layer < DIMS.decoderLayers(); layer++) {
            for (String part : new String[] {"decoder", "encoder"}) {
                outputs.add(MusicGenExport.presentName(layer, part, "key"));
                outputs.add(MusicGenExport.presentName(layer, part, "value"));
            }
        }
        handOver = new KvCacheHandOver(DIMS.decoderLayers(), outputs);
        inputs = new HashMap<>();
        previousOutputs = new Object[outputs.size()];
        firstOutputs = new Object[outputs.size()];
        for (int i = 0; i < outputs.size(); i++) {
            previousOutputs[i] = "previous " + i;
            firstOutputs[i] = "first " + i;
        }
    }

    @Benchmark
    public long step() {
        System.arraycopy(stepOutput, 0, logits, 0, logits.length);
        TokenSampler.guide(logits, CODEBOOKS, VOCAB, 3.0f);
        long checksum = 0;
        for (int k = 0; k < CODEBOOKS; k++) {
            long code = sampler.sample(logits, k * VOCAB, 250, 0.91, random);
            ids[k] = code;
            ids[CODEBOOKS + k] = code;
            checksum += code;
        }
        handOver.nextStep(inputs, i -> previousOutputs[i], i -> firstOutputs[i]);
        return checksum + inputs.size();
    }
}
