package io.djia.app.live;

import java.util.List;

/**
 * What the live engine is doing, as of its last control step: an immutable snapshot any thread may read.
 *
 * @param clock          where the beat comes from ("internal", "MIDI clock")
 * @param playing        whether layers sound (false before the first bar and while the transport is stopped)
 * @param transportRunning whether the clock's transport runs
 * @param bpm            the tempo being played (measured, for a followed clock)
 * @param clipBpm        the tempo new clips are made at
 * @param key            the key new clips are made in
 * @param style          the style (profile name)
 * @param phase          the set's phase
 * @param bar            song bar (0-based) at the mixer's position
 * @param beatInBar      beat within that bar (0-based)
 * @param layers         the layers playing, in the order they started
 * @param stems          the stems new loops keep, empty when the brain chooses
 * @param waiting        decided changes waiting for their clips or their bar
 * @param resyncs        times a layer was restarted in phase (tempo change, drift, resume)
 * @param lateChanges    changes that missed their bar and went on the next one
 */
public record LiveStatus(String clock, boolean playing, boolean transportRunning, double bpm, double clipBpm,
                         String key, String style, String phase, long bar, int beatInBar, List<LayerInfo> layers,
                         List<String> stems, int waiting, long resyncs, long lateChanges) {
    public LiveStatus {
        layers = List.copyOf(layers);
        stems = List.copyOf(stems);
    }

    /**
     * One playing layer.
     *
     * @param layerId    its slot id ("bass_1")
     * @param type       its layer type
     * @param bars       loop length
     * @param startedBar song bar it started on
     * @param volume     0..1
     * @param clipBpm    the tempo its clip was made at
     * @param stems      the stems it keeps
     */
    public record LayerInfo(String layerId, String type, int bars, long startedBar, double volume, double clipBpm,
                            List<String> stems) {
        public LayerInfo {
            stems = List.copyOf(stems);
        }
    }
}
