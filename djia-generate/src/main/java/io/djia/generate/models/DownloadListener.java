package io.djia.generate.models;

/** Hears how a model download goes; called on the downloading thread. */
public interface DownloadListener {
    DownloadListener NONE = new DownloadListener() {
    };

    /** File {@code index} (0-based) of {@code count} starts. */
    default void fileStarted(String path, int index, int count) {
    }

    /** {@code done} of {@code total} bytes of {@code path} have arrived; total is -1 when the server did not say. */
    default void bytes(String path, long done, long total) {
    }

    /** {@code path} was already present with the expected checksum and was not downloaded again. */
    default void fileSkipped(String path) {
    }
}
