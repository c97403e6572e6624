package dev.metricsagent.it.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.it.ChildJvm;
import dev.metricsagent.it.ClassLoadLog;
import dev.metricsagent.it.Jdks;
import dev.metricsagent.it.PrepareCache;
import dev.metricsagent.it.Scrape;
import dev.metricsagent.it.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jdbc-app runs one known workload through HikariCP (see JdbcApp: each statement is commented
 * with what it should count); the agent must have counted exactly that, per label set, and no
 * statement more: not HikariCP's, not the driver's own.
 */
class JdbcWorkloadIT {

    private static final String DURATION = "db_client_operation_duration_seconds_count";
    private static final String WAIT = "db_client_connection_wait_time_seconds_count";
    private static final String CONNECTIONS = "db_client_connection_count";
    private static final String CACHE_LOOKUPS = "metrics_agent_class_cache_lookups_total";
    private static final String TRANSFORMED = "metrics_agent_classes_transformed_total";
    private static final String H2_URL = "jdbc:h2:mem:itdb;DB_CLOSE_DELAY=-1";

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void h2Embedded(Jdks.Jdk jdk) {
        Workload h2 = new Workload("h2", "itdb");
        try (ChildJvm app = h2.start(jdk, H2_URL, "sa", "")) {
            Scrape scrape = h2.scrapeWhenReady(app);
            h2.assertH2Workload(scrape);
            assertEquals(1.0, scrape.value(WAIT, Map.of("db_client_connection_pool_name", "JdbcDataSource")));
            h2.assertCaught(app,
                    "org.h2.jdbc.JdbcSQLSyntaxErrorException 42S02",
                    "org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException 23505");
        }
    }

    /**
     * Another agent retransforms every statement class between the workload and its failures. The JVM
     * refuses a retransformation that drops a field, so the agent writes the one it added at load again,
     * and the statements created before keep their state in it: the workload is recorded exactly.
     */
    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void h2WhileAnotherAgentRetransformsTheStatementClasses(Jdks.Jdk jdk) {
        Workload h2 = new Workload("h2", "itdb");
        Path appAsAgent = ChildJvm.appsDir().resolve("jdbc-app/target/jdbc-app.jar");
        try (ChildJvm app = h2.starting(jdk, "port=0", H2_URL, "sa", "")
                .jvmArgs("-javaagent:" + appAsAgent)
                .start()) {
            Scrape scrape = h2.scrapeWhenReady(app);
            List<String> retransformed = app.stdoutLines().stream()
                    .filter(line -> line.contains("retransform"))
                    .collect(Collectors.toList());
            // H2's JdbcStatement; its JdbcPreparedStatement and JdbcCallableStatement inherit the field,
            // and HikariCP's proxies have none.
            assertEquals(1, retransformed.size(), retransformed.toString());
            assertTrue(retransformed.get(0).endsWith(" statement classes, 1 with the agent's field"), retransformed.get(0));
            h2.assertH2Workload(scrape);
        }
    }

    /**
     * The same H2 workload twice with one class cache directory: the second start takes every class the
     * first rewrote (or left alone) from the cache, and records exactly the same.
     */
    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void h2TwiceWithAClassCache(Jdks.Jdk jdk, @TempDir Path temp) throws IOException {
        String agentArgs = "port=0,class_cache.directory=" + temp.resolve("cache");
        Path firstStartClasses = temp.resolve("first-start-classes.log");
        Map<String, Double> firstStart = null;
        for (int start = 1; start <= 2; start++) {
            Workload h2 = new Workload("h2", "itdb");
            ChildJvm.Builder starting = h2.starting(jdk, agentArgs, H2_URL, "sa", "");
            if (start == 1) {
                starting.jvmArgs(ClassLoadLog.jvmArg(firstStartClasses));
            }
            try (ChildJvm app = starting.start()) {
                Scrape scrape = h2.scrapeWhenReady(app);
                h2.assertH2Workload(scrape);
                assertTrue(app.stderrLines().stream().noneMatch(line -> line.startsWith("metrics-agent:")),
                        app.describe("the agent complained"));

                Map<String, Double> lookups = Map.of(
                        "hit", scrape.value(CACHE_LOOKUPS, Map.of("result", "hit")),
                        "miss", scrape.value(CACHE_LOOKUPS, Map.of("result", "miss")),
                        "transformed", scrape.value(TRANSFORMED, Map.of("instrumentation", "jdbc")));
                if (start == 1) {
                    assertEquals(0.0, lookups.get("hit"), scrape::text);
                    assertTrue(lookups.get("miss") >= lookups.get("transformed"), scrape::text);
                    firstStart = lookups;
                } else {
                    // The first start's exit saved what its pre-filter rejected; this start skips those
                    // class files and still records the same.
                    assertTrue(hasRejectedClassFiles(temp.resolve("cache")));
                    assertEquals(firstStart.get("miss"), lookups.get("hit"), scrape::text);
                    assertEquals(0.0, lookups.get("miss"), scrape::text);
                    assertEquals(firstStart.get("transformed"), lookups.get("transformed"), scrape::text);
                }
            }
        }
        // The first start rewrote every statement, connection and pool class with the agent's weaver.
        ClassLoadLog.assertMatchedAndWovenWithoutByteBuddy(firstStartClasses);
    }

    /**
     * prepare-cache, run before the first start as a container image's build would run it, writes the very
     * entries that start would have written: a start then takes every class from the cache and records
     * exactly what any other start records.
     */
    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void h2WithAClassCachePreparedBeforeTheFirstStart(Jdks.Jdk jdk, @TempDir Path temp) throws Exception {
        Path prepared = temp.resolve("prepared");
        PrepareCache.run(jdk, ChildJvm.appsDir().resolve("jdbc-app/target/jdbc-app.jar"),
                "port=0,class_cache.directory=" + prepared);

        Workload h2 = new Workload("h2", "itdb");
        try (ChildJvm app = h2.start(jdk, "port=0,class_cache.directory=" + prepared, H2_URL, "sa", "")) {
            Scrape scrape = h2.scrapeWhenReady(app);
            h2.assertH2Workload(scrape);
            assertEquals(0.0, scrape.value(CACHE_LOOKUPS, Map.of("result", "miss")), scrape::text);
            assertTrue(scrape.value(CACHE_LOOKUPS, Map.of("result", "hit")) > 0, scrape::text);
            assertTrue(scrape.value(TRANSFORMED, Map.of("instrumentation", "jdbc")) > 0, scrape::text);
        }

        Path written = temp.resolve("written");
        Workload again = new Workload("h2", "itdb");
        try (ChildJvm app = again.start(jdk, "port=0,class_cache.directory=" + written, H2_URL, "sa", "")) {
            again.scrapeWhenReady(app);
        }
        assertTrue(hasRejectedClassFiles(prepared));
        Map<Path, byte[]> writtenEntries = entries(written);
        Map<Path, byte[]> preparedEntries = entries(prepared);
        assertFalse(writtenEntries.isEmpty());
        for (Map.Entry<Path, byte[]> entry : writtenEntries.entrySet()) {
            assertArrayEquals(entry.getValue(), preparedEntries.get(entry.getKey()), entry.getKey().toString());
        }
    }

    /** The file of class files the pre-filter rejected, which a start and prepare-cache both fill. */
    private static final String REJECTED_CLASS_FILES = "rejected-by-pre-filter";

    private static boolean hasRejectedClassFiles(Path cache) {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.anyMatch(file -> file.getFileName().toString().equals(REJECTED_CLASS_FILES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry file under the cache directory, by its path relative to it (build, then key). */
    private static Map<Path, byte[]> entries(Path cache) throws IOException {
        Map<Path, byte[]> entries = new HashMap<>();
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path file : (Iterable<Path>) files
                    .filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(REJECTED_CLASS_FILES))::iterator) {
                entries.put(cache.relativize(file), Files.readAllBytes(file));
            }
        }
        return entries;
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void postgresql(Jdks.Jdk jdk) {
        Services.require("postgresql", "127.0.0.1", 5432);
        Workload postgresql = new Workload("postgresql", "test");
        try (ChildJvm app = postgresql.start(jdk, "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            Scrape scrape = postgresql.scrapeWhenReady(app);
            assertEquals(postgresql.expectedStatements(), postgresql.recordedStatements(scrape));
            postgresql.assertPool(scrape);
            postgresql.assertNoAdviceErrors(scrape);
            postgresql.assertCaught(app,
                    "org.postgresql.util.PSQLException 42P01",
                    "org.postgresql.util.PSQLException 23505");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void mariadb(Jdks.Jdk jdk) {
        Services.require("mariadb", "127.0.0.1", 3306);
        Workload mariadb = new Workload("mariadb", "test");
        try (ChildJvm app = mariadb.start(jdk, "jdbc:mariadb://127.0.0.1:3306/test", "root", "")) {
            Scrape scrape = mariadb.scrapeWhenReady(app);
            assertEquals(mariadb.expectedStatements(), mariadb.recordedStatements(scrape));
            mariadb.assertPool(scrape);
            mariadb.assertNoAdviceErrors(scrape);
            mariadb.assertCaught(app,
                    "java.sql.SQLSyntaxErrorException 42S02",
                    "java.sql.SQLIntegrityConstraintViolationException 23000");
        }
    }

    /** One run of JdbcApp against one database, with a table of its own. */
    private static final class Workload {
        private final String system;
        private final String namespace;
        private final String table = "ma_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        Workload(String system, String namespace) {
            this.system = system;
            this.namespace = namespace;
        }

        ChildJvm start(Jdks.Jdk jdk, String url, String user, String password) {
            return start(jdk, "port=0", url, user, password);
        }

        ChildJvm start(Jdks.Jdk jdk, String agentArgs, String url, String user, String password) {
            return starting(jdk, agentArgs, url, user, password).start();
        }

        ChildJvm.Builder starting(Jdks.Jdk jdk, String agentArgs, String url, String user, String password) {
            return ChildJvm.app("jdbc-app").jdk(jdk).agent(agentArgs).args(system, url, user, password, table);
        }

        Scrape scrapeWhenReady(ChildJvm app) {
            app.awaitStdout("jdbc-app ready");
            return Scrape.fetch(app.metricsUrl());
        }

        /** What JdbcApp.workload and JdbcApp.failures run, operation by operation. */
        Map<Map<String, String>, Double> expectedStatements() {
            Map<Map<String, String>, Double> expected = new HashMap<>();
            expected.put(labels("CREATE", "", ""), 1.0);
            expected.put(labels("INSERT", table, ""), 4.0); // 1 plain, 3 prepared
            expected.put(labels("BATCH INSERT", table, ""), 1.0); // prepared, 4 rows
            expected.put(labels("SELECT", table, ""), 8.0); // 5 prepared, 3 plain (comment, WITH)
            expected.put(labels("UPDATE", table, ""), 2.0); // prepared executeUpdate + execute
            expected.put(labels("CALL", "", ""), 2.0); // CallableStatement {? = call abs(?)}
            expected.put(labels("DELETE", table, ""), 1.0);
            expected.put(labels("BATCH UPDATE", table, ""), 1.0); // plain, 2 statements
            expected.put(labels("BATCH", "", ""), 1.0); // plain, an INSERT and a DELETE
            expected.put(labels("SELECT", table + "_missing", "42"), 1.0); // no such table
            expected.put(labels("INSERT", table, "23"), 1.0); // duplicate key
            expected.put(labels("DROP", "", ""), 1.0);
            return expected;
        }

        Map<String, String> labels(String operation, String collection, String errorType) {
            return Map.of("db_system_name", system, "db_namespace", namespace,
                    "db_operation_name", operation, "db_collection_name", collection, "error_type", errorType);
        }

        /** The whole workload recorded exactly, on H2, the pool included, and no advice failed. */
        void assertH2Workload(Scrape scrape) {
            Map<Map<String, String>, Double> expected = expectedStatements();
            // JdbcApp.plainDataSource: one SELECT 1 through a connection of H2's own DataSource.
            expected.put(labels("SELECT", "", ""), 1.0);
            assertEquals(expected, recordedStatements(scrape));
            assertPool(scrape);
            assertNoAdviceErrors(scrape);
        }

        /** Every series of the duration histogram's count, by labels. */
        Map<Map<String, String>, Double> recordedStatements(Scrape scrape) {
            return scrape.series(DURATION).stream()
                    .collect(Collectors.toMap(Scrape.Sample::labels, Scrape.Sample::value));
        }

        /** Four getConnection calls on the pool, one of them still held (max pool size 1). */
        void assertPool(Scrape scrape) {
            String pool = "jdbc-app-" + system;
            assertEquals(4.0, scrape.value(WAIT, Map.of("db_client_connection_pool_name", pool)));
            assertEquals(1.0, scrape.value(CONNECTIONS,
                    Map.of("db_client_connection_pool_name", pool, "db_client_connection_state", "used")));
            assertEquals(0.0, scrape.value(CONNECTIONS,
                    Map.of("db_client_connection_pool_name", pool, "db_client_connection_state", "idle")));
        }

        /** The driver's own exceptions, with their SQLState, reached the application. */
        void assertCaught(ChildJvm app, String... expected) {
            List<String> caught = app.stdoutLines().stream()
                    .filter(line -> line.startsWith("jdbc-app caught "))
                    .map(line -> line.substring("jdbc-app caught ".length()))
                    .collect(Collectors.toList());
            assertEquals(List.of(expected), caught);
        }

        /** Nothing went wrong inside the advice: it would have been swallowed, and counted here. */
        void assertNoAdviceErrors(Scrape scrape) {
            assertEquals(0.0, scrape.value("metrics_agent_advice_errors_total"));
        }
    }
}
