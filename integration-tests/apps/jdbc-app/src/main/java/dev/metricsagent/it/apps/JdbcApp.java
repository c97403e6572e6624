package dev.metricsagent.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Runs one known JDBC workload through a HikariCP pool, then says it is ready and waits for its
 * standard input to close. The tests know exactly what the workload runs (see the comments: each
 * line says what the agent should count) and compare it with what the agent recorded.
 *
 * <p>Usage: {@code JdbcApp <system> <jdbc-url> <user> <password> <table>}. Every statement works
 * on {@code <table>}, which the test names uniquely and the workload creates and drops.
 *
 * <p>With {@code -javaagent:jdbc-app.jar} too, the statement classes are retransformed between the
 * workload and the failures ({@link StatementRetransformer}).
 *
 * <p>Failing statements are caught here and reported as {@code jdbc-app caught <class> <SQLState>},
 * so that the tests can check that the driver's exception reached the application unchanged.
 */
public final class JdbcApp {

    private JdbcApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: JdbcApp <system> <jdbc-url> <user> <password> <table>");
            System.exit(2);
        }
        String system = args[0];
        String table = args[4];
        HikariConfig config = new HikariConfig();
        config.setPoolName("jdbc-app-" + system);
        config.setJdbcUrl(args[1]);
        config.setUsername(args[2]);
        config.setPassword(args[3]);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection()) { // wait time: 1
                workload(connection, table);
            }
            if (StatementRetransformer.installed()) {
                StatementRetransformer.retransformStatementClasses();
            }
            try (Connection connection = pool.getConnection()) { // wait time: 2
                failures(connection, table);
            }
            try (Connection connection = pool.getConnection(); // wait time: 3
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table); // DROP: 1
            }
            if (system.equals("h2")) {
                plainDataSource(args[1], args[2], args[3]);
            }
            // Held while the test scrapes: the pool has 1 used connection, 0 idle.
            try (Connection held = pool.getConnection()) { // wait time: 4
                System.out.println("jdbc-app ready");
                System.out.flush();
                waitForEndOfInput();
            }
        }
    }

    private static void workload(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(50))"); // CREATE: 1
            statement.executeUpdate("INSERT INTO " + table + " (id, name) VALUES (1, 'one')"); // INSERT: 1
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
            for (int id = 2; id <= 4; id++) { // INSERT: 2, 3, 4
                insert.setInt(1, id);
                insert.setString(2, "name " + id);
                insert.executeUpdate();
            }
            for (int id = 10; id < 14; id++) {
                insert.setInt(1, id);
                insert.setString(2, "batch " + id);
                insert.addBatch();
            }
            insert.executeBatch(); // BATCH INSERT: 1
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select name from " + table + " where id = ?")) {
            for (int id = 1; id <= 5; id++) { // SELECT: 1..5
                select.setInt(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM " + table).close(); // SELECT: 6
            statement.executeQuery("/* report */ -- counts\n SELECT count(*) FROM " + table).close(); // SELECT: 7
            statement.executeQuery("WITH recent AS (SELECT id FROM " + table + " WHERE id > 2) "
                    + "SELECT count(*) FROM " + table).close(); // SELECT: 8
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET name = ? WHERE id = ?")) {
            update.setString(1, "two");
            update.setInt(2, 2);
            update.executeUpdate(); // UPDATE: 1
            update.setString(1, "three");
            update.setInt(2, 3);
            update.execute(); // UPDATE: 2
        }
        try (CallableStatement abs = connection.prepareCall("{? = call abs(?)}")) {
            abs.registerOutParameter(1, Types.INTEGER);
            for (int value = -2; value < 0; value++) { // CALL: 1, 2
                abs.setInt(2, value);
                abs.execute();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table + " WHERE id = 1"); // DELETE: 1
            statement.addBatch("UPDATE " + table + " SET name = 'x' WHERE id = 2");
            statement.addBatch("UPDATE " + table + " SET name = 'y' WHERE id = 3");
            statement.executeBatch(); // BATCH UPDATE: 1
            statement.addBatch("INSERT INTO " + table + " (id, name) VALUES (20, 'z')");
            statement.addBatch("DELETE FROM " + table + " WHERE id = 20");
            statement.executeBatch(); // BATCH (mixed): 1
        }
    }

    private static void failures(Connection connection, String table) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT * FROM " + table + "_missing"); // SELECT, error 42: 1
        } catch (SQLException e) {
            report(e);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
            insert.setInt(1, 2); // exists already
            insert.setString(2, "duplicate");
            insert.executeUpdate(); // INSERT, error 23: 1
        } catch (SQLException e) {
            report(e);
        }
    }

    /** A DataSource that is not a pool: its getConnection time is recorded under its class name. */
    private static void plainDataSource(String url, String user, String password) throws SQLException {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        try (Connection connection = dataSource.getConnection(); // JdbcDataSource wait time: 1
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close(); // SELECT without table: 1
        }
    }

    private static void report(SQLException e) {
        System.out.println("jdbc-app caught " + e.getClass().getName() + " " + e.getSQLState());
    }

    private static void waitForEndOfInput() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone.
        }
    }
}
