package dev.metricsagent.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/** {@code GET /owners/{id}}: the owner's name from the database, or 404. */
final class OwnerServlet extends HttpServlet {

  private final OwnerRepository owners;

  OwnerServlet(OwnerRepository owners) {
    this.owners = owners;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int id;
    try {
      id = Integer.parseInt(request.getPathInfo().substring(1));
    } catch (RuntimeException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "owner id must be a number");
      return;
    }
    try {
      Optional<String> name = owners.nameOf(id);
      if (name.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType("text/plain");
      response.getWriter().println(name.get());
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
