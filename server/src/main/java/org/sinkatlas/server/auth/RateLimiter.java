package org.sinkatlas.server.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Requests per second per client (an API key, a token's subject, or an address for the public), as token
 * buckets: a client may burst up to twice its rate, then gets 429 with the seconds to wait. Buckets of
 * clients that went quiet are dropped so that the map does not grow with every address ever seen.
 */
public final class RateLimiter {

    private static final long IDLE_NANOS = 60_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }
    }

    /** @param perSecond requests per second each client may make on average (> 0) */
    public RateLimiter(double perSecond) {
        if (!(perSecond > 0)) throw new IllegalArgumentException("the rate limit must be above 0 requests per second");
        this.perSecond = perSecond;
        this.burst = Math.max(1, 2 * perSecond);
    }

    public double perSecond() {
        return perSecond;
    }

    /**
     * Takes one request from a client's bucket.
     *
     * @return 0 when the request may go ahead, else the whole seconds to wait before the next one
     */
    public long acquire(String client) {
        long now = System.nanoTime();
        if (buckets.size() > 10_000) buckets.entrySet().removeIf(e -> now - e.getValue().last > IDLE_NANOS);
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.last) / 1e9 * perSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - b.tokens) / perSecond);
        }
    }
}
