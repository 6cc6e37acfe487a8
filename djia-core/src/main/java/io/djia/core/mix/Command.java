package io.djia.core.mix;

import io.djia.core.fx.EffectChain;
import io.djia.core.fx.ParameterUpdate;
import io.djia.core.theory.Tempo;
import java.util.List;

/** A control change that takes effect at an absolute frame. Immutable; built on the control thread. */
sealed interface Command {
    long frame();

    /** Brings a prepared voice in at its start frame. */
    record Start(long frame, Voice voice) implements Command {
    }

    /** Fades a voice to silence over {@code fadeOutFrames}, then frees it. */
    record Stop(long frame, Voice voice, long fadeOutFrames) implements Command {
    }

    /**
     * New level, pan and duck flag (ramped), and either in-place parameter updates for the current chain
     * (one per processor, same order) or a new chain to crossfade to, or neither.
     */
    record Settings(long frame, Voice voice, double volume, double leftGain, double rightGain, boolean duckable,
                    List<ParameterUpdate> updates, EffectChain newChain) implements Command {
    }

    /** Master ducking to {@code gainDb} (<= 0), ramped in dB over {@code rampFrames}. */
    record Duck(long frame, double gainDb, long rampFrames) implements Command {
    }

    /** Retimes every tempo-synced effect. */
    record TempoChange(long frame, Tempo tempo) implements Command {
    }
}
