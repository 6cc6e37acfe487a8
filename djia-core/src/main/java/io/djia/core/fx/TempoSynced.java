package io.djia.core.fx;

import io.djia.core.theory.Tempo;

/** A processor whose timing follows the tempo (delay times as note values). Called on the audio thread. */
public interface TempoSynced {

    /** Retimes to {@code tempo}; must not allocate. */
    void setTempo(Tempo tempo);
}
