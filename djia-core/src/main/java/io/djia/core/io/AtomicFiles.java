package io.djia.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writing files so that readers see the old file or the complete new one, never a partial one:
 * write a hidden temporary file beside the target, then rename it over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Creates a hidden temporary file in the target's folder. Java creates temporary files readable by their
     * owner only; this one gets the usual rw-r--r-- so the finished file is as shareable as any other output.
     */
    public static Path createTempSibling(Path target, String suffix) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", suffix);
        PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
        return temp;
    }

    /** Renames {@code temp} over {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
