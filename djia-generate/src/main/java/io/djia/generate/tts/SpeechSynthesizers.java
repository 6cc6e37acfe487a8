package io.djia.generate.tts;

/** Picks the speech engine at start-up: espeak-ng when installed, else the built-in formant voice. */
public final class SpeechSynthesizers {
    private SpeechSynthesizers() {
    }

    /** The best engine available here; its {@link SpeechSynthesizer#description()} is the start-up line. */
    public static SpeechSynthesizer detect() {
        return EspeakSpeechSynthesizer.find().<SpeechSynthesizer>map(e -> e).orElseGet(FormantSpeechSynthesizer::new);
    }
}
