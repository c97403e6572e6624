package dev.metricsagent.agent.cli;

import dev.metricsagent.agent.install.ClassPathContents;
import dev.metricsagent.agent.install.IgnoredTypes;
import dev.metricsagent.config.ConfigException;
import dev.metricsagent.config.ConfigLoader;
import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.ClassLoaderTypes;
import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.rules.RuleMatchers;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code explain --config agent.yaml --classpath app.jar[:more.jar:classes/]}: lists, per rule,
 * the methods the agent would instrument in those classes (and in the jars their manifests'
 * {@code Class-Path} names), and warns about rules that select nothing. Classes are read as class files (with the JDK's for supertypes) and never loaded, and
 * judged by {@link RuleMatchers}, the very code the agent runs.
 */
final class ExplainCommand {

  static final String USAGE = "usage: java -jar metrics-agent.jar explain --config <agent.yaml> --classpath"
      + " <jar or folder>[" + File.pathSeparator + "<jar or folder>...]";

  private ExplainCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String config = null;
    String classpath = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        config = args[++i];
      } else if (args[i].equals("--classpath") && i + 1 < args.length) {
        classpath = args[++i];
      } else {
        err.println("metrics-agent explain: unexpected argument '" + args[i] + "'");
        err.println(USAGE);
        return 2;
      }
    }
    if (config == null || classpath == null) {
      err.println(USAGE);
      return 2;
    }
    List<RuleConfig> rules;
    try {
      rules = ConfigLoader.loadFile(Path.of(config)).rules();
    } catch (ConfigException e) {
      err.println(e.render());
      return 1;
    }
    List<Path> entries = Cli.classPath("explain", classpath, err);
    if (entries == null) {
      return 2;
    }
    try {
      explain(rules, entries, out);
      return 0;
    } catch (IOException e) {
      err.println("metrics-agent explain: cannot read the class path: " + e);
      return 1;
    }
  }

  private static void explain(List<RuleConfig> rules, List<Path> entries, PrintStream out) throws IOException {
    ClassPathContents contents = ClassPathContents.read(entries);
    List<URL> urls = new ArrayList<>();
    for (Path entry : contents.entries()) {
      urls.add(entry.toUri().toURL());
    }
    TreeSet<String> classNames = new TreeSet<>();
    for (String internalName : contents.classNames()) {
      classNames.add(internalName.replace('/', '.'));
    }
    // Read as the agent reads them (ClassLoaderTypes), the JDK's classes too, for super types.
    try (URLClassLoader classFiles = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      ClassLoaderTypes types = new ClassLoaderTypes(classFiles);
      List<RuleMatchers> matchers = new ArrayList<>();
      List<List<String>> selected = new ArrayList<>();
      for (RuleConfig rule : rules) {
        matchers.add(new RuleMatchers(rule));
        selected.add(new ArrayList<>());
      }
      List<String> unreadable = new ArrayList<>();
      for (String className : classNames) {
        ClassInfo type = types.resolve(className);
        if (type == null) {
          unreadable.add(className + " (not a readable class file)");
          continue;
        }
        if (IgnoredTypes.matcher().matches(type)) {
          continue;
        }
        for (int i = 0; i < matchers.size(); i++) {
          if (matchers.get(i).selectsType(type)) {
            for (MethodInfo method : type.methods()) {
              if (matchers.get(i).selectsMethod(method)) {
                selected.get(i).add(describe(type, method));
              }
            }
          }
        }
      }
      print(rules, selected, unreadable, out);
    }
  }

  private static void print(List<RuleConfig> rules, List<List<String>> selected, List<String> unreadable,
      PrintStream out) {
    int empty = 0;
    TreeSet<String> methods = new TreeSet<>(); // a method several rules select is instrumented once
    for (int i = 0; i < rules.size(); i++) {
      RuleConfig rule = rules.get(i);
      out.println("rules[" + rule.index() + "] " + rule.metricName() + " (" + rule.type().yamlName() + ") at " + rule.location());
      if (selected.get(i).isEmpty()) {
        empty++;
        out.println("  warning: selects no method in the class path");
      }
      for (String method : selected.get(i)) {
        out.println("  " + method);
      }
      methods.addAll(selected.get(i));
    }
    for (String className : unreadable) {
      out.println("warning: could not read " + className);
    }
    out.println(rules.size() + (rules.size() == 1 ? " rule, " : " rules, ") + methods.size()
        + (methods.size() == 1 ? " method" : " methods") + " instrumented; " + empty
        + (empty == 1 ? " rule selects" : " rules select") + " nothing");
  }

  /** {@code com.example.Client#get(java.lang.String, int)}; constructors as {@code <init>}. */
  private static String describe(ClassInfo type, MethodInfo method) {
    return type.name() + "#" + method.name() + "(" + String.join(", ", method.parameterTypeNames()) + ")";
  }
}
