package dev.metricsagent.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlOperationParserTest {

  /** "operation table" as {@link SqlOperation#toString()} writes it; table left out when unknown. */
  private static String parsed(String sql) {
    return SqlOperationParser.parse(sql).toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT * FROM users WHERE id = ?                   | SELECT users",
        "select id from users                               | SELECT users",
        "   SELECT 1 FROM dual                              | SELECT dual",
        "Select * From Users u Where u.id = 1               | SELECT Users",
        "SELECT * FROM users AS u ORDER BY u.name           | SELECT users",
        "SELECT count(*) FROM users GROUP BY a, b           | SELECT users",
        "SELECT * FROM users WHERE left(name, 1) = 'a'      | SELECT users",
        "SELECT * FROM users WHERE id IN (SELECT id FROM b) | SELECT users",
        "SELECT * FROM users FOR UPDATE                     | SELECT users",
        "SELECT * FROM users;                               | SELECT users",
      })
  void selectFromOneTable(String sql, String expected) {
    assertEquals(expected, parsed(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT 1                                                  | SELECT",
        "SELECT nextval('seq')                                     | SELECT",
        "SELECT * FROM a, b WHERE a.id = b.id                      | SELECT",
        "SELECT * FROM a JOIN b ON a.id = b.id                     | SELECT",
        "SELECT * FROM a x LEFT OUTER JOIN b y ON x.id = y.id      | SELECT",
        "SELECT * FROM a WHERE x = 1 UNION SELECT * FROM b         | SELECT",
        "SELECT 1 UNION SELECT x FROM b                            | SELECT",
        "SELECT * FROM (SELECT * FROM a) t                         | SELECT",
        "SELECT * FROM generate_series(1, 10)                      | SELECT",
        "(SELECT a FROM t) UNION (SELECT a FROM u)                 | SELECT",
      })
  void selectWithoutOneTableHasNoCollection(String sql, String expected) {
    assertEquals(expected, parsed(sql));
  }

  @Test
  void commentsAndWhitespaceAreSkipped() {
    assertEquals("SELECT dual", parsed("\n\t  SELECT 1 FROM dual"));
    assertEquals("SELECT users", parsed("-- a comment\nSELECT * FROM users"));
    assertEquals("SELECT users", parsed("/* a comment */ select * from users"));
    assertEquals("DELETE users", parsed("/* nested /* comment */ still comment */ DELETE FROM users"));
    assertEquals("UPDATE users", parsed("/* app=shop */ -- two\n /* three */ UPDATE users SET a = 1"));
    assertEquals("SELECT users", parsed("SELECT /* FROM fake */ a -- FROM fake\n FROM users"));
    assertEquals("OTHER", parsed("-- only a comment"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT * FROM public.users                       | SELECT public.users",
        "SELECT * FROM \"Users\"                          | SELECT Users",
        "SELECT * FROM \"my schema\".\"Order\" o          | SELECT my schema.Order",
        "SELECT * FROM `shop`.`orders`                    | SELECT shop.orders",
        "SELECT * FROM [dbo].[orders]                     | SELECT dbo.orders",
        "SELECT * FROM db.sch.t                           | SELECT db.sch.t",
        "INSERT INTO \"a\"\"b\" VALUES (1)                | INSERT a\"b",
      })
  void quotedAndQualifiedNames(String sql, String expected) {
    assertEquals(expected, parsed(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "INSERT INTO users (id, name) VALUES (?, ?)          | INSERT users",
        "insert into users values (1, 'x')                   | INSERT users",
        "INSERT IGNORE INTO users VALUES (1)                 | INSERT users",
        "INSERT INTO users SELECT * FROM old_users           | INSERT users",
        "REPLACE INTO users VALUES (1)                       | REPLACE users",
        "UPDATE users SET name = ? WHERE id = ?              | UPDATE users",
        "UPDATE ONLY users SET a = 1                         | UPDATE users",
        "UPDATE users u SET a = 1                            | UPDATE users",
        "UPDATE a, b SET a.x = b.x                           | UPDATE",
        "UPDATE a JOIN b ON a.id = b.id SET a.x = b.x        | UPDATE",
        "DELETE FROM users WHERE id = ?                      | DELETE users",
        "delete from only users                              | DELETE users",
        "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id          | DELETE",
        "MERGE INTO users USING src ON (users.id = src.id)   | MERGE users",
        "CALL refresh_totals(?)                              | CALL",
        "{call refresh_totals(?)}                            | CALL",
        "{? = call next_id()}                                | CALL",
        "CREATE TABLE users (id INT)                         | CREATE",
        "DROP TABLE users                                    | DROP",
        "TRUNCATE TABLE users                                | TRUNCATE",
        "commit                                              | COMMIT",
      })
  void otherStatements(String sql, String expected) {
    assertEquals(expected, parsed(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "WITH t AS (SELECT * FROM a) SELECT * FROM users                         | SELECT users",
        "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT n FROM t | SELECT",
        "WITH a AS (SELECT 1), b AS MATERIALIZED (SELECT 2) SELECT * FROM users  | SELECT users",
        "with x as not materialized (select 1) delete from users                 | DELETE users",
        "WITH x AS (SELECT id FROM a) UPDATE users SET v = 1                     | UPDATE users",
        "WITH t AS (SELECT 1) SELECT * FROM T                                    | SELECT",
      })
  void commonTableExpressions(String sql, String expected) {
    assertEquals(expected, parsed(sql));
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "''",
        "'   '",
        "'-- only a comment'",
        "'FOO BAR'",
        "'42'",
        "'''SELECT'' FROM x'",
        "'WITH t AS (SELECT 1)'",
        "'{? call x}'",
      })
  void unknownIsOther(String sql) {
    assertEquals("OTHER", parsed(sql));
  }

  @Test
  void nullIsOther() {
    assertEquals(SqlOperation.OTHER, SqlOperationParser.parse(null));
  }

  @Test
  void literalsNeverBecomeTheCollection() {
    assertNull(SqlOperationParser.parse("SELECT * FROM 'secret'").collection());
    assertNull(SqlOperationParser.parse("INSERT INTO 'secret' VALUES (1)").collection());
    assertNull(SqlOperationParser.parse("UPDATE 42 SET a = 1").collection());
    assertNull(SqlOperationParser.parse("DELETE FROM ?").collection());
  }

  @Test
  void stringsAndCommentsCannotHideKeywords() {
    assertEquals("SELECT users", parsed("SELECT 'a FROM b', \"from\" FROM users"));
    assertEquals("SELECT users", parsed("SELECT 'it''s', 'x JOIN y' FROM users"));
  }

  @Test
  void overlongNamesAreLeftOut() {
    String name = "t".repeat(SqlOperationParser.MAX_COLLECTION_LENGTH + 1);
    assertEquals("SELECT", parsed("SELECT * FROM " + name));
  }

  @Test
  void batchesNameTheirOperation() {
    SqlOperation insert = SqlOperationParser.parse("INSERT INTO a VALUES (?)");
    assertEquals("BATCH INSERT", insert.batchName());
    assertEquals(insert, insert.combine(SqlOperationParser.parse("insert into a values (2)")));
    SqlOperation twoTables = insert.combine(SqlOperationParser.parse("INSERT INTO b VALUES (1)"));
    assertEquals("BATCH INSERT", twoTables.batchName());
    assertNull(twoTables.collection());
    SqlOperation mixed = insert.combine(SqlOperationParser.parse("DELETE FROM a"));
    assertEquals("BATCH", mixed.batchName());
    assertNull(mixed.collection());
    assertEquals(SqlOperation.MIXED_BATCH, mixed.combine(insert));
  }
}
