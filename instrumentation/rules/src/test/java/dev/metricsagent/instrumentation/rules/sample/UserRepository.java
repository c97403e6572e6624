package dev.metricsagent.instrumentation.rules.sample;

/** A subclass of {@link BaseRepository} that inherits find. */
public class UserRepository extends BaseRepository {

  @Override
  public void save(String item) {}

  public int count() {
    return 0;
  }
}
