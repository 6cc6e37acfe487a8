package io.djia.app.live;

import java.nio.file.Path;

/**
 * What {@code djia live} was asked for.
 *
 * @param profile         built-in profile name or profile file
 * @param seed            the set's seed
 * @param bpm             tempo of the internal clock (null: the profile's); ignored when following MIDI
 * @param key             key override (null: the profile's)
 * @param sampleRate      output rate
 * @param blockFrames     frames per audio block
 * @param bufferFrames    sound card buffer in frames (the output latency)
 * @param midiIn          MIDI input to follow the clock of (name substring), or null for the internal clock
 * @param midiOut         MIDI output to send the internal clock to (name substring), or null
 * @param record          WAV file recording the session, or null
 * @param apiUrl          a {@code djia serve} server to make the loops, or null to make them here
 * @param apiKey          the server's API key (null: from the environment, or none)
 * @param engine          local loop generator ("procedural" by default)
 * @param modelDir        model folder for neural engines (may be null)
 * @param brain           "rules" (default) or "llm"
 * @param brainModel      GGUF file for the LLM brain (may be null)
 * @param voiceDrops      whether the brain's spoken lines are heard
 * @param headless        no sound card: a null sink paced by the system clock
 * @param latencyOffsetMs moves every followed-clock prediction (negative: earlier), to line up with the DAW
 * @param autoPilot       the brain decides by itself on every loop boundary
 */
public record LiveOptions(String profile, long seed, Double bpm, String key, int sampleRate, int blockFrames,
                          int bufferFrames, String midiIn, String midiOut, Path record, String apiUrl, String apiKey,
                          String engine, Path modelDir, String brain, Path brainModel, boolean voiceDrops,
                          boolean headless, double latencyOffsetMs, boolean autoPilot) {
    public LiveOptions {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("--profile is required, e.g. techno_minimal (see `djia profiles`)");
        }
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("--sample-rate must be 8000..192000 Hz, got " + sampleRate);
        }
        if (blockFrames < 32 || blockFrames > 8192) {
            throw new IllegalArgumentException("--block must be 32..8192 frames, got " + blockFrames);
        }
        if (bufferFrames < blockFrames || bufferFrames > 65_536) {
            throw new IllegalArgumentException("--buffer must be " + blockFrames + "..65536 frames (at least one"
                    + " block), got " + bufferFrames);
        }
        if (bpm != null && !(bpm >= 40 && bpm <= 240)) {
            throw new IllegalArgumentException("--bpm must be 40..240, got " + bpm);
        }
        if (midiIn != null && midiOut != null) {
            throw new IllegalArgumentException("--midi-out sends the engine's own clock; with --midi-in the DAW is"
                    + " the clock master, so use one or the other");
        }
        if (!(Math.abs(latencyOffsetMs) <= 1000)) {
            throw new IllegalArgumentException("--latency-offset must be within +-1000 ms, got " + latencyOffsetMs);
        }
        engine = engine == null ? "procedural" : engine;
        brain = brain == null ? "rules" : brain;
    }

    /** An internal clock at the profile's tempo, 44.1 kHz, 512-frame blocks, a 1024-frame (23.2 ms) buffer. */
    public static LiveOptions defaults(String profile, long seed) {
        return new LiveOptions(profile, seed, null, null, 44_100, 512, 1024, null, null, null, null, null,
                "procedural", null, "rules", null, true, false, 0, true);
    }

    public LiveOptions withHeadless(boolean value) {
        return new LiveOptions(profile, seed, bpm, key, sampleRate, blockFrames, bufferFrames, midiIn, midiOut,
                record, apiUrl, apiKey, engine, modelDir, brain, brainModel, voiceDrops, value, latencyOffsetMs,
                autoPilot);
    }

    public LiveOptions withRecord(Path value) {
        return new LiveOptions(profile, seed, bpm, key, sampleRate, blockFrames, bufferFrames, midiIn, midiOut,
                value, apiUrl, apiKey, engine, modelDir, brain, brainModel, voiceDrops, headless, latencyOffsetMs,
                autoPilot);
    }

    public LiveOptions withApi(String url, String keyValue) {
        return new LiveOptions(profile, seed, bpm, key, sampleRate, blockFrames, bufferFrames, midiIn, midiOut,
                record, url, keyValue, engine, modelDir, brain, brainModel, voiceDrops, headless, latencyOffsetMs,
                autoPilot);
    }
}
