package dev.metricsagent.it.servlet;

import dev.metricsagent.it.ChildJvm;
import dev.metricsagent.it.ClassLoadLog;
import dev.metricsagent.it.Jdks;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Embedded Tomcat 9 (javax), 10.1 and 11 (jakarta): every request recorded once, with its route. */
class TomcatServletIT {

    /** With a class cache of its own, so that this start rewrites the servlet classes itself. */
    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void tomcat10RecordsEveryRequestOnce(Jdks.Jdk jdk, @TempDir Path temp) throws IOException {
        Path classLog = temp.resolve("classes.log");
        try (ServletApp app = ServletApp.start(ChildJvm.app("tomcat10-app").jdk(jdk)
                .agent("port=0,class_cache.directory=" + temp.resolve("cache"))
                .jvmArgs(ClassLoadLog.jvmArg(classLog)))) {
            RequestCase.sendAndVerify(app, ServletScenarios.cases(""));
        }
        ClassLoadLog.assertMatchedAndWovenWithoutByteBuddy(classLog);
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
