package dev.metricsagent.bootstrap.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The async listener proxy against a stand-in of the servlet API's shapes (AsyncListener,
 * AsyncEvent, AsyncContext, HttpServletResponse), since the bootstrap cannot see the real ones.
 */
class AsyncCompletionTest {

  public interface Listener {
    void onComplete(Event event);

    void onTimeout(Event event);

    void onError(Event event);

    void onStartAsync(Event event);
  }

  public interface Context {
    void addListener(Listener listener);
  }

  public interface Response {
    int getStatus();
  }

  public static final class Event {
    private final Context context;
    private final Throwable throwable;

    Event(Context context, Throwable throwable) {
      this.context = context;
      this.throwable = throwable;
    }

    public Context getAsyncContext() {
      return context;
    }

    public Throwable getThrowable() {
      return throwable;
    }
  }

  private final List<Object[]> finished = new ArrayList<>();
  private int status = 200;
  private final Response response = () -> status;

  AsyncCompletionTest() {
    ServletBridge.connect(
        new ServletSink() {
          @Override
          public void started(String method, String scheme) {}

          @Override
          public boolean finished(long startNanos, String method, String scheme, String contextPath,
              String servletPath, String mappingMatch, String mappingPattern, Object frameworkPattern,
              String requestUri, int status, Throwable thrown) {
            finished.add(new Object[] {startNanos, method, mappingPattern, status, thrown});
            return true;
          }
        });
  }

  @AfterEach
  void disconnect() {
    ServletBridge.connect(null);
  }

  private Listener listener() {
    return (Listener)
        Proxy.newProxyInstance(
            Listener.class.getClassLoader(),
            new Class<?>[] {Listener.class},
            ServletBridge.asyncCompletion(
                response, Response.class, 41L, "GET", "http", "", "/async", "EXACT", "/async", null, "/async"));
  }

  @Test
  void recordsOnceOnCompleteWithTheFinalStatus() {
    Listener listener = listener();
    status = 201;
    listener.onComplete(new Event(null, null));
    listener.onComplete(new Event(null, null));

    assertEquals(1, finished.size());
    assertEquals(41L, finished.get(0)[0]);
    assertEquals("/async", finished.get(0)[2]);
    assertEquals(201, finished.get(0)[3]);
    assertNull(finished.get(0)[4]);
  }

  @Test
  void anErrorIsReportedWhenTheCycleCompletes() {
    Listener listener = listener();
    IllegalStateException failure = new IllegalStateException();
    listener.onError(new Event(null, failure));
    assertTrue(finished.isEmpty(), "the container sets the final status after onError");

    status = 500;
    listener.onComplete(new Event(null, null));
    assertEquals(500, finished.get(0)[3]);
    assertSame(failure, finished.get(0)[4]);
  }

  @Test
  void aTimeoutRecordsNothingByItself() {
    listener().onTimeout(new Event(null, null));
    assertTrue(finished.isEmpty());
  }

  @Test
  void aNewAsyncCycleKeepsTheListener() {
    Listener listener = listener();
    List<Listener> added = new ArrayList<>();
    listener.onStartAsync(new Event(added::add, null));
    assertEquals(List.of(listener), added);
  }

  @Test
  void objectMethodsAnswerWithoutRecording() {
    Listener listener = listener();
    assertEquals(listener, listener);
    assertNotEquals(listener, listener());
    assertEquals(System.identityHashCode(listener), listener.hashCode());
    assertTrue(listener.toString().contains("metrics-agent"));
    assertTrue(finished.isEmpty());
  }
}
