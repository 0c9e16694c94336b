package org.sinkatlas.server.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sinkatlas.layers.fault.FaultKind;

/**
 * An error answered as an RFC 7807 problem ({@code application/problem+json}): the HTTP status, an OGC
 * style exception code, a short title and the reason in words. Thrown anywhere in a handler; the one
 * {@link ProblemHandler} turns it into the response. Faults of the lower modules carry a
 * {@link FaultKind} instead and become problems through {@link #of}.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> members = new LinkedHashMap<>();

    public ApiProblem(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /**
     * The problem for a kind of fault: the one table of statuses, exception codes and titles, so that the
     * same fault is answered alike on every route.
     */
    public static ApiProblem of(FaultKind kind, String detail) {
        switch (kind) {
            case INVALID_INPUT: return new ApiProblem(400, "InvalidParameterValue", "Bad request · 请求有误", detail);
            case UNPROCESSABLE: return new ApiProblem(422, "InvalidContent", "Content breaks a rule · 内容不符合规则", detail);
            case NOT_FOUND: return new ApiProblem(404, "NotFound", "Not found · 未找到", detail);
            case CONFLICT: return new ApiProblem(409, "Conflict", "Conflict · 冲突", detail);
            case STALE_VERSION: return new ApiProblem(412, "PreconditionFailed", "Version conflict · 版本冲突", detail);
            case FORBIDDEN: return new ApiProblem(403, "Forbidden", "Not allowed · 无权限", detail);
            case TOO_LARGE: return new ApiProblem(413, "ContentTooLarge", "Request too large · 请求过大", detail);
            case UNAVAILABLE:
                return new ApiProblem(503, "ServiceUnavailable", "Store unavailable · 数据存储暂不可用", detail)
                        .withHeader("Retry-After", "5");
            default: throw new IllegalStateException("no problem for " + kind);
        }
    }

    public static ApiProblem badRequest(String detail) {
        return of(FaultKind.INVALID_INPUT, detail);
    }

    public static ApiProblem unknownParameter(String detail) {
        return new ApiProblem(400, "InvalidParameter", "Unknown query parameter · 未知的查询参数", detail);
    }

    public static ApiProblem notFound(String detail) {
        return of(FaultKind.NOT_FOUND, detail);
    }

    public static ApiProblem conflict(String detail) {
        return of(FaultKind.CONFLICT, detail);
    }

    public static ApiProblem tooLarge(String detail) {
        return of(FaultKind.TOO_LARGE, detail);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "UnsupportedMediaType", "Unsupported media type · 不支持的内容类型", detail);
    }

    public static ApiProblem notAcceptable(String detail) {
        return new ApiProblem(406, "NotAcceptable", "Not acceptable · 无法提供所请求的格式", detail);
    }

    public static ApiProblem unavailable(String detail) {
        return of(FaultKind.UNAVAILABLE, detail);
    }

    /** Adds a header to the answer, e.g. {@code WWW-Authenticate} with a 401 or {@code Retry-After} with a 429. */
    public ApiProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Adds a member to the problem body (RFC 7807 §3.2 extension members), e.g. the current {@code etag}. */
    public ApiProblem withMember(String name, String value) {
        members.put(name, value);
        return this;
    }

    public Map<String, String> members() {
        return Collections.unmodifiableMap(members);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
