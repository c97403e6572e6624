package dev.metricsagent.agent.weave;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;

/** Classes to advise, advice for them, and the record both write to, for {@link AdviceWeaverTest}. */
public final class WeaveFixtures {

  private WeaveFixtures() {}

  /** What advice and advised methods did, in order; the woven classes share it with the test. */
  public static final List<String> EVENTS = new ArrayList<>();

  public static void event(String event) {
    EVENTS.add(event);
  }

  public static class Base {}

  public static class Target extends Base {
    protected int count = 7;
    private final String label = "target";

    public String join(String prefix, long times, int[] values) {
      StringBuilder out = new StringBuilder(prefix);
      double weight = 0.5;
      for (long i = 0; i < times; i++) {
        for (int value : values) {
          weight += value;
          out.append(value);
        }
      }
      if (weight > 1000) {
        return "heavy";
      }
      return out.append(':').append(weight).toString();
    }

    public int fail(String why) {
      try {
        throw new IllegalArgumentException("inner " + why);
      } catch (IllegalArgumentException e) {
        event("caught " + e.getMessage());
      }
      throw new IllegalStateException(why);
    }

    @Override
    public String toString() {
      return "target";
    }

    public static void utility(long a, double b) {
      event("utility " + (a + b));
    }

    public long counted(int step) {
      count += step;
      return count;
    }

    public synchronized String describe(String text) {
      return label + " " + text;
    }
  }

  /** Times {@code join}: enter's value reaches the exit, with the instance, an argument, the value. */
  public static final class TimingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@Advice.Argument(1) long times) {
      event("enter " + times);
      return 40L + times;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This Object self,
        @Advice.Argument(0) String prefix,
        @Advice.Enter long token,
        @Advice.Return String result,
        @Advice.Thrown Throwable thrown) {
      event("exit " + self + " " + prefix + " " + token + " " + result + " " + thrown);
    }
  }

  /** Sees what the method throws; its own try/finally runs with its own handler. */
  public static final class ThrownAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Local("mark") Object mark) {
      mark = "marked";
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Local("mark") Object mark, @Advice.Return int value, @Advice.Thrown Throwable thrown) {
      try {
        event("exit " + mark + " " + value + " " + thrown.getMessage());
      } finally {
        event("finally");
      }
    }
  }

  /** Throws from both sides: the method must run as if there were no advice. */
  public static final class FailingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
      throw new IllegalArgumentException("enter fails");
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Return long value) {
      if (value > 0) {
        throw new IllegalArgumentException("exit fails");
      }
    }
  }

  /** Enter advice alone, which binds nothing. */
  public static final class EnterOnlyAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
      event("enter");
    }
  }

  /** An instrumentation's own parameter annotation, bound per method (as method rules bind theirs). */
  @Retention(RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(ElementType.PARAMETER)
  public @interface Tag {
    int value();
  }

  /** A constant, a boxed argument and null, through the instrumentation's own annotation. */
  public static final class CustomAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Tag(0) int id, @Tag(1) Object argument, @Tag(2) Object missing) {
      event("custom " + id + " " + argument + " " + argument.getClass().getSimpleName() + " " + missing);
    }
  }

  /** A static method's arguments, long and double among them. */
  public static final class StaticAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) long a, @Advice.Argument(1) double b, @Advice.Origin("#m") String method) {
      event("enter " + method + " " + a + " " + b);
    }
  }

  /** Fields of the instance, its own and one its superclass declares. */
  public static final class FieldAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.FieldValue("count") int count, @Advice.FieldValue("label") String label) {
      event("fields " + count + " " + label);
    }
  }

  /** Replaces an argument before the method runs. */
  public static final class ArgumentWritingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) String text) {
      text = text.toUpperCase();
    }
  }

  /** Takes the instance as its superclass. */
  public static final class SuperTypeAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Base self) {
      event("base " + self);
    }
  }

  /** Sees each instance once its constructor has returned. */
  public static final class ConstructedAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object self) {
      event("constructed " + self);
    }
  }

  /** Runs before super() and after the constructor returned. */
  public static final class ConstructorAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
      event("before");
      return 7L;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object self, @Advice.Enter long token) {
      event("after " + self + " " + token);
    }
  }

  /** Binds the return value to a type this weaver cannot check: Byte Buddy's job. */
  public static final class NarrowingAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Return CharSequence result) {
      event("narrow " + result);
    }
  }

  /** An unannotated parameter, which Byte Buddy binds by position and this weaver refuses. */
  public static final class UnannotatedAdvice {
    @Advice.OnMethodEnter
    public static void enter(String text) {
      event(text);
    }
  }
}
