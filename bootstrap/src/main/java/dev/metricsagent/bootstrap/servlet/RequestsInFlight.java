package dev.metricsagent.bootstrap.servlet;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The requests whose outermost servlet or filter entry is still running, by identity of the
 * container's request (wrappers unwrapped). Any other entry of such a request is nested in that
 * one and records nothing: filters down the chain, forwards and includes on the same thread, and
 * the rest of a chain that a filter handed to another thread and waits for.
 *
 * <p>Why not a request attribute, as for async and error dispatches, which come after the
 * outermost entry has returned: the first attribute of a Jetty request makes its attribute map
 * (200 B per request). Why not a ThreadLocal: it cannot see a chain handed to another thread.
 * So a fixed table that allocates nothing: a request's slot is one of {@link #PROBES} starting
 * at its identity hash. When all of them are taken, {@link #add} says so and the advice falls
 * back to the attribute.
 */
public final class RequestsInFlight {

  private static final int SLOTS = 4096; // 16 KiB of references; many more than request threads
  private static final int PROBES = 8;

  private static final AtomicReferenceArray<Object> slots = new AtomicReferenceArray<>(SLOTS);

  private RequestsInFlight() {}

  /** Claims a slot for the request; false when its slots are all taken. */
  public static boolean add(Object request) {
    int start = System.identityHashCode(request);
    for (int probe = 0; probe < PROBES; probe++) {
      if (slots.compareAndSet(slot(start, probe), null, request)) {
        return true;
      }
    }
    return false;
  }

  public static boolean contains(Object request) {
    int start = System.identityHashCode(request);
    for (int probe = 0; probe < PROBES; probe++) {
      if (slots.get(slot(start, probe)) == request) {
        return true;
      }
    }
    return false;
  }

  /** Frees the request's slot, if it has one (null, the advice's "none", is never added). */
  public static void remove(Object request) {
    if (request == null) {
      return;
    }
    int start = System.identityHashCode(request);
    for (int probe = 0; probe < PROBES; probe++) {
      if (slots.compareAndSet(slot(start, probe), request, null)) {
        return;
      }
    }
  }

  private static int slot(int start, int probe) {
    return (start + probe) & (SLOTS - 1);
  }
}
