package dev.metricsagent.agent.install;

import static dev.metricsagent.instrumentation.api.Matchers.isSynthetic;
import static dev.metricsagent.instrumentation.api.Matchers.nameStartsWith;
import static dev.metricsagent.instrumentation.api.Matchers.not;

import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;

/**
 * Types no instrumentation rewrites, whatever it matches: the agent's bridge, Byte Buddy, the
 * JDK's reflection and invocation machinery, and generated classes. Shared by the agent and by
 * the explain command, so that explain says what the agent does.
 */
public final class IgnoredTypes {

  private static final Matcher<ClassInfo> IGNORED =
      nameStartsWith("dev.metricsagent.bootstrap.")
          .or(nameStartsWith("dev.metricsagent.launcher."))
          .or(nameStartsWith("net.bytebuddy."))
          // java.net.http's implementation is the one jdk.internal package instrumented.
          .or(nameStartsWith("jdk.internal.").and(not(nameStartsWith("jdk.internal.net.http."))))
          .or(nameStartsWith("sun.reflect."))
          .or(nameStartsWith("java.lang.invoke."))
          .or(isSynthetic());

  private IgnoredTypes() {}

  public static Matcher<ClassInfo> matcher() {
    return IGNORED;
  }
}
