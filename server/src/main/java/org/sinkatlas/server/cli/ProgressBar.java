package org.sinkatlas.server.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar for long CLI work: percent, count and rate, redrawn at most a few times a second. */
final class ProgressBar {

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 250_000_000L) return;
        lastDraw = now;
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        double seconds = (now - started) / 1e9;
        out.printf(Locale.ROOT, "\r%s [%s%s] %3d%% %,d/%,d %,.0f/s", label, "#".repeat(filled), " ".repeat(width - filled),
                100 * done / Math.max(1, total), done, total, done / Math.max(seconds, 1e-9));
        if (done >= total) out.println();
        out.flush();
    }
}
