package org.sinkatlas.layers.format;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temporary folders that unpacked uploads and files being written live in, removed when done. Each
 * process keeps its folders under one of its own ({@code <tmp>/sink-atlas-work/<pid>}), so that the folders a
 * killed process left can be told from those of a process still running, and removed at start.
 */
public final class TemporaryFolders {

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "sink-atlas-work");

    private TemporaryFolders() {}

    /** A new empty folder of this process, its name starting with {@code prefix}. */
    public static Path create(String prefix) throws IOException {
        Path mine = ROOT.resolve(Long.toString(ProcessHandle.current().pid()));
        Files.createDirectories(mine);
        return Files.createTempDirectory(mine, prefix);
    }

    /**
     * Removes the folders of processes that are no longer running (an upload cut off by a kill, a crash).
     *
     * @return how many processes' folders were removed
     */
    public static int removeLeftovers() {
        return removeLeftovers(ROOT);
    }

    static int removeLeftovers(Path root) {
        if (!Files.isDirectory(root)) return 0;
        int removed = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(root)) {
            for (Path p : processes) {
                long pid;
                try {
                    pid = Long.parseLong(p.getFileName().toString());
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                delete(p);
                removed++;
            }
        } catch (IOException ignored) {
            // Leftovers stay until the next start; nothing depends on them being gone.
        }
        return removed;
    }

    /** Removes a folder and everything in it; a leftover is harmless (the OS cleans its temp folder), so failures are ignored. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // See above: nothing depends on the folder being gone.
        }
    }

    /** Empties a folder, keeping it. */
    public static void clear(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
    }
}
