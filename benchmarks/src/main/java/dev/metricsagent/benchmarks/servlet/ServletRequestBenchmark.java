package dev.metricsagent.benchmarks.servlet;

import dev.metricsagent.benchmarks.AgentJar;
import dev.metricsagent.benchmarks.server.HelloWorldServlet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One hello-world request through a servlet container, without a network: Jetty 12's {@code
 * LocalConnector} parses the request from memory, runs the servlet and writes the response to
 * memory, on one kept-alive connection, all on the benchmark's thread ({@link
 * CallerRunsThreadPool}). So the container's own work is all there is beside the agent's, which
 * is as visible as it can be: no socket, no thread hand-off (either alone costs more than the
 * whole request here). Run by {@link WithoutAgent} and {@link WithAgent} in the same
 * JMH run; docs/performance.md has the ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class ServletRequestBenchmark {

  private static final byte[] REQUEST =
      "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private Server server;
  private LocalConnector.LocalEndPoint connection;

  @Setup
  public void start() throws Exception {
    AgentJar.check(expectsAgent(), "dev.metricsagent.bootstrap.servlet.ServletBridge");
    server = new Server(new CallerRunsThreadPool());
    LocalConnector connector = new LocalConnector(server);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(HelloWorldServlet.class, "/hello");
    server.setHandler(context);
    server.start();
    connection = connector.connect();
  }

  @TearDown
  public void stop() throws Exception {
    server.stop();
  }

  /** Whether this fork must have the agent attached; a benchmark of the wrong setup is worthless. */
  abstract boolean expectsAgent();

  /** The response's length: its status line, headers and the page. */
  @Benchmark
  public int helloWorld() throws Exception {
    connection.addInputAndExecute(ByteBuffer.wrap(REQUEST));
    ByteBuffer response = connection.waitForResponse(false, 10, TimeUnit.SECONDS);
    if (response == null) {
      throw new IllegalStateException("no response within 10 s");
    }
    return response.remaining();
  }
}
