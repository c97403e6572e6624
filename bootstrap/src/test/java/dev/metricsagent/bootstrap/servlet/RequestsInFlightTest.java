package dev.metricsagent.bootstrap.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestsInFlightTest {

  @Test
  void containsARequestFromItsAddUntilItsRemove() {
    Object request = new Object();
    Object other = new Object();
    assertFalse(RequestsInFlight.contains(request));

    assertTrue(RequestsInFlight.add(request));
    assertTrue(RequestsInFlight.contains(request));
    assertFalse(RequestsInFlight.contains(other));

    RequestsInFlight.remove(request);
    assertFalse(RequestsInFlight.contains(request));
  }

  @Test
  void removingNullOrAnAbsentRequestChangesNothing() {
    Object request = new Object();
    assertTrue(RequestsInFlight.add(request));

    RequestsInFlight.remove(null);
    RequestsInFlight.remove(new Object());
    assertTrue(RequestsInFlight.contains(request));

    RequestsInFlight.remove(request);
  }

  @Test
  void refusesARequestWhoseSlotsAreAllTakenAndTakesItOnceOneIsFree() {
    List<Object> added = new ArrayList<>();
    Object refused = null;
    while (refused == null && added.size() < 1_000_000) {
      Object request = new Object();
      if (RequestsInFlight.add(request)) {
        added.add(request);
      } else {
        refused = request;
      }
    }
    try {
      assertTrue(refused != null, "a full neighbourhood refuses");
      assertFalse(RequestsInFlight.contains(refused));
      for (Object request : added) {
        assertTrue(RequestsInFlight.contains(request));
      }
    } finally {
      for (Object request : added) {
        RequestsInFlight.remove(request);
      }
    }
    assertTrue(RequestsInFlight.add(refused));
    RequestsInFlight.remove(refused);
    for (Object request : added) {
      assertFalse(RequestsInFlight.contains(request));
    }
  }
}
