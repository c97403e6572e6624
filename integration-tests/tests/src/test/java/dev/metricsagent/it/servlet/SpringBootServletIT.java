package dev.metricsagent.it.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.it.ChildJvm;
import dev.metricsagent.it.Jdks;
import dev.metricsagent.it.PrepareCache;
import dev.metricsagent.it.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Boot 3 (embedded Tomcat, Spring MVC): the route is Spring's matched pattern, whatever
 * the outcome, and Boot's /error dispatch after a 404 or 500 is not counted again.
 */
class SpringBootServletIT {

    private static final String CACHE_LOOKUPS = "metrics_agent_class_cache_lookups_total";

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

    /**
     * Spring Boot's executable jar (libraries nested in BOOT-INF/lib, loaded by Spring Boot's own class
     * loader), whose class cache prepare-cache filled before its first start, as an image's build would: every
     * class the agent rewrites comes from the cache, and requests are recorded as from a plain class path.
     */
    @Test
    void recordsAnExecutableJarWhoseClassCacheWasPreparedBeforeItsFirstStart(@TempDir Path temp) throws Exception {
        // A copy on its own: the jar keeps the plain build's manifest, whose Class-Path (lib/...) would
        // otherwise put every library on the JVM's own class path too.
        Path jar = Files.copy(ChildJvm.appsDir().resolve("spring-boot3-app/target/spring-boot3-app-exec.jar"),
                temp.resolve("app.jar"));
        String agentArgs = "port=0,class_cache.directory=" + temp.resolve("cache");
        String output = PrepareCache.run(Jdks.current(), jar, agentArgs);
        assertTrue(output.contains("Spring Boot jar app.jar: "), output);

        try (ServletApp app = ServletApp.start(ChildJvm.app("spring-boot3-app").executableJar(jar).agent(agentArgs))) {
            RequestCase.sendAndVerify(app, List.of(
                    RequestCase.get(20, i -> "/owners/" + (i + 1), 200, "/owners/{ownerId}"),
                    RequestCase.get(5, i -> "/owners/999", 404, "/owners/{ownerId}")));
            Scrape scrape = app.scrape();
            assertEquals(0.0, scrape.value(CACHE_LOOKUPS, Map.of("result", "miss")), scrape::text);
            assertTrue(scrape.value(CACHE_LOOKUPS, Map.of("result", "hit")) > 0, scrape::text);
        }
    }
}
