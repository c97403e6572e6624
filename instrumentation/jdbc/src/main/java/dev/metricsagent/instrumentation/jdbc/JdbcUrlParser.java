package dev.metricsagent.instrumentation.jdbc;

import java.util.Locale;

/**
 * The database system and name from a JDBC URL: {@code jdbc:postgresql://db:5432/shop?ssl=true}
 * is postgresql / shop. Host, port, user and every other property are left out: they are not
 * labels, and a URL may hold a password.
 */
final class JdbcUrlParser {

  /** Names longer than this are not database names; they are left out. */
  private static final int MAX_NAMESPACE_LENGTH = 128;

  private JdbcUrlParser() {}

  static DbTarget parse(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return DbTarget.UNKNOWN;
    }
    String rest = url.substring(5);
    // Proxies that put themselves in front of the real driver's URL: jdbc:p6spy:postgresql://...
    for (String proxy : new String[] {"p6spy:", "otel:", "log4jdbc:", "tracing:"}) {
      if (rest.regionMatches(true, 0, proxy, 0, proxy.length())) {
        rest = rest.substring(proxy.length());
      }
    }
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      return DbTarget.UNKNOWN;
    }
    String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String afterSubprotocol = rest.substring(colon + 1);
    String system = system(subprotocol);
    return new DbTarget(system, checked(namespace(system, afterSubprotocol)));
  }

  /** The CONVENTIONS.md name of the system behind a JDBC subprotocol. */
  private static String system(String subprotocol) {
    switch (subprotocol) {
      case "postgresql":
      case "pgsql":
        return "postgresql";
      case "mariadb":
        return "mariadb";
      case "mysql":
        return "mysql";
      case "h2":
        return "h2";
      case "oracle":
        return "oracle";
      case "sqlserver":
      case "jtds":
        return "sqlserver";
      case "db2":
        return "db2";
      case "sqlite":
        return "sqlite";
      case "hsqldb":
        return "hsqldb";
      case "derby":
        return "derby";
      case "clickhouse":
      case "ch":
        return "clickhouse";
      default:
        return isSimpleName(subprotocol) ? subprotocol : DbTarget.UNKNOWN.system();
    }
  }

  private static String namespace(String system, String url) {
    switch (system) {
      case "h2":
      case "hsqldb":
      case "derby":
      case "sqlite":
        return embeddedName(url);
      case "oracle":
        return oracleName(url);
      case "sqlserver":
        return property(url, "databaseName", ';');
      case "postgresql":
        // jdbc:postgresql:shop is the local server's database "shop"
        return url.startsWith("//") ? pathName(url) : upTo(url, "?");
      default:
        return pathName(url);
    }
  }

  /** {@code //host:port/name?props} or {@code //host1,host2/name;props}: the first path segment. */
  private static String pathName(String url) {
    if (!url.startsWith("//")) {
      return null;
    }
    int slash = url.indexOf('/', 2);
    if (slash < 0) {
      return null;
    }
    return upTo(url.substring(slash + 1), "?;/");
  }

  /**
   * {@code mem:name;opts}, {@code file:/data/name}, {@code tcp://host/~/name}, {@code ~/name}:
   * the database's own name, without folders.
   */
  private static String embeddedName(String url) {
    String name = upTo(url, ";?");
    int lastSeparator = Math.max(name.lastIndexOf('/'), Math.max(name.lastIndexOf('\\'), name.lastIndexOf(':')));
    name = name.substring(lastSeparator + 1);
    return name.isEmpty() ? null : name;
  }

  /** {@code thin:@//host:1521/service}, {@code thin:@host:1521:SID}, {@code thin:@host:1521/service}. */
  private static String oracleName(String url) {
    int at = url.indexOf('@');
    if (at < 0) {
      return null;
    }
    String address = url.substring(at + 1);
    if (address.startsWith("(")) {
      return null; // a TNS descriptor: SERVICE_NAME is in there, but not worth a parser
    }
    if (address.startsWith("//")) {
      address = address.substring(2);
    }
    int slash = address.indexOf('/');
    if (slash >= 0) {
      return upTo(address.substring(slash + 1), "?:");
    }
    int lastColon = address.lastIndexOf(':');
    int firstColon = address.indexOf(':');
    return lastColon > firstColon ? address.substring(lastColon + 1) : null;
  }

  private static String property(String url, String key, char separator) {
    for (String part : url.split(String.valueOf(separator))) {
      int equals = part.indexOf('=');
      if (equals > 0 && part.substring(0, equals).trim().equalsIgnoreCase(key)) {
        return part.substring(equals + 1).trim();
      }
    }
    return null;
  }

  private static String upTo(String text, String stopCharacters) {
    for (int i = 0; i < text.length(); i++) {
      if (stopCharacters.indexOf(text.charAt(i)) >= 0) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  private static String checked(String name) {
    return name == null || name.isEmpty() || name.length() > MAX_NAMESPACE_LENGTH ? null : name;
  }

  private static boolean isSimpleName(String text) {
    if (text.isEmpty() || text.length() > 32) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }
}
