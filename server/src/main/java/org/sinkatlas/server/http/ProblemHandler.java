package org.sinkatlas.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: {@link ApiProblem}s as they are, the lower modules'
 * {@link Fault}s by their kind (4xx for the caller's, 503 for an unreachable store), anything else as a
 * 500 whose detail does not leak internals. JSON clients get {@code application/problem+json}; browsers
 * get the same text as a page.
 */
public final class ProblemHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private static final String ANSWERED = "sink-atlas.problem";

    private final ProblemPage page;

    public ProblemHandler(ProblemPage page) {
        this.page = page;
    }

    public void handle(Exception e, Context ctx) {
        ApiProblem p = toProblem(e);
        if (p.status() >= 500) LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
        write(ctx, p);
    }

    public static ApiProblem toProblem(Exception e) {
        if (e instanceof ApiProblem p) return p;
        if (e instanceof HttpResponseException h) return fromStatus(h.getStatus(), h.getMessage());
        if (e instanceof Fault f) {
            // An unreachable store's own message names hosts and drivers: the caller learns only to retry.
            return ApiProblem.of(f.kind(), f.kind() == FaultKind.UNAVAILABLE
                    ? "the data store does not answer now; try again shortly" : e.getMessage());
        }
        return new ApiProblem(500, "ServerError", "Server error · 服务器内部错误",
                "the server failed to answer; the error was logged");
    }

    /** Whether a problem was already written for this request (so that status handlers leave it alone). */
    public static boolean answered(Context ctx) {
        return ctx.attribute(ANSWERED) != null;
    }

    /** A problem for a status that Javalin itself decided (no route, wrong method, body too large ...). */
    static ApiProblem fromStatus(int status, String message) {
        switch (status) {
            case 404: return ApiProblem.notFound(message.replaceFirst("^Endpoint \\S+ (.*) not found$", "no resource at $1"));
            case 405: return new ApiProblem(405, "MethodNotAllowed", "Method not allowed · 不支持的请求方法", message);
            case 413: return ApiProblem.tooLarge(message);
            default:
                if (status >= 400 && status < 500) return new ApiProblem(status, "BadRequest", "Bad request · 请求有误", message);
                return new ApiProblem(500, "ServerError", "Server error · 服务器内部错误",
                        "the server failed to answer; the error was logged");
        }
    }

    public void write(Context ctx, ApiProblem p) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(p.status());
        p.headers().forEach(ctx::header);
        Format format;
        try {
            format = Format.of(ctx);
        } catch (ApiProblem bad) {
            format = Format.JSON;
        }
        if (format == Format.HTML) {
            Responses.html(ctx, page.render(p));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", "about:blank");
        body.put("code", p.code());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        p.members().forEach(body::put);
        Responses.json(ctx, MediaTypes.PROBLEM_JSON, body);
    }
}
