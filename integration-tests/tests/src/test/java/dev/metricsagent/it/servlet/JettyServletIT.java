package dev.metricsagent.it.servlet;

import dev.metricsagent.it.Jdks;
import org.junit.jupiter.api.Test;

/** Embedded Jetty: the same scenarios as on Tomcat, the same single observations. */
class JettyServletIT {

    @Test
    void jetty12RecordsEveryRequestOnce() {
        try (ServletApp app = ServletApp.start("jetty12-app", Jdks.current())) {
            RequestCase.sendAndVerify(app, ServletScenarios.cases(""));
        }
    }

    /**
     * Servlet 3.1 has no getHttpServletMapping: routes come from the servlet path and path info
     * instead, and come out the same.
     */
    @Test
    void jetty9WithServlet3RecordsTheSameRoutes() {
        try (ServletApp app = ServletApp.start("jetty9-app", Jdks.current())) {
            RequestCase.sendAndVerify(app, ServletScenarios.cases(""));
        }
    }
}
