package org.sinkatlas.layers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFoldersTest {

    @TempDir
    Path root;

    @Test
    void theFoldersOfEndedProcessesAreRemovedAndOnlyThose() throws Exception {
        // A process that ended (pid far beyond what the kernel hands out) left an upload half unpacked.
        Path dead = Files.createDirectories(root.resolve("4000000000").resolve("upload123"));
        Files.writeString(dead.resolve("parcels.shp"), "part of an upload");
        Path alive = Files.createDirectories(root.resolve(Long.toString(ProcessHandle.current().pid())).resolve("upload456"));
        Path other = Files.createDirectories(root.resolve("not-a-process"));
        assertEquals(1, TemporaryFolders.removeLeftovers(root));
        assertFalse(Files.exists(root.resolve("4000000000")));
        assertTrue(Files.exists(alive), "a running process keeps its folders");
        assertTrue(Files.exists(other), "what is not ours stays");
        Path made = TemporaryFolders.create("upload");
        assertTrue(made.getParent().getFileName().toString().equals(Long.toString(ProcessHandle.current().pid())));
        TemporaryFolders.delete(made);
    }
}
