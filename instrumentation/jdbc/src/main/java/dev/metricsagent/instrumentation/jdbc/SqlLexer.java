package dev.metricsagent.instrumentation.jdbc;

/**
 * Splits SQL text into the tokens {@link SqlOperationParser} needs: words, quoted identifiers,
 * and single punctuation characters. Comments and whitespace are skipped; string literals and
 * numbers are read as opaque tokens so that nothing inside them is ever taken for a keyword or a
 * name.
 */
final class SqlLexer {

  enum Kind {
    WORD,
    QUOTED_IDENTIFIER,
    LITERAL,
    PUNCTUATION,
    END
  }

  private final String sql;
  private int position;

  private Kind kind;
  private String text;

  SqlLexer(String sql) {
    this.sql = sql;
  }

  /** Moves to the next token and returns its kind. */
  Kind next() {
    skipWhitespaceAndComments();
    if (position >= sql.length()) {
      kind = Kind.END;
      text = "";
      return kind;
    }
    char c = sql.charAt(position);
    if (Character.isLetter(c) || c == '_') {
      int start = position;
      while (position < sql.length() && isWordPart(sql.charAt(position))) {
        position++;
      }
      return token(Kind.WORD, sql.substring(start, position));
    }
    if (c == '"' || c == '`') {
      return token(Kind.QUOTED_IDENTIFIER, quoted(c, c));
    }
    if (c == '[') {
      return token(Kind.QUOTED_IDENTIFIER, quoted('[', ']'));
    }
    if (c == '\'') {
      quoted('\'', '\'');
      return token(Kind.LITERAL, "'");
    }
    if (Character.isDigit(c)) {
      while (position < sql.length()
          && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '.')) {
        position++;
      }
      return token(Kind.LITERAL, "0");
    }
    position++;
    return token(Kind.PUNCTUATION, String.valueOf(c));
  }

  Kind kind() {
    return kind;
  }

  /** The token: a word as written, an identifier without its quotes, a punctuation character. */
  String text() {
    return text;
  }

  boolean isWord(String upperCaseWord) {
    return kind == Kind.WORD && text.equalsIgnoreCase(upperCaseWord);
  }

  boolean isPunctuation(char c) {
    return kind == Kind.PUNCTUATION && text.charAt(0) == c;
  }

  boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
  }

  private Kind token(Kind kind, String text) {
    this.kind = kind;
    this.text = text;
    return kind;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
  }

  /** Reads a quoted token; a doubled closing character stands for itself. Unterminated: to the end. */
  private String quoted(char open, char close) {
    StringBuilder content = new StringBuilder();
    position++; // the opening character
    while (position < sql.length()) {
      char c = sql.charAt(position++);
      if (c == close) {
        if (position < sql.length() && sql.charAt(position) == close && close != ']') {
          content.append(c);
          position++;
        } else {
          return content.toString();
        }
      } else {
        content.append(c);
      }
    }
    return content.toString();
  }

  private void skipWhitespaceAndComments() {
    while (position < sql.length()) {
      char c = sql.charAt(position);
      if (Character.isWhitespace(c)) {
        position++;
      } else if (c == '-' && sql.startsWith("--", position)) {
        int end = sql.indexOf('\n', position);
        position = end < 0 ? sql.length() : end + 1;
      } else if (c == '/' && sql.startsWith("/*", position)) {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** Block comments nest in PostgreSQL and H2; other databases rarely see a nested opener. */
  private void skipBlockComment() {
    int depth = 0;
    while (position < sql.length()) {
      if (sql.startsWith("/*", position)) {
        depth++;
        position += 2;
      } else if (sql.startsWith("*/", position)) {
        depth--;
        position += 2;
        if (depth == 0) {
          return;
        }
      } else {
        position++;
      }
    }
  }
}
