package org.sinkatlas.server.cli;

import picocli.CommandLine;

/** Runs the command line in-process for tests in other packages, returning its exit code. */
public final class SinkAtlasCliAccess {

    private SinkAtlasCliAccess() {}

    public static int execute(String... args) {
        return new CommandLine(new SinkAtlasCli()).execute(args);
    }
}
