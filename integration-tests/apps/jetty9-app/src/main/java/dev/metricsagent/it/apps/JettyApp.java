package dev.metricsagent.it.apps;

import dev.metricsagent.it.apps.servlets.ServletScenarios;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * Embedded Jetty 9.4 with the servlet scenarios, on a free port that it prints:
 * {@code servlet app ready port=N}. Runs until its standard input closes.
 */
public final class JettyApp {

  private JettyApp() {}

  public static void main(String[] args) throws Exception {
    String contextPath = args.length == 2 && args[0].equals("--context") ? args[1] : "/";
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(0);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath(contextPath);
    // Jetty 9's plain ServletContextHandler runs no initializers: register before start instead.
    new ServletScenarios().onStartup(Set.of(), context.getServletContext());
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(404, ServletScenarios.ERROR_PAGE);
    errors.addErrorPage(500, ServletScenarios.ERROR_PAGE);
    context.setErrorHandler(errors);
    server.setHandler(context);
    server.start();

    System.out.println("servlet app ready port=" + connector.getLocalPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // only the end of input matters
    }
    server.stop();
  }
}
