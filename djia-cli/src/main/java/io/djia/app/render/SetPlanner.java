package io.djia.app.render;

import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.core.theory.Tempo;
import io.djia.generate.brain.Brain;
import io.djia.generate.brain.Decision;
import io.djia.generate.brain.SetPhase;
import io.djia.generate.brain.SetState;
import io.djia.generate.brain.SetTempo;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a brain for decisions at every loop boundary of a set and turns them into layer events, keeping the
 * set's rules whatever the brain says: at most {@code maxLayers} layers, one main rhythm layer, one tempo.
 *
 * <p>Planning needs no audio, so the whole set is planned first and its clips can then be made in parallel.
 */
public final class SetPlanner {
    /**
     * Plans a set.
     *
     * @param profile     style (with any tempo/key overrides already applied)
     * @param totalFrames exact length in frames
     * @param sampleRate  output rate
     * @param brain       who decides
     * @param seed        the set's seed
     */
    public SetPlan plan(StyleProfile profile, long totalFrames, int sampleRate, Brain brain, long seed) {
        Tempo tempo = profile.tempo();
        Key setKey = profile.parsedKey();
        long totalBars = (long) Math.ceil(totalFrames / tempo.samplesPerBar(sampleRate) - 1e-9);
        int step = profile.loopBars();

        Arrangement arrangement = new Arrangement(profile);
        List<TimedDecision> decisions = new ArrayList<>();
        List<LayerEvent> events = new ArrayList<>();
        List<SetPlan.PhaseMark> phases = new ArrayList<>();
        phases.add(new SetPlan.PhaseMark(arrangement.phase(), 0));

        // The last loop boundary that still leaves a full loop before the end gets decisions; after it the set ends.
        for (long bar = 0; bar < totalBars; bar += step) {
            double seconds = tempo.frameOfBar(bar, sampleRate) / (double) sampleRate;
            SetState state = arrangement.state(tempo, bar, totalBars, seconds, "", seed);
            List<Decision> decided = brain.decide(state);
            List<String> brainNotes = brain.lastNotes();
            for (Decision decision : decided) {
                // The brain's own notes (model corrections, fallbacks) go with the first decision of the call.
                List<String> notes = new ArrayList<>(decision == decided.get(0) ? brainNotes : List.of());
                boolean phaseChange = decision instanceof SetPhase setPhase
                        && !setPhase.newPhase().equals(arrangement.phase());
                events.addAll(arrangement.apply(decision, bar, tempo, sampleRate, seed, notes));
                if (phaseChange) {
                    phases.add(new SetPlan.PhaseMark(arrangement.phase(), bar));
                }
                if (decision instanceof SetTempo) {
                    notes.add("ignored: an offline set keeps one tempo (" + tempo.bpm() + " BPM)");
                }
                decisions.add(new TimedDecision(bar, seconds, decision, notes));
            }
        }
        return new SetPlan(profile, tempo, setKey, totalFrames, totalBars, sampleRate, decisions, events, phases);
    }
}
