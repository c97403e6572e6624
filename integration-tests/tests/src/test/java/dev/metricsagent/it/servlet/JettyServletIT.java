package dev.metricsagent.it.servlet;

import dev.metricsagent.it.Jdks;
import org.junit.jupiter.api.Test;

/** Embedded Jetty 12 (ee10): the same scenarios as on Tomcat, the same single observations. */
class JettyServletIT {

    @Test
    void jetty12RecordsEveryRequestOnce() {
        try (ServletApp app = ServletApp.start("jetty12-app", Jdks.current())) {
            RequestCase.sendAndVerify(app, ServletScenarios.cases(""));
        }
    }
}
