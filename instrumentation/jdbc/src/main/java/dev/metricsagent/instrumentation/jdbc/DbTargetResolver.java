package dev.metricsagent.instrumentation.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * The database a connection talks to, from its JDBC URL ({@code getMetaData().getURL()}), asked
 * once per connection and remembered weakly. Pooled connections live long, so this costs nothing
 * per statement; when the driver cannot say, the driver's package names the system.
 */
final class DbTargetResolver {

  private final WeakIdentityMap<DbTarget> targets = new WeakIdentityMap<>();

  DbTarget of(Object connection) {
    if (!(connection instanceof Connection)) {
      return DbTarget.UNKNOWN;
    }
    DbTarget target = targets.get(connection);
    if (target == null) {
      target = resolve((Connection) connection);
      targets.put(connection, target);
    }
    return target;
  }

  private static DbTarget resolve(Connection connection) {
    try {
      DatabaseMetaData metaData = connection.getMetaData();
      String url = metaData == null ? null : metaData.getURL();
      DbTarget target = JdbcUrlParser.parse(url);
      if (target != DbTarget.UNKNOWN) {
        return target;
      }
    } catch (Exception | LinkageError e) {
      // a closed connection, a driver without metadata: fall back to the driver's name
    }
    return new DbTarget(systemOfDriver(connection.getClass().getName()), null);
  }

  static String systemOfDriver(String className) {
    if (className.startsWith("org.postgresql.")) {
      return "postgresql";
    } else if (className.startsWith("org.mariadb.")) {
      return "mariadb";
    } else if (className.startsWith("com.mysql.")) {
      return "mysql";
    } else if (className.startsWith("org.h2.")) {
      return "h2";
    } else if (className.startsWith("oracle.")) {
      return "oracle";
    } else if (className.startsWith("com.microsoft.sqlserver.") || className.startsWith("net.sourceforge.jtds.")) {
      return "sqlserver";
    }
    return DbTarget.UNKNOWN.system();
  }
}
