package io.djia.generate.tts;

import io.djia.core.audio.AudioBuffer;

/**
 * Turns a short line of text into speech for a voice drop. Implementations return mono audio at the requested
 * sample rate, peaking at about -6 dBFS, with no leading or trailing silence longer than a few milliseconds.
 * Calls may take tens of milliseconds to seconds: prepare drops ahead of their bar, never on the audio thread.
 */
public interface SpeechSynthesizer {
    /**
     * Speaks a line.
     *
     * @param text       the words (at most a couple of short sentences)
     * @param energy     1 (calm) .. 10 (hyped): higher is faster and higher-pitched
     * @param sampleRate output rate in Hz
     * @throws IllegalArgumentException for blank text, energy outside 1..10 or a rate outside 8000..192000 Hz
     * @throws SpeechException when the engine fails
     */
    AudioBuffer speak(String text, int energy, int sampleRate);

    /** Short name for logs, e.g. "espeak-ng" or "formant". */
    String name();

    /** One line for the start-up report: which engine, and why. */
    String description();

    /** Checks the arguments every implementation accepts. */
    static void checkArguments(String text, int energy, int sampleRate) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("speech needs text");
        }
        if (energy < 1 || energy > 10) {
            throw new IllegalArgumentException("speech energy must be 1..10, got " + energy);
        }
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate must be 8000..192000 Hz, got " + sampleRate);
        }
    }

    /** An engine failure (process error, unreadable output). */
    final class SpeechException extends RuntimeException {
        public SpeechException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
