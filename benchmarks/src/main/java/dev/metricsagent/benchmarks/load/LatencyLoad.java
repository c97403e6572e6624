package dev.metricsagent.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP/1.1 GET load that measures every request's latency with {@link System#nanoTime()}, each
 * connection on its own thread and kept-alive socket. Prints "name value" lines in the format of
 * {@code wrk-report.lua}: requests, duration_us, p50_us, p99_us, errors, and busy or rate.
 *
 * <p>Closed loop (no rate given): each connection sends a request, reads the whole response, and
 * sends the next one, so the server is saturated and its latency is mostly queueing for the CPU.
 *
 * <p>Fixed rate (requests per second given): the same offered load for every server compared,
 * below saturation. Each connection sends at random (Poisson) times, from a seeded generator so
 * that every run offers the same schedule. A request that fell due while its connection still
 * waited for the previous response is timed from when it was due, so a server's stall counts
 * against every request it delayed (no "coordinated omission"); any other request is timed from
 * when it was sent, so the client's own late wake-ups and pauses do not count. {@code rate} is the
 * rate achieved, which falls short of the one asked when the server cannot keep up.
 *
 * <p>Why not wrk's latencies: on this project's machine wrk 4.1.0 reports latencies whose sum is
 * 1.15 to 4.4 times the run's duration at one connection, where one request at a time allows at
 * most 1.0 (Little's law), even against a trivial server. {@code busy} is that check for this
 * client: the latencies' sum over the duration and the connections, at most 1, about 0.99 when
 * the client adds nothing between requests.
 *
 * <p>usage: {@code LatencyLoad <http url> <connections> <warm-up seconds> <seconds>
 * [requests per second]}; the server must answer with a Content-Length (Tomcat does for a small
 * response).
 */
public final class LatencyLoad {

  private static final String USAGE =
      "usage: LatencyLoad <http url> <connections> <warm-up seconds> <seconds> [requests per second]";

  private final URI url;
  private final byte[] request;
  /** The mean time between two requests of one connection; 0 for a closed loop. */
  private final long meanIntervalNanos;

  private LatencyLoad(URI url, long meanIntervalNanos) {
    this.url = url;
    this.meanIntervalNanos = meanIntervalNanos;
    String host = url.getHost() + ":" + url.getPort();
    this.request =
        ("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4 && args.length != 5) {
      System.err.println(USAGE);
      System.exit(2);
    }
    int connections = Integer.parseInt(args[1]);
    double rate = args.length == 5 ? Double.parseDouble(args[4]) : 0;
    long meanIntervalNanos = rate > 0 ? Math.round(connections * 1e9 / rate) : 0;
    LatencyLoad load = new LatencyLoad(URI.create(args[0]), meanIntervalNanos);
    load.run(connections, Long.parseLong(args[2]) * 1_000_000_000L, null);
    Latencies latencies = new Latencies();
    long started = System.nanoTime();
    load.run(connections, Long.parseLong(args[3]) * 1_000_000_000L, latencies);
    latencies.print(System.nanoTime() - started, connections, meanIntervalNanos > 0);
  }

  /** Runs the connections until the time is up; records into latencies unless it is null. */
  private void run(int connections, long nanos, Latencies latencies) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    List<Thread> threads = new ArrayList<>();
    CountDownLatch connected = new CountDownLatch(connections);
    for (int i = 0; i < connections; i++) {
      int index = i;
      Latencies own = latencies == null ? null : new Latencies();
      Thread thread =
          new Thread(
              () -> {
                try {
                  connection(deadline, own, connected, new SplittableRandom(index));
                } finally {
                  if (latencies != null) {
                    latencies.add(own);
                  }
                }
              },
              "load-" + i);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private void connection(
      long deadline, Latencies latencies, CountDownLatch connected, SplittableRandom arrivals) {
    byte[] buffer = new byte[16 * 1024];
    Socket socket = null;
    try {
      socket = open();
      connected.countDown();
      connected.await(); // every connection is open before any request is timed
      long due = System.nanoTime();
      long previousEnd = due;
      while (true) {
        long start;
        if (meanIntervalNanos == 0) {
          start = System.nanoTime();
        } else {
          due += nextInterval(arrivals);
          start = previousEnd - due > 0 ? due : sleepUntil(due);
        }
        if (start - deadline >= 0) {
          break;
        }
        boolean keepAlive = exchange(socket, buffer);
        previousEnd = System.nanoTime();
        long latency = previousEnd - start;
        if (latencies != null) {
          latencies.record(latency);
        }
        if (!keepAlive) {
          socket.close();
          socket = open();
        }
      }
    } catch (IOException | RuntimeException e) {
      if (latencies != null) {
        latencies.error(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connected.countDown();
      closeQuietly(socket);
    }
  }

  /** An exponentially distributed gap: requests arriving at random at the mean rate. */
  private long nextInterval(SplittableRandom arrivals) {
    return Math.round(-Math.log(1 - arrivals.nextDouble()) * meanIntervalNanos);
  }

  /** Returns when it woke: at the time given, or later. */
  private static long sleepUntil(long due) {
    long now;
    while ((now = System.nanoTime()) - due < 0) {
      LockSupport.parkNanos(due - now);
    }
    return now;
  }

  private Socket open() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Sends one request and reads its response; false when the server closes the connection. */
  private boolean exchange(Socket socket, byte[] buffer) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request);
    out.flush();
    InputStream in = socket.getInputStream();
    int read = 0;
    int headerEnd;
    while ((headerEnd = headerEnd(buffer, read)) < 0) {
      if (read == buffer.length) {
        throw new IOException("response headers longer than " + buffer.length + " bytes");
      }
      int n = in.read(buffer, read, buffer.length - read);
      if (n < 0) {
        throw new IOException("connection closed before the response headers ended");
      }
      read += n;
    }
    String headers =
        new String(buffer, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase();
    if (!headers.startsWith("http/1.1 200")) {
      throw new IOException("not a 200: " + headers.lines().findFirst().orElse(""));
    }
    long remaining = contentLength(headers) - (read - headerEnd);
    while (remaining > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw new IOException("connection closed inside the response body");
      }
      remaining -= n;
    }
    if (remaining < 0) {
      throw new IOException("more bytes than the Content-Length: pipelined responses?");
    }
    return !headers.contains("\r\nconnection: close");
  }

  /** The index just after the blank line ending the headers, or -1. */
  private static int headerEnd(byte[] buffer, int length) {
    for (int i = 3; i < length; i++) {
      if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n'
          && buffer[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  /** From headers already in lower case. */
  private static long contentLength(String headers) throws IOException {
    int at = headers.indexOf("\r\ncontent-length:");
    if (at < 0) {
      throw new IOException("the response has no Content-Length");
    }
    int end = headers.indexOf("\r\n", at + 2);
    return Long.parseLong(headers.substring(at + "\r\ncontent-length:".length(), end).trim());
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // the run is over either way
      }
    }
  }
}
