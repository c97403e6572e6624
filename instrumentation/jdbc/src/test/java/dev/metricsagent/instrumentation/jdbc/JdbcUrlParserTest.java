package dev.metricsagent.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlParserTest {

  /** "system/namespace", or just "system" when the URL names no database. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://127.0.0.1:5432/test                        | postgresql/test",
        "jdbc:postgresql://db1:5432,db2:5432/shop?user=u&password=p   | postgresql/shop",
        "jdbc:postgresql://localhost/                                 | postgresql",
        "jdbc:postgresql:shop                                         | postgresql/shop",
        "jdbc:mariadb://127.0.0.1:3306/test?useSsl=false              | mariadb/test",
        "jdbc:mysql://u:secret@db:3306/orders                         | mysql/orders",
        "jdbc:mysql://db:3306                                         | mysql",
        "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1                          | h2/bench",
        "jdbc:h2:mem:                                                 | h2",
        "jdbc:h2:file:/var/data/shop                                  | h2/shop",
        "jdbc:h2:~/test                                               | h2/test",
        "jdbc:h2:tcp://localhost:9092/~/sample;USER=sa                | h2/sample",
        "jdbc:hsqldb:mem:testdb                                       | hsqldb/testdb",
        "jdbc:derby:memory:demo;create=true                           | derby/demo",
        "jdbc:sqlite:/tmp/app.db                                      | sqlite/app.db",
        "jdbc:oracle:thin:@//db:1521/ORCLPDB1                         | oracle/ORCLPDB1",
        "jdbc:oracle:thin:@db:1521:ORCL                               | oracle/ORCL",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=db)))          | oracle",
        "jdbc:sqlserver://db:1433;databaseName=sales;encrypt=true     | sqlserver/sales",
        "jdbc:sqlserver://db:1433                                     | sqlserver",
        "jdbc:p6spy:postgresql://db/shop                              | postgresql/shop",
        "JDBC:PostgreSQL://db/shop                                    | postgresql/shop",
        "jdbc:snowflake://acct.snowflakecomputing.com/?db=x           | snowflake",
        "jdbc:Weird Driver!:x                                         | other",
        "not a url                                                    | other",
      })
  void systemAndNamespace(String url, String expected) {
    assertEquals(expected, JdbcUrlParser.parse(url).toString());
  }
}
