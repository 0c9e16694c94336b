package org.sinkatlas.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.sinkatlas.layers.store.LayerStore;

/**
 * Keeps the public's answers of expensive routes (sink summaries, the targets, search) so that the same
 * question is computed once, the way tiles are kept. Every committed write to the store, and every request
 * that changes something, drops all of them: these answers are sums over whole layers and the service's
 * records, so a write anywhere may change any of them. Entries also expire
 * after a minute, which bounds what an answer that depends on the date ("today") or on another instance's
 * writes can lag behind. Only the public's answers are kept (callers with a key may see drafts), only
 * complete 200s, and a purge while an answer was made keeps it from being stored.
 */
public final class ResponseCache {

    private record Answer(String contentType, String disposition, byte[] body) {}

    private final Cache<String, Answer> answers;
    private final AtomicLong purges = new AtomicLong();

    public ResponseCache(LayerStore store, long maxBytes) {
        answers = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((String k, Answer a) -> k.length() + a.body().length)
                .expireAfterWrite(Duration.ofMinutes(1)).build();
        store.addChangeListener(change -> purge());
    }

    /** Drops every kept answer. */
    public void purge() {
        purges.incrementAndGet();
        answers.invalidateAll();
    }

    /**
     * Runs after every request: a request that changed something (any method but GET and HEAD, answered
     * below 400) drops every kept answer, for what the store's feature changes do not announce, such as a
     * target's reported figure.
     */
    public void afterRequest(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD") && ctx.status().getCode() < 400) purge();
    }

    /** How many answers are kept now (for tests and metrics). */
    public long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    /**
     * The handler with the public's answers kept: the key is the path with its query and the headers that
     * choose the answer's format and language.
     *
     * @param isPublic whether the request's caller is the public (checked after the caller was identified)
     */
    public Handler around(Handler handler, Predicate<Context> isPublic) {
        return ctx -> {
            if (!isPublic.test(ctx)) {
                handler.handle(ctx);
                return;
            }
            String key = ctx.path() + "?" + ctx.queryString() + "|" + ctx.header("Accept") + "|" + ctx.header("Accept-Language");
            Answer kept = answers.getIfPresent(key);
            if (kept != null) {
                ctx.contentType(kept.contentType());
                if (kept.disposition() != null) ctx.header("Content-Disposition", kept.disposition());
                ctx.result(kept.body());
                return;
            }
            long before = purges.get();
            handler.handle(ctx);
            InputStream result = ctx.resultInputStream();
            if (ctx.status().getCode() != 200 || result == null || ctx.res().getContentType() == null) return;
            byte[] body;
            try {
                body = result.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ctx.result(body);
            if (purges.get() == before) {
                answers.put(key, new Answer(ctx.res().getContentType(), ctx.res().getHeader("Content-Disposition"), body));
            }
        };
    }
}
