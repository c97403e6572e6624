package dev.metricsagent.agent.weave;

import java.util.Set;

/**
 * An advice class the {@link AdviceWeaver} can inline: its class file, whose method code is
 * copied into each method it goes into, and its enter and exit methods (either may be null, not
 * both). Read once with {@link #read}, used for every class it goes into.
 */
public final class AdviceClass {

  final byte[] classFile;
  final AdviceMethod enter;
  final AdviceMethod exit;

  AdviceClass(byte[] classFile, AdviceMethod enter, AdviceMethod exit) {
    this.classFile = classFile;
    this.enter = enter;
    this.exit = exit;
  }

  /**
   * The advice class in {@code classFile}, or null when it uses advice features the weaver does
   * not implement; {@code problems} then gets why. {@code customAnnotations}: the descriptors of
   * the instrumentation's own parameter annotations, which a {@link CustomBinder} binds.
   */
  public static AdviceClass read(byte[] classFile, Set<String> customAnnotations, StringBuilder problems) {
    try {
      return AdviceClassReader.read(classFile, customAnnotations);
    } catch (UnsupportedAdviceException | RuntimeException e) {
      problems.append(e.getMessage());
      return null;
    }
  }
}
