package org.sinkatlas.server.sinks;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work that runs in the background and reports its progress, so that a client can poll
 * {@code /sinks/jobs/{id}} for the percent done. One job of a kind runs at a time; asking again while it
 * runs returns the running job.
 */
public final class Jobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** The work of a job: reports how much is done, returns a summary line. */
    @FunctionalInterface
    public interface Work {
        String run(LongConsumer progress) throws Exception;
    }

    /** A job's state as clients see it. */
    public static final class Job {
        final String id;
        final String kind;
        final long total;
        final Instant started = Instant.now();
        final AtomicLong done = new AtomicLong();
        volatile String state = "running";
        volatile String message = "";
        volatile Instant finished;

        Job(String id, String kind, long total) {
            this.id = id;
            this.kind = kind;
            this.total = total;
        }

        public String id() {
            return id;
        }

        public String kind() {
            return kind;
        }

        public String state() {
            return state;
        }

        public long done() {
            return done.get();
        }

        public long total() {
            return total;
        }

        public double percent() {
            return total == 0 ? 100 : Math.min(100, 100.0 * done.get() / total);
        }

        public String message() {
            return message;
        }

        public Instant started() {
            return started;
        }

        public Instant finished() {
            return finished;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Job> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sink-atlas-jobs");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();

    /** Starts a job of a kind (e.g. {@code recompute:parcels}), or returns the one of that kind still running. */
    public synchronized Job start(String kind, long total, Work work) {
        Job current = running.get(kind);
        if (current != null) return current;
        Job job = new Job(Long.toString(ids.incrementAndGet()), kind, total);
        jobs.put(job.id, job);
        running.put(kind, job);
        executor.submit(() -> {
            long[] lastLogged = {-1};
            try {
                job.message = work.run(d -> {
                    job.done.set(d);
                    long tenth = (long) (job.percent() / 10);
                    if (tenth != lastLogged[0]) {
                        lastLogged[0] = tenth;
                        LOG.info("{}: {}% ({} of {})", kind, Math.round(job.percent()), d, job.total);
                    }
                });
                job.state = "done";
            } catch (Exception | Error e) {
                job.state = "failed";
                job.message = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.error("{} failed: {}", kind, job.message, e);
            } finally {
                job.finished = Instant.now();
                running.remove(kind);
            }
        });
        return job;
    }

    /** The job of a kind that is running now, if any. */
    public Optional<Job> running(String kind) {
        return Optional.ofNullable(running.get(kind));
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
