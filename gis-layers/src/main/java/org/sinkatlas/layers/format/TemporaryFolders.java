package org.sinkatlas.layers.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary folders that unpacked uploads and files being written live in, removed when done. */
public final class TemporaryFolders {

    private TemporaryFolders() {}

    /** Removes a folder and everything in it; a leftover is harmless (the OS cleans its temp folder), so failures are ignored. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // See above: nothing depends on the folder being gone.
        }
    }
}
