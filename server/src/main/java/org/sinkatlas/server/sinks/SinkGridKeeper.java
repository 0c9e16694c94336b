package org.sinkatlas.server.sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreChange;
import org.sinkatlas.sink.layers.SinkGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link SinkGrid} current: summed whole at start, then the cells under each write to the parcels
 * (edits, imports, recomputes) summed again on a worker thread half a second after the write, so that a burst of
 * writes is summed once. The grid's own writes purge its cached tiles like any other.
 */
public final class SinkGridKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkGridKeeper.class);
    private static final long DELAY_MS = 500;

    private final SinkGrid grid;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sink-grid");
        t.setDaemon(true);
        return t;
    });
    /** Guarded by this: what was heard and is not summed yet, and whether a run is waiting or running. */
    private final List<Envelope> pending = new ArrayList<>();
    private boolean whole;
    private boolean busy;

    public SinkGridKeeper(LayerStore store, CrsService crs) {
        this.grid = new SinkGrid(store, crs);
        store.addChangeListener(this::heard);
    }

    /** Sums the whole grid (in the background). */
    public void start() {
        synchronized (this) {
            whole = true;
        }
        schedule();
    }

    private void heard(StoreChange change) {
        if (!change.layerId().equals(SinkGrid.SOURCE)) return;
        synchronized (this) {
            if (change.isWholeLayer()) whole = true;
            else pending.addAll(change.areas());
        }
        schedule();
    }

    private synchronized void schedule() {
        if (busy) return;
        busy = true;
        worker.schedule(this::run, DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private void run() {
        List<Envelope> areas;
        boolean all;
        synchronized (this) {
            areas = new ArrayList<>(pending);
            all = whole;
            pending.clear();
            whole = false;
        }
        try {
            if (all) {
                long started = System.nanoTime();
                int cells = grid.rebuild();
                LOG.info("sink grid: {} cells summed in {} ms", cells, (System.nanoTime() - started) / 1_000_000);
            } else if (!areas.isEmpty()) {
                grid.update(areas);
            }
        } catch (RuntimeException e) {
            LOG.warn("the sink grid could not be summed; it is tried again at the next write: {}", e.toString());
        } finally {
            boolean again;
            synchronized (this) {
                busy = false;
                again = whole || !pending.isEmpty();
                notifyAll();
            }
            if (again) schedule();
        }
    }

    /** Waits until every write heard so far is summed into the grid. @return false when the time ran out */
    public boolean awaitCurrent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (busy || whole || !pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
