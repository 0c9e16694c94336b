package org.sinkatlas.server.http;

/**
 * An error answered as an RFC 7807 problem ({@code application/problem+json}): the HTTP status, an OGC
 * style exception code, a short title and the reason in words. Thrown anywhere in a handler; the one
 * {@link ProblemHandler} turns it into the response.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;

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
