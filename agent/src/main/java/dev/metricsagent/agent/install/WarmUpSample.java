package dev.metricsagent.agent.install;

import net.bytebuddy.asm.Advice;

/**
 * What {@link Rewriter#warmUp} rewrites: read as a class file, never loaded.
 * The advice takes the values the instrumentations' advice takes, so that warming it up loads
 * the same parts of Byte Buddy.
 */
final class WarmUpSample {

  int work(int input) {
    return input * 2;
  }

  static final class SampleAdvice {

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object self, @Advice.Argument(0) int input) {
      return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(
        @Advice.Enter long start,
        @Advice.Return int result,
        @Advice.Thrown Throwable error,
        @Advice.Origin("#m") String method) {
      if (error == null && result < 0) {
        throw new IllegalStateException(method + " took " + (System.nanoTime() - start));
      }
    }
  }
}
