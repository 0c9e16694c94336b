package org.sinkatlas.server.http;

/** Renders a problem as an HTML page for browsers; given to the {@link ProblemHandler}, which knows no pages. */
@FunctionalInterface
public interface ProblemPage {

    /** The whole page (a complete HTML document) for the problem; must not throw. */
    String render(ApiProblem problem);
}
