package io.djia.app.render;

/** Told how far a long job has got. Called from the job's thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /** {@code done} of {@code total} units of {@code stage} are finished. */
    void progress(String stage, long done, long total);
}
