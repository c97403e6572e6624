package dev.metricsagent.instrumentation.jdbc;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the operation and the main table from SQL text, for labels: {@code SELECT} and
 * {@code users} from {@code select * from users where id = ?}. Only the leading keywords and
 * identifiers in a table position are ever returned, so no literal value or other text can end up
 * in a label. The table is given only when the statement plainly works on one table; a join, a
 * union, a sub-query or a common table expression in that position leaves it out.
 */
final class SqlOperationParser {

  /** Names longer than this are not labels anyone wants; they are left out. */
  static final int MAX_COLLECTION_LENGTH = 128;

  private static final String[] OPERATIONS = {
    "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "CALL", "REPLACE", "UPSERT", "VALUES",
    "CREATE", "ALTER", "DROP", "TRUNCATE", "GRANT", "REVOKE", "COMMIT", "ROLLBACK", "SAVEPOINT",
    "RELEASE", "BEGIN", "START", "SET", "SHOW", "DESCRIBE", "EXPLAIN", "ANALYZE", "VACUUM", "LOCK",
    "COPY", "EXEC", "EXECUTE", "USE", "DECLARE", "PREPARE", "DEALLOCATE", "LISTEN", "NOTIFY"
  };

  /** Words that end a FROM list's table reference, so they are not read as an alias. */
  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "FETCH", "FOR", "WINDOW",
          "UNION", "INTERSECT", "EXCEPT", "MINUS", "JOIN", "INNER", "LEFT", "RIGHT", "FULL",
          "CROSS", "NATURAL", "OUTER", "STRAIGHT_JOIN", "ON", "USING", "SET", "VALUES", "RETURNING",
          "WITH", "LOCK", "TABLESAMPLE", "QUALIFY", "CONNECT", "START");

  /** Words that, right after a table reference, start a join. */
  private static final Set<String> JOIN_STARTS =
      Set.of("JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "STRAIGHT_JOIN", "OUTER");

  /**
   * Words that mean a second table anywhere at the top level. LEFT and RIGHT are not among them:
   * they are also functions ({@code WHERE left(name, 1) = ?}), and every join has a JOIN anyway.
   */
  private static final Set<String> MORE_TABLES =
      Set.of("JOIN", "STRAIGHT_JOIN", "UNION", "INTERSECT", "EXCEPT", "MINUS");

  /** Set operations: no FROM before them ({@code SELECT 1 UNION SELECT ...}) still means two. */
  private static final Set<String> SET_OPERATIONS = Set.of("UNION", "INTERSECT", "EXCEPT", "MINUS");

  private SqlOperationParser() {}

  static SqlOperation parse(String sql) {
    if (sql == null) {
      return SqlOperation.OTHER;
    }
    SqlLexer lexer = new SqlLexer(sql);
    lexer.next();
    boolean parenthesized = false;
    // "(SELECT ...) UNION (...)", and the JDBC escapes "{call p(?)}" and "{? = call p(?)}".
    while (lexer.isPunctuation('(') || lexer.isPunctuation('{')) {
      parenthesized |= lexer.isPunctuation('(');
      lexer.next();
    }
    if (lexer.isPunctuation('?')) {
      lexer.next();
      if (!lexer.isPunctuation('=')) {
        return SqlOperation.OTHER;
      }
      lexer.next();
    }
    String operation = operation(lexer);
    if (operation == null) {
      return SqlOperation.OTHER;
    }
    Set<String> commonTables = new HashSet<>();
    if (operation.equals("WITH")) {
      operation = skipCommonTableExpressions(lexer, commonTables);
      if (operation == null) {
        return SqlOperation.OTHER;
      }
    }
    String table = parenthesized ? null : table(operation, lexer);
    if (table != null && (table.length() > MAX_COLLECTION_LENGTH || isCommonTable(table, commonTables))) {
      table = null;
    }
    return new SqlOperation(operation, table);
  }

  /** The current word as one of the known operations, or null. */
  private static String operation(SqlLexer lexer) {
    if (lexer.kind() != SqlLexer.Kind.WORD) {
      return null;
    }
    if (lexer.isWord("WITH")) {
      return "WITH";
    }
    for (String operation : OPERATIONS) {
      if (lexer.isWord(operation)) {
        return operation;
      }
    }
    return null;
  }

  /**
   * {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (...) [, ...]}: skips to the
   * statement proper and returns its operation, remembering the names defined on the way.
   */
  private static String skipCommonTableExpressions(SqlLexer lexer, Set<String> names) {
    lexer.next();
    if (lexer.isWord("RECURSIVE")) {
      lexer.next();
    }
    while (true) {
      if (!lexer.isIdentifier()) {
        return null;
      }
      names.add(lexer.text().toLowerCase(Locale.ROOT));
      lexer.next();
      if (lexer.isPunctuation('(')) {
        skipParenthesized(lexer);
      }
      if (!lexer.isWord("AS")) {
        return null;
      }
      lexer.next();
      if (lexer.isWord("NOT")) {
        lexer.next();
      }
      if (lexer.isWord("MATERIALIZED")) {
        lexer.next();
      }
      if (!lexer.isPunctuation('(')) {
        return null;
      }
      skipParenthesized(lexer);
      if (!lexer.isPunctuation(',')) {
        String operation = operation(lexer);
        return "WITH".equals(operation) ? null : operation;
      }
      lexer.next();
    }
  }

  /** From an opening parenthesis to the token after the matching closing one. */
  private static void skipParenthesized(SqlLexer lexer) {
    int depth = 0;
    do {
      if (lexer.isPunctuation('(')) {
        depth++;
      } else if (lexer.isPunctuation(')')) {
        depth--;
      }
      lexer.next();
    } while (depth > 0 && lexer.kind() != SqlLexer.Kind.END);
  }

  private static boolean isCommonTable(String table, Set<String> commonTables) {
    return !commonTables.isEmpty() && commonTables.contains(table.toLowerCase(Locale.ROOT));
  }

  /** The main table of the statement whose operation keyword is the current token, or null. */
  private static String table(String operation, SqlLexer lexer) {
    switch (operation) {
      case "SELECT":
        return selectTable(lexer);
      case "INSERT":
      case "REPLACE":
      case "UPSERT":
        lexer.next();
        skipWords(lexer, "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY");
        return lexer.isWord("INTO") ? nameAfter(lexer) : null;
      case "MERGE":
        lexer.next();
        return lexer.isWord("INTO") ? nameAfter(lexer) : null;
      case "UPDATE":
        lexer.next();
        skipWords(lexer, "LOW_PRIORITY", "IGNORE", "ONLY");
        return singleTable(lexer);
      case "DELETE":
        lexer.next();
        skipWords(lexer, "LOW_PRIORITY", "QUICK", "IGNORE");
        if (!lexer.isWord("FROM")) {
          return null; // MySQL's multi-table "DELETE t1, t2 FROM ..."
        }
        lexer.next();
        skipWords(lexer, "ONLY");
        return singleTable(lexer);
      default:
        return null;
    }
  }

  private static String nameAfter(SqlLexer lexer) {
    lexer.next();
    return qualifiedName(lexer);
  }

  /** A name that must not be followed by a second table (UPDATE a, b / DELETE FROM a, b). */
  private static String singleTable(SqlLexer lexer) {
    String name = qualifiedName(lexer);
    if (name == null) {
      return null;
    }
    skipAlias(lexer);
    return lexer.isPunctuation(',') || isWordIn(lexer, JOIN_STARTS) ? null : name;
  }

  /**
   * The table after the top-level FROM, when it is the only one: not a sub-query, a table
   * function, a join, a comma-separated list, or one branch of a UNION.
   */
  private static String selectTable(SqlLexer lexer) {
    int depth = 0;
    while (true) {
      SqlLexer.Kind kind = lexer.next();
      if (kind == SqlLexer.Kind.END) {
        return null; // no FROM: SELECT 1, SELECT nextval(...)
      }
      if (lexer.isPunctuation('(')) {
        depth++;
      } else if (lexer.isPunctuation(')')) {
        depth--;
      } else if (depth == 0 && lexer.isWord("FROM")) {
        break;
      } else if (depth == 0 && isWordIn(lexer, SET_OPERATIONS)) {
        return null;
      }
    }
    lexer.next();
    String name = qualifiedName(lexer);
    if (name == null || lexer.isPunctuation('(')) {
      return null;
    }
    skipAlias(lexer);
    if (lexer.isPunctuation(',') || isWordIn(lexer, JOIN_STARTS)) {
      return null;
    }
    // The rest may hold joins or set operations at the top level; sub-queries do not matter.
    depth = 0;
    for (; lexer.kind() != SqlLexer.Kind.END; lexer.next()) {
      if (lexer.isPunctuation('(')) {
        depth++;
      } else if (lexer.isPunctuation(')')) {
        depth--;
      } else if (depth == 0 && isWordIn(lexer, MORE_TABLES)) {
        return null;
      }
    }
    return name;
  }

  /** {@code schema.table}, {@code "Schema"."Table"}, {@code db.schema.table}; quotes removed. */
  private static String qualifiedName(SqlLexer lexer) {
    if (!lexer.isIdentifier() || isClauseWord(lexer)) {
      return null;
    }
    StringBuilder name = new StringBuilder(lexer.text());
    lexer.next();
    while (lexer.isPunctuation('.')) {
      lexer.next();
      if (!lexer.isIdentifier()) {
        return null;
      }
      name.append('.').append(lexer.text());
      lexer.next();
    }
    return name.length() == 0 ? null : name.toString();
  }

  /** {@code [AS] alias}, when present. */
  private static void skipAlias(SqlLexer lexer) {
    if (lexer.isWord("AS")) {
      lexer.next();
      if (lexer.isIdentifier()) {
        lexer.next();
      }
    } else if (lexer.isIdentifier() && !isClauseWord(lexer)) {
      lexer.next();
    }
  }

  private static void skipWords(SqlLexer lexer, String... words) {
    boolean skipped = true;
    while (skipped) {
      skipped = false;
      for (String word : words) {
        if (lexer.isWord(word)) {
          lexer.next();
          skipped = true;
        }
      }
    }
  }

  private static boolean isClauseWord(SqlLexer lexer) {
    return isWordIn(lexer, CLAUSE_WORDS);
  }

  private static boolean isWordIn(SqlLexer lexer, Set<String> upperCaseWords) {
    return lexer.kind() == SqlLexer.Kind.WORD
        && upperCaseWords.contains(lexer.text().toUpperCase(Locale.ROOT));
  }
}
