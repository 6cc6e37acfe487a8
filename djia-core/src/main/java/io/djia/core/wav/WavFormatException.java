package io.djia.core.wav;

import java.io.IOException;

/**
 * A WAV file that cannot be read: not RIFF/WAVE, an unsupported codec, an inconsistent header or truncated
 * data. An {@link IOException} because it describes the content of a file, as reading it from disk can fail.
 * The message names the source and the problem, for example
 * {@code "loops/kick.wav: unsupported codec 0x0055 (MP3); expected PCM (0x0001) or IEEE float (0x0003)"}.
 */
public final class WavFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final String problem;

    public WavFormatException(String sourceName, String problem) {
        super(sourceName + ": " + problem);
        this.sourceName = sourceName;
        this.problem = problem;
    }

    /** The file path or stream name given to the reader. */
    public String sourceName() {
        return sourceName;
    }

    /** What is wrong, without the source name. */
    public String problem() {
        return problem;
    }
}
