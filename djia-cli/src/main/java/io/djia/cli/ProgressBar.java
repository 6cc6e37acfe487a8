package io.djia.cli;

import io.djia.app.render.ProgressListener;
import java.io.PrintStream;

/**
 * A one-line progress bar on stderr when a person is watching a terminal; silent in pipes and CI.
 * Redraws at most ten times a second.
 */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean enabled;
    private long lastDrawNanos;
    private String lastStage = "";
    private boolean drawn;

    ProgressBar(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** A bar on stderr, drawn only on a terminal and when not quiet. */
    public static ProgressBar forStderr(boolean quiet) {
        return new ProgressBar(System.err, !quiet && System.console() != null);
    }

    @Override
    public void progress(String stage, long done, long total) {
        if (!enabled || total <= 0) {
            return;
        }
        long now = System.nanoTime();
        boolean last = done >= total;
        if (!last && stage.equals(lastStage) && now - lastDrawNanos < 100_000_000L) {
            return;
        }
        lastDrawNanos = now;
        lastStage = stage;
        double fraction = Math.min(1.0, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        err.printf("\r%-8s [%s%s] %3d%%", stage, "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(fraction * 100));
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line. */
    public void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
