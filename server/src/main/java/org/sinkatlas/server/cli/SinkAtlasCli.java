package org.sinkatlas.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sink-atlas} command: serve the API, and the offline tools next to it. */
@Command(name = "sink-atlas", mixinStandardHelpOptions = true, version = "Sink Atlas 0.1.0",
        description = {"碳汇一张图 Sink Atlas: carbon-sink map service of the YRD Ecological Green Integrated"
                + " Development Demonstration Zone."},
        subcommands = {ServeCommand.class, ExportCommand.class, ImportCommand.class,
            ComputeCommand.class, KeysCommand.class, SeedCommand.class, GenerateParcelsCommand.class})
public final class SinkAtlasCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new SinkAtlasCli()).execute(args);
        if (code != 0 || args.length == 0 || !args[0].equals("serve")) System.exit(code);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
