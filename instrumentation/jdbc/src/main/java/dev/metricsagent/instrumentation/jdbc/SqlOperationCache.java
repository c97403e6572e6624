package dev.metricsagent.instrumentation.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed SQL by text, so that an application's few distinct statements are each parsed once.
 * Bounded: applications that build SQL with literals in it would otherwise fill it forever;
 * beyond the bound (or for very long text) statements are parsed every time, which only costs
 * time proportional to the text.
 */
final class SqlOperationCache {

  static final int MAX_ENTRIES = 2_000;
  static final int MAX_SQL_LENGTH = 4_096;

  private final ConcurrentHashMap<String, SqlOperation> parsed = new ConcurrentHashMap<>();

  SqlOperation get(String sql) {
    if (sql == null) {
      return SqlOperation.OTHER;
    }
    SqlOperation operation = parsed.get(sql);
    if (operation == null) {
      operation = SqlOperationParser.parse(sql);
      if (parsed.size() < MAX_ENTRIES && sql.length() <= MAX_SQL_LENGTH) {
        parsed.putIfAbsent(sql, operation);
      }
    }
    return operation;
  }
}
