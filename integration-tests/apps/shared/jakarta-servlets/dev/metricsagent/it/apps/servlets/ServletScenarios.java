package dev.metricsagent.it.apps.servlets;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The servlets and filter every jakarta container app registers, each a case the servlet
 * instrumentation must count exactly once (shared by tomcat10-app, tomcat11-app, jetty12-app):
 *
 * <pre>
 * /*            PassThroughFilter  every request enters this filter first, then a servlet
 * /hello        exact mapping, 200
 * /owners/*     path mapping: /owners/{n} 200, /owners/999 404 (sendError)
 * /boom         throws IllegalStateException (500, error page dispatch)
 * /async        startAsync, completed 100 ms later on another thread with status 201
 * /forward      forwards to /hello
 * /handed-off   HandOffFilter runs the rest of the chain, wrapped, on another thread and waits
 * /include      includes /hello
 * *.report      extension mapping, 200: the route is the request's path, identifiers replaced
 * /error-page   the container's error page for 404 and 500
 * /             default servlet: 404 for every unmapped path
 * </pre>
 */
public final class ServletScenarios implements ServletContainerInitializer {

  /** Where the containers send error dispatches (registered by each app's main). */
  public static final String ERROR_PAGE = "/error-page";

  private static final ScheduledExecutorService ASYNC =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "async-completer");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    FilterRegistration.Dynamic filter = context.addFilter("pass-through", new PassThroughFilter());
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
    add(context, "hello", new HelloServlet(), "/hello");
    add(context, "owners", new OwnerServlet(), "/owners/*");
    add(context, "boom", new FailingServlet(), "/boom");
    add(context, "async", new AsyncServlet(), "/async");
    add(context, "forward", new ForwardServlet(), "/forward");
    context.addFilter("hand-off", new HandOffFilter()).addMappingForUrlPatterns(null, true, "/handed-off");
    add(context, "handed-off", new HelloServlet(), "/handed-off");
    add(context, "include", new IncludeServlet(), "/include");
    add(context, "report", new HelloServlet(), "*.report");
    add(context, "error-page", new ErrorPageServlet(), ERROR_PAGE);
    add(context, "not-found", new NotFoundServlet(), "/");
  }

  private static void add(ServletContext context, String name, HttpServlet servlet, String mapping) {
    ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
    registration.setAsyncSupported(true); // the filter and every servlet an async request passes
    registration.addMapping(mapping);
  }

  static final class PassThroughFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request, response);
    }
  }

  /** Hands the rest of the chain to another thread without the async API, as some frameworks do. */
  static final class HandOffFilter implements Filter {
    private final ExecutorService worker = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "hand-off-worker");
      thread.setDaemon(true);
      return thread;
    });

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      ServletRequest wrapped = new HttpServletRequestWrapper((HttpServletRequest) request);
      try {
        worker.submit(() -> {
          chain.doFilter(wrapped, response);
          return null;
        }).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServletException(e);
      } catch (ExecutionException e) {
        throw new ServletException(e.getCause());
      }
    }
  }

  static final class HelloServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain");
      response.getWriter().write("hello");
    }
  }

  static final class OwnerServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
      if (id.equals("999")) {
        response.sendError(404, "no owner 999");
        return;
      }
      response.setContentType("text/plain");
      response.getWriter().write("owner " + id);
    }
  }

  static final class FailingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("boom");
    }
  }

  static final class AsyncServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      ASYNC.schedule(
          () -> {
            try {
              HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
              asyncResponse.setStatus(201);
              asyncResponse.setContentType("text/plain");
              asyncResponse.getWriter().write("created later");
            } catch (IOException e) {
              throw new IllegalStateException(e);
            } finally {
              async.complete();
            }
          },
          100,
          TimeUnit.MILLISECONDS);
    }
  }

  static final class ForwardServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      request.getRequestDispatcher("/hello").forward(request, response);
    }
  }

  static final class IncludeServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      response.setContentType("text/plain");
      request.getRequestDispatcher("/hello").include(request, response);
    }
  }

  static final class ErrorPageServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain");
      response.getWriter().write("error page");
    }
  }

  static final class NotFoundServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.sendError(404);
    }
  }
}
