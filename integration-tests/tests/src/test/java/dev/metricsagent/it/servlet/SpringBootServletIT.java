package dev.metricsagent.it.servlet;

import dev.metricsagent.it.Jdks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot 3 (embedded Tomcat, Spring MVC): the route is Spring's matched pattern, whatever
 * the outcome, and Boot's /error dispatch after a 404 or 500 is not counted again.
 */
class SpringBootServletIT {

    @Test
    void recordsSpringsMatchedPatternOncePerRequest() {
        try (ServletApp app = ServletApp.start("spring-boot3-app", Jdks.current())) {
            RequestCase.sendAndVerify(app, List.of(
                    RequestCase.get(40, i -> "/owners/" + (i + 1), 200, "/owners/{ownerId}"),
                    // ResponseStatusException: Spring sends the 404, Boot renders /error.
                    RequestCase.get(10, i -> "/owners/999", 404, "/owners/{ownerId}"),
                    // Spring rethrows it wrapped in a ServletException: the cause is the error type.
                    RequestCase.get(10, i -> "/boom", 500, "/boom").erroring("IllegalStateException"),
                    RequestCase.get(10, i -> "/async", 201, "/async"),
                    // The forward's target (/owners/{ownerId}) does not take the route over.
                    RequestCase.get(10, i -> "/forward", 200, "/forward"),
                    // Unmapped paths end in Spring's static-resource handler.
                    RequestCase.get(10, i -> "/no/such/page/" + i, 404, "/**"),
                    // No handler for the method: no Spring pattern, the normalised path.
                    new RequestCase("BREW", 5, i -> "/owners/" + (i + 1), 405, "/owners/{id}", "")));
        }
    }
}
