package org.sinkatlas.server.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered as an RFC 7807 problem ({@code application/problem+json}): the HTTP status, an OGC
 * style exception code, a short title and the reason in words. Thrown anywhere in a handler; the one
 * {@link ProblemHandler} turns it into the response.
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

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "InvalidParameterValue", "Bad request · 请求有误", detail);
    }

    public static ApiProblem unknownParameter(String detail) {
        return new ApiProblem(400, "InvalidParameter", "Unknown query parameter · 未知的查询参数", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "NotFound", "Not found · 未找到", detail);
    }

    public static ApiProblem notAcceptable(String detail) {
        return new ApiProblem(406, "NotAcceptable", "Not acceptable · 无法提供所请求的格式", detail);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "ServiceUnavailable", "Store unavailable · 数据存储暂不可用", detail);
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
