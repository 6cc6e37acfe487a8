package io.djia.app.render;

import java.util.List;
import java.util.Map;

/**
 * What {@code set.json} records about a render: enough to reproduce it and to see why it sounds as it does.
 *
 * @param djiaVersion     version of DJ-IA
 * @param versions        versions of Java and the engines used
 * @param profile         profile name
 * @param seed            the seed
 * @param bpm             tempo
 * @param key             key name
 * @param camelot         key as a Camelot code
 * @param sampleRate      output rate
 * @param frames          exact length in frames
 * @param durationSeconds length in seconds
 * @param generator       generator engine name
 * @param generatorIsNeural whether that engine is a neural model
 * @param brain           brain name
 * @param phases          phases with their start bar and time
 * @param decisions       every decision with its bar and time
 * @param layers          every layer that played, with its bars
 * @param peakDbfs        sample peak of the output
 * @param analysis        measurements of the rendered audio (tempo, key, loudness), when available
 * @param renderSeconds   wall-clock time of the render (not part of what is reproduced)
 */
public record SetReport(String djiaVersion, Map<String, String> versions, String profile, long seed, double bpm,
                        String key, String camelot, int sampleRate, long frames, double durationSeconds,
                        String generator, boolean generatorIsNeural, String brain, List<PhaseEntry> phases,
                        List<TimedDecision> decisions, List<LayerEntry> layers, double peakDbfs,
                        Map<String, Object> analysis, double renderSeconds) {

    /** A phase and when it began. */
    public record PhaseEntry(String name, long bar, double timeSeconds) {
    }

    /**
     * A layer that played.
     *
     * @param layerId   slot id
     * @param type      layer type
     * @param startBar  first bar
     * @param endBar    bar it was stopped at (the set's last bar when it played to the end)
     * @param bars      loop length
     * @param intensity 1..10
     * @param seed      the clip's own seed
     * @param stems     stems kept
     */
    public record LayerEntry(String layerId, String type, long startBar, long endBar, int bars, int intensity,
                             long seed, List<String> stems) {
    }
}
