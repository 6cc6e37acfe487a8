package io.djia.core.fx;

import io.djia.core.theory.Tempo;
import java.util.List;

/**
 * Processors run in order; the first reads the input, the rest work in place on the output. The latency is
 * the sum of the members' latencies, the tail the sum of their tails. An empty chain copies. Tempo changes
 * reach every tempo-synced member.
 */
public final class EffectChain implements AudioProcessor, TempoSynced {
    private final AudioProcessor[] processors;

    public EffectChain(List<? extends AudioProcessor> processors) {
        if (processors == null) {
            throw new IllegalArgumentException("processor list is required (may be empty)");
        }
        this.processors = processors.toArray(new AudioProcessor[0]);
        for (int i = 0; i < this.processors.length; i++) {
            if (this.processors[i] == null) {
                throw new IllegalArgumentException("processor " + i + " of the chain is null");
            }
        }
    }

    /** A chain that copies input to output. */
    public static EffectChain empty() {
        return new EffectChain(List.of());
    }

    public int size() {
        return processors.length;
    }

    public AudioProcessor get(int index) {
        return processors[index];
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        if (processors.length == 0) {
            if (in != out) {
                for (int c = 0; c < out.length; c++) {
                    if (in[c] != out[c]) {
                        System.arraycopy(in[c], 0, out[c], 0, frames);
                    }
                }
            }
            return;
        }
        processors[0].process(in, out, frames);
        for (int i = 1; i < processors.length; i++) {
            processors[i].process(out, out, frames);
        }
    }

    @Override
    public void reset() {
        for (AudioProcessor p : processors) {
            p.reset();
        }
    }

    @Override
    public int latencyFrames() {
        int sum = 0;
        for (AudioProcessor p : processors) {
            sum += p.latencyFrames();
        }
        return sum;
    }

    @Override
    public long tailFrames() {
        long sum = 0;
        for (AudioProcessor p : processors) {
            sum += p.tailFrames();
        }
        return sum;
    }

    @Override
    public void setTempo(Tempo tempo) {
        for (AudioProcessor p : processors) {
            if (p instanceof TempoSynced synced) {
                synced.setTempo(tempo);
            }
        }
    }
}
