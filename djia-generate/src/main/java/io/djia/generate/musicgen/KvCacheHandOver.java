package io.djia.generate.musicgen;

import io.djia.generate.models.MusicGenExport;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Which decoder output feeds which input on the next step, worked out once from the output names.
 *
 * <p>The first step gets empty caches. Every later step gets the previous step's
 * {@code present.N.decoder.key/value} as {@code past_key_values.N.decoder.key/value}, and the first step's
 * {@code present.N.encoder.key/value} as {@code past_key_values.N.encoder.key/value}: the cross-attention cache
 * does not change, and the merged decoder's cache branch returns only placeholders for it. Generic over the
 * tensor type so the bookkeeping is plain Java; stateless after construction and thread-safe.
 */
public final class KvCacheHandOver {
    private final int layers;
    private final String[] pastDecoder;
    private final String[] pastEncoder;
    private final int[] presentDecoderIndex;
    private final int[] presentEncoderIndex;

    /**
     * @param layers      decoder layers
     * @param outputNames the decoder's output names in the order its results are indexed
     * @throws IllegalArgumentException naming the first present output that is missing
     */
    public KvCacheHandOver(int layers, List<String> outputNames) {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        this.layers = layers;
        int entries = 2 * layers;
        pastDecoder = new String[entries];
        pastEncoder = new String[entries];
        presentDecoderIndex = new int[entries];
        presentEncoderIndex = new int[entries];
        String[] kvs = {"key", "value"};
        for (int layer = 0; layer < layers; layer++) {
            for (int j = 0; j < 2; j++) {
                int e = 2 * layer + j;
                pastDecoder[e] = MusicGenExport.pastName(layer, "decoder", kvs[j]);
                pastEncoder[e] = MusicGenExport.pastName(layer, "encoder", kvs[j]);
                presentDecoderIndex[e] = indexOf(outputNames, MusicGenExport.presentName(layer, "decoder", kvs[j]));
                presentEncoderIndex[e] = indexOf(outputNames, MusicGenExport.presentName(layer, "encoder", kvs[j]));
            }
        }
    }

    private static int indexOf(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("decoder output \"" + name + "\" is missing; outputs are " + names);
        }
        return i;
    }

    public int layers() {
        return layers;
    }

    /** Puts the empty caches of the first step: {@code emptyCache} for all 4 x layers cache inputs. */
    public <T> void firstStep(Map<String, ? super T> inputs, T emptyCache) {
        for (int e = 0; e < pastDecoder.length; e++) {
            inputs.put(pastDecoder[e], emptyCache);
            inputs.put(pastEncoder[e], emptyCache);
        }
    }

    /**
     * Puts the caches of a later step.
     *
     * @param previousStep the previous step's outputs by index
     * @param firstStep    the first step's outputs by index (the cross-attention cache)
     */
    public <T> void nextStep(Map<String, ? super T> inputs, IntFunction<? extends T> previousStep,
                             IntFunction<? extends T> firstStep) {
        for (int e = 0; e < pastDecoder.length; e++) {
            inputs.put(pastDecoder[e], previousStep.apply(presentDecoderIndex[e]));
            inputs.put(pastEncoder[e], firstStep.apply(presentEncoderIndex[e]));
        }
    }
}
