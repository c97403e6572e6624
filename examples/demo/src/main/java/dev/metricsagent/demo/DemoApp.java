package dev.metricsagent.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A service with the three things the agent measures: requests it serves, queries it runs,
 * and API calls it makes. Run it with the agent and watch http://localhost:9464/metrics.
 *
 * <p>Arguments: {@code --port N} (default 8080, 0 = any free port), {@code --no-traffic} (do not
 * generate requests of its own).
 */
public final class DemoApp {

  public static void main(String[] args) throws Exception {
    int port = 8080;
    boolean traffic = true;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port")) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--no-traffic")) {
        traffic = false;
      }
    }

    OwnerRepository owners = OwnerRepository.inMemory();
    Tomcat tomcat = new Tomcat();
    File baseDir = Files.createTempDirectory("demo-tomcat").toFile();
    // Tomcat fills it (work/), which deleteOnExit cannot remove: the whole tree goes at exit.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(baseDir.toPath())));
    tomcat.setBaseDir(baseDir.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(port);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.getAbsolutePath());
    Tomcat.addServlet(context, "owners", new OwnerServlet(owners));
    context.addServletMappingDecoded("/owners/*", "owners");
    Tomcat.addServlet(context, "fake-github", new FakeGitHubServlet());
    context.addServletMappingDecoded("/api/github/*", "fake-github");
    tomcat.start();

    int actualPort = connector.getLocalPort();
    System.out.println("demo: serving http://localhost:" + actualPort + "/owners/1");
    if (traffic) {
      new TrafficGenerator(actualPort).start();
      System.out.println("demo: generating traffic of its own; metrics: http://localhost:9464/metrics");
    }
    tomcat.getServer().await();
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is not worth an error at exit.
    }
  }
}
