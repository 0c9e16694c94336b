package org.sinkatlas.server.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for long CLI work: percent, count and rate. On a terminal it is redrawn in place a
 * few times a second; into a file or a log (no terminal) it is a plain line at each tenth, without the
 * carriage returns that would garble them.
 */
final class ProgressBar {

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDraw;
    private long lastTenth = -1;
    private boolean finished;

    ProgressBar(PrintStream out, String label, long total) {
        this(out, label, total, System.console() != null);
    }

    ProgressBar(PrintStream out, String label, long total, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.terminal = terminal;
    }

    void update(long done) {
        if (finished) return;
        boolean last = done >= total;
        long now = System.nanoTime();
        if (terminal) {
            if (!last && now - lastDraw < 250_000_000L) return;
        } else {
            long tenth = 10 * done / Math.max(1, total);
            if (!last && tenth <= lastTenth) return;
            lastTenth = tenth;
        }
        lastDraw = now;
        finished = last;
        int width = 30;
        int filled = (int) (width * Math.min(done, total) / Math.max(1, total));
        double seconds = (now - started) / 1e9;
        String line = String.format(Locale.ROOT, "%s [%s%s] %3d%% %,d/%,d %,.0f/s", label, "#".repeat(filled),
                " ".repeat(width - filled), 100 * done / Math.max(1, total), done, total, done / Math.max(seconds, 1e-9));
        if (terminal) {
            out.print("\r" + line);
            if (last) out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }
}
