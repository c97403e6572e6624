package dev.metricsagent.instrumentation.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RouteResolverTest {

  private final RouteResolver routes = new RouteResolver(100);

  @Test
  void springPatternWinsOverTheServletMapping() {
    assertEquals(
        "/owners/{ownerId}",
        routes.resolve("", "", "DEFAULT", "/", "/owners/{ownerId}", "/owners/42", 200));
  }

  @Test
  void springPatternIsPrefixedWithContextPathAndAPathMappedServletPath() {
    assertEquals(
        "/shop/api/owners/{ownerId}",
        routes.resolve("/shop", "/api", "PATH", "/api/*", "/owners/{ownerId}", "/shop/api/owners/42", 200));
    assertEquals(
        "/shop/owners/{ownerId}",
        routes.resolve("/shop", "/owners/42", "DEFAULT", "/", "/owners/{ownerId}", "/shop/owners/42", 200));
  }

  @Test
  void theSameRouteStringIsReusedForAContextPath() {
    String first = routes.resolve("/shop", "/hello", "EXACT", "/hello", null, "/shop/hello", 200);
    String second = routes.resolve("/shop", "/hello", "EXACT", "/hello", null, "/shop/hello", 200);
    assertEquals("/shop/hello", first);
    assertSame(first, second);
  }

  @Test
  void pathMappingGivesItsPattern() {
    assertEquals("/owners/*", routes.resolve("", "/owners", "PATH", "/owners/*", null, "/owners/42", 200));
    assertEquals("/owners/*", routes.resolve("", "/owners", "PATH", "/owners/*", null, "/owners/999", 404));
  }

  @Test
  void servlet3PathMappingIsRebuiltFromTheServletPath() {
    assertEquals("/ctx/owners/*", routes.resolve("/ctx", "/owners", "PATH", null, null, "/ctx/owners/42", 200));
  }

  @Test
  void exactMappingGivesItsPath() {
    assertEquals("/hello", routes.resolve("", "/hello", "EXACT", "/hello", null, "/hello", 200));
  }

  @Test
  void contextRootIsSlash() {
    assertEquals("/", routes.resolve("", "", "CONTEXT_ROOT", "", null, "/", 200));
    assertEquals("/shop/", routes.resolve("/shop", "", "CONTEXT_ROOT", "", null, "/shop/", 200));
  }

  @Test
  void defaultExtensionAndCatchAllMappingsFallBackToTheNormalisedPath() {
    assertEquals("/static/{id}/a.css", routes.resolve("", "/static/1/a.css", "DEFAULT", "/", null, "/static/1/a.css", 200));
    assertEquals("/orders/{id}/edit.do", routes.resolve("", "/orders/7/edit.do", "EXTENSION", "*.do", null, "/orders/7/edit.do", 200));
    assertEquals("/anything/{id}", routes.resolve("", "", "PATH", "/*", null, "/anything/5", 200));
    assertEquals("/legacy/{id}", routes.resolve("", "/legacy/5", null, null, null, "/legacy/5", 200));
  }

  @Test
  void anUnclaimed404HasNoRouteSoThatProbesCreateNoSeries() {
    assertEquals(RouteResolver.UNMATCHED, routes.resolve("", "/wp-admin.php", "DEFAULT", "/", null, "/wp-admin.php", 404));
  }

  /** The advice reads the URI, which Tomcat decodes at each call, only when this asks for it. */
  @Test
  void onlyARouteMadeFromThePathNeedsTheUri() {
    assertEquals("/owners/{ownerId}", routes.resolve("", "", "DEFAULT", "/", "/owners/{ownerId}", null, 200));
    assertEquals("/shop/hello", routes.resolve("/shop", "/hello", "EXACT", "/hello", null, null, 200));
    assertEquals("/owners/*", routes.resolve("", "/owners", "PATH", "/owners/*", null, null, 200));
    assertEquals(RouteResolver.UNMATCHED, routes.resolve("", "/wp-admin.php", "DEFAULT", "/", null, null, 404));
    assertNull(routes.resolve("", "/static/1/a.css", "DEFAULT", "/", null, null, 200));
    assertNull(routes.resolve("", "/a/1", "PATH", "/*", null, null, 200));
  }
}
