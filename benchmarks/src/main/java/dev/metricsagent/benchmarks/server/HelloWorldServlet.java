package dev.metricsagent.benchmarks.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/** Tomcat's examples HelloWorld: a small HTML page, so that the container's work dominates. */
public final class HelloWorldServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html><html><head><title>Hello World!</title></head>");
    out.println("<body><h1>Hello World!</h1></body></html>");
  }
}
