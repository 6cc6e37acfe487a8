/**
 * Speech for voice drops: a {@link io.djia.generate.tts.SpeechSynthesizer} turns a short line into mono audio at
 * the session rate. espeak-ng is used when installed; otherwise a built-in formant "robot voice". Synthesisers are
 * stateless apart from configuration and safe to call from one thread at a time; never from the audio thread.
 */
package io.djia.generate.tts;
