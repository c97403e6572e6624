package dev.metricsagent.agent.install;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

class JdkClassesTest {

  private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

  @Test
  void theJdksModulesOfTheBootstrapAndPlatformLoadersAreTheJdk() {
    assertTrue(JdkClasses.contains(null, String.class.getModule()));
    assertTrue(JdkClasses.contains(PLATFORM, Connection.class.getModule())); // java.sql
  }

  @Test
  void unnamedModulesAreReadLikeAnyOtherEvenInTheBootstrapOrPlatformLoader() {
    // Where a library put on the boot class path lands: its class files are read.
    assertFalse(JdkClasses.contains(PLATFORM, PLATFORM.getUnnamedModule()));
    assertFalse(JdkClasses.contains(null, null));
  }

  @Test
  void theApplicationsClassesAreNeverTheJdk() {
    ClassLoader application = JdkClassesTest.class.getClassLoader();
    assertFalse(JdkClasses.contains(application, JdkClassesTest.class.getModule()));
    // A named module of the application's own, such as one on the module path.
    assertFalse(JdkClasses.contains(application, String.class.getModule()));
  }
}
