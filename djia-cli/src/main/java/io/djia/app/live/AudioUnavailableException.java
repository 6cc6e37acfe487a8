package io.djia.app.live;

/** No sound card output could be opened; the message says why, and that {@code --headless} runs without one. */
public final class AudioUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    AudioUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
