package dev.metricsagent.benchmarks.server;

import com.example.bench.SeriesSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /series?count=N}: calls {@link SeriesSource#counted} and {@link SeriesSource#timed}
 * with N distinct keys, so that method rules with an {@code {arg0}} label (see
 * benchmarks/scripts/scrape.sh) create N label combinations each.
 */
final class SeriesServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int count = Integer.parseInt(request.getParameter("count"));
    long sum = 0;
    for (int i = 0; i < count; i++) {
      String key = "key-" + i;
      sum += SeriesSource.counted(key) + SeriesSource.timed(key);
    }
    response.setContentType("text/plain");
    response.getWriter().println(count + " keys " + sum);
  }
}
