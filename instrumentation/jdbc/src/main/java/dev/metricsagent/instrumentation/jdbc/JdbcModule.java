package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import dev.metricsagent.instrumentation.api.InstrumentationContext;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Database metrics for any JDBC driver and connection pool: statement durations by operation
 * and table, connection wait times, HikariCP connection counts. docs/instrumentation/jdbc.md.
 */
public final class JdbcModule implements InstrumentationModule {

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public void start(InstrumentationContext context) {
    HikariPoolGauges hikariPools = new HikariPoolGauges();
    context.meters().registry().register(hikariPools);
    JdbcBridge.connect(new JdbcRecorder(context.meters(), hikariPools));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new StatementInstrumentation(),
        new ConnectionInstrumentation(),
        new DataSourceInstrumentation(),
        new HikariPoolInstrumentation());
  }
}
