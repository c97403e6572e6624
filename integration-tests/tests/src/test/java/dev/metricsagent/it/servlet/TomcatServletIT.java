package dev.metricsagent.it.servlet;

import dev.metricsagent.it.Jdks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Embedded Tomcat 9 (javax), 10.1 and 11 (jakarta): every request recorded once, with its route. */
class TomcatServletIT {

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void tomcat10RecordsEveryRequestOnce(Jdks.Jdk jdk) {
        try (ServletApp app = ServletApp.start("tomcat10-app", jdk)) {
            RequestCase.sendAndVerify(app, ServletScenarios.cases(""));
        }
    }

    @Test
    void tomcat9WithJavaxServletsRecordsEveryRequestOnce() {
        try (ServletApp app = ServletApp.start("tomcat9-app", Jdks.current())) {
            RequestCase.sendAndVerify(app, ServletScenarios.cases(""));
        }
    }

    @Test
    void tomcat11RecordsRoutesUnderTheContextPath() {
        try (ServletApp app = ServletApp.start("tomcat11-app", Jdks.current(), "--context", "/shop")) {
            RequestCase.sendAndVerify(app, ServletScenarios.cases("/shop"));
        }
    }
}
