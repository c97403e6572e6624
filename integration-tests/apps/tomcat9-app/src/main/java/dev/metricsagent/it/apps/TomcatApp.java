package dev.metricsagent.it.apps;

import dev.metricsagent.it.apps.servlets.ServletScenarios;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;

/**
 * Embedded Tomcat with the servlet scenarios, on a free port that it prints:
 * {@code servlet app ready port=N}. Runs until its standard input closes.
 */
public final class TomcatApp {

  private TomcatApp() {}

  public static void main(String[] args) throws Exception {
    String contextPath = args.length == 2 && args[0].equals("--context") ? args[1] : "";
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat-app").toString());
    tomcat.setPort(0);
    tomcat.getConnector();
    Context context = tomcat.addContext(contextPath, null);
    context.addServletContainerInitializer(new ServletScenarios(), null);
    context.addErrorPage(errorPage(404));
    context.addErrorPage(errorPage(500));
    tomcat.start();

    System.out.println("servlet app ready port=" + tomcat.getConnector().getLocalPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // only the end of input matters
    }
    tomcat.stop();
    tomcat.destroy();
  }

  private static ErrorPage errorPage(int status) {
    ErrorPage page = new ErrorPage();
    page.setErrorCode(status);
    page.setLocation(ServletScenarios.ERROR_PAGE);
    return page;
  }
}
