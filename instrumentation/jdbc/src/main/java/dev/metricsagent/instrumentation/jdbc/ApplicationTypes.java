package dev.metricsagent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches the classes that implement a JDBC interface, at the lowest cost the question allows.
 * Every class the JVM loads is asked, and JDBC implementations can be anywhere, so no class-loader
 * check helps. The checks run cheapest first: the name (the JDK has no driver), then "not an
 * interface" (read from the class file already parsed), and only then the walk up the type
 * hierarchy, which may parse the class files of super types.
 */
final class ApplicationTypes {

  private ApplicationTypes() {}

  static ElementMatcher.Junction<TypeDescription> implementing(String interfaceName) {
    return notJdk().and(not(isInterface())).and(hasSuperType(named(interfaceName)));
  }

  static ElementMatcher.Junction<TypeDescription> notJdk() {
    return not(
        nameStartsWith("java.")
            .or(nameStartsWith("javax."))
            .or(nameStartsWith("jdk."))
            .or(nameStartsWith("sun."))
            .or(nameStartsWith("com.sun.")));
  }
}
