package org.sinkatlas.server.http;

import io.javalin.http.Context;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes response bodies as UTF-8 bytes, in one place: JSON media types carry no charset parameter (JSON
 * is always UTF-8), so the text must not go through a default charset. Long answers are streamed.
 */
public final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {}

    /** A body written to the response as it is made. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    public static void json(Context ctx, Object body) {
        json(ctx, MediaTypes.JSON, body);
    }

    public static void json(Context ctx, String mediaType, Object body) {
        ctx.contentType(mediaType);
        ctx.result(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    public static void html(Context ctx, String page) {
        text(ctx, MediaTypes.HTML + "; charset=utf-8", page);
    }

    public static void text(Context ctx, String mediaType, String body) {
        ctx.contentType(mediaType);
        ctx.result(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Streams a body. A failure before a byte went out is answered as any failure is (a problem, e.g. 503);
     * after, the connection is cut without ending the body, so that no client takes a cut answer for a whole
     * one (a GeoJSON that still parses, a CSV with fewer rows). A client that goes away ends it the same way.
     */
    public static void stream(Context ctx, StreamBody body) {
        CountingStream out = new CountingStream(ctx.outputStream());
        try {
            body.write(out);
            out.close();
        } catch (RuntimeException e) {
            if (out.written == 0) throw e;
            LOG.error("{} {} failed after {} bytes of its answer; the connection was cut", ctx.method(), ctx.path(),
                    out.written, e);
            abort(ctx, e);
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away: {}", ctx.method(), ctx.path(), e.toString());
            abort(ctx, e);
        }
    }

    /** Ends the connection at once: the response is not completed (Jetty sends no last chunk). */
    private static void abort(Context ctx, Throwable why) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(why);
    }

    /** Counts the bytes that reached the response. */
    private static final class CountingStream extends FilterOutputStream {
        long written;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
        }
    }
}
