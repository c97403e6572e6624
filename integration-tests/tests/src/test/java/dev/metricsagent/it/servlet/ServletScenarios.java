package dev.metricsagent.it.servlet;

import java.util.List;

/**
 * What the servlet scenarios of apps/shared/jakarta-servlets (and tomcat9-app's javax twin)
 * must record: each request once, at its outermost entry (the pass-through filter), with the
 * servlet mapping as its route, prefixed by the context path.
 */
final class ServletScenarios {

    private ServletScenarios() {
    }

    static List<RequestCase> cases(String contextPath) {
        String c = contextPath;
        return List.of(
                RequestCase.get(40, i -> c + "/hello", 200, c + "/hello"),
                RequestCase.get(30, i -> c + "/owners/" + (i + 1), 200, c + "/owners/*"),
                RequestCase.get(10, i -> c + "/owners/999", 404, c + "/owners/*"),
                // Thrown: the client gets the 500 (after the error page dispatch, not counted again).
                RequestCase.get(10, i -> c + "/boom", 500, c + "/boom").erroring("IllegalStateException"),
                // Completed on another thread 100 ms later with 201: recorded then, with that status.
                RequestCase.get(10, i -> c + "/async", 201, c + "/async"),
                RequestCase.get(10, i -> c + "/forward", 200, c + "/forward"),
                RequestCase.get(10, i -> c + "/include", 200, c + "/include"),
                // An extension mapping names no route: the path makes it, identifiers replaced.
                RequestCase.get(10, i -> c + "/orders/" + (i + 1) + "/summary.report", 200,
                        c + "/orders/{id}/summary.report"),
                // The chain, wrapped, runs on another thread while the container's waits: one request.
                RequestCase.get(10, i -> c + "/handed-off", 200, c + "/handed-off"),
                // Unmapped: the default servlet's 404 has no route, whatever the path.
                RequestCase.get(10, i -> c + "/no/such/page/" + i, 404, ""),
                new RequestCase("BREW", 5, i -> c + "/hello", 501, c + "/hello", "501"));
    }
}
