package dev.metricsagent.benchmarks.server;

import java.io.File;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * The application the whole-process scripts measure: embedded Tomcat 10.1 with a hello-world
 * servlet on {@code /hello} (the same work as Tomcat's examples HelloWorld) and {@code /series},
 * which creates label combinations for the scrape benchmark. Prints {@code hello server ready}
 * and serves until killed.
 *
 * <p>usage: {@code HelloWorldServer <port> <tomcat base directory>}
 */
public final class HelloWorldServer {

  private HelloWorldServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    File baseDir = new File(args[1]);
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.getAbsolutePath());
    tomcat.setPort(port);
    // Tomcat closes a connection after 100 requests by default: every hundredth request would
    // then wait for a new connection, exactly the 1 % that decides the p99 under load.
    tomcat.getConnector().setProperty("maxKeepAliveRequests", "-1");
    Context context = tomcat.addContext("", baseDir.getAbsolutePath());
    Tomcat.addServlet(context, "hello", new HelloWorldServlet());
    context.addServletMappingDecoded("/hello", "hello");
    Tomcat.addServlet(context, "series", new SeriesServlet());
    context.addServletMappingDecoded("/series", "series");
    tomcat.start();
    if (tomcat.getConnector().getLocalPort() <= 0) {
      // Tomcat logs a bind failure and carries on; a benchmark must not measure another server.
      System.err.println("hello server: port " + port + " not bound");
      System.exit(1);
    }
    System.out.println("hello server ready port=" + tomcat.getConnector().getLocalPort());
    System.out.flush();
    tomcat.getServer().await();
  }
}
