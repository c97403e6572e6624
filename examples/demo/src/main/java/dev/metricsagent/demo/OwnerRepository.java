package dev.metricsagent.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** Owners in an H2 in-memory database, reached through a HikariCP pool. */
final class OwnerRepository {

  private final DataSource dataSource;

  private OwnerRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  static OwnerRepository inMemory() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
    config.setPoolName("demo");
    config.setMaximumPoolSize(4);
    OwnerRepository repository = new OwnerRepository(new HikariDataSource(config));
    repository.createSchema();
    return repository;
  }

  private void createSchema() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(100))");
      String[] names = {"Ada", "Grace", "Linus", "Barbara", "Ken"};
      for (int i = 0; i < names.length; i++) {
        statement.executeUpdate(
            "INSERT INTO owners (id, name) VALUES (" + (i + 1) + ", '" + names[i] + "')");
      }
    }
  }

  Optional<String> nameOf(int id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT name FROM owners WHERE id = ?")) {
      select.setInt(1, id);
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
      }
    }
  }
}
