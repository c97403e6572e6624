package dev.metricsagent.config;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The kinds of scalar value the configuration uses. */
final class ValueTypes {

  private ValueTypes() {}

  /**
   * {@code true} or {@code false}. Override text is compared case-insensitively; in YAML whatever
   * YAML itself reads as a boolean counts (including YAML 1.1's yes/no/on/off).
   */
  static final ValueType<Boolean> BOOLEAN = new ValueType<Boolean>("true or false") {
    @Override
    Boolean fromText(String text) throws InvalidValue {
      if (text.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      throw invalid(text);
    }

    @Override
    Boolean fromYaml(Object yamlValue, ScalarNode node) throws InvalidValue {
      if (yamlValue instanceof Boolean) {
        return (Boolean) yamlValue;
      }
      if (isQuoted(node) && isBooleanText(node.getValue())) {
        throw invalid(node.getValue(), "remove the quotes, which make it text instead of a boolean");
      }
      throw invalid(node.getValue());
    }

    private boolean isBooleanText(String text) {
      return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }
  };

  /** A whole number within [min, max]. YAML floats and quoted numbers are refused. */
  static ValueType<Integer> integer(int min, int max) {
    return new ValueType<Integer>("an integer from " + min + " to " + max) {
      @Override
      Integer fromText(String text) throws InvalidValue {
        try {
          return inRange(new BigInteger(text), text);
        } catch (NumberFormatException e) {
          throw invalid(text);
        }
      }

      @Override
      Integer fromYaml(Object yamlValue, ScalarNode node) throws InvalidValue {
        String text = node.getValue();
        if (yamlValue instanceof Integer || yamlValue instanceof Long || yamlValue instanceof BigInteger) {
          return inRange(new BigInteger(yamlValue.toString()), text);
        }
        if (isQuoted(node) && text.matches("[-+]?[0-9]+")) {
          throw invalid(text, "remove the quotes, which make it text instead of a number");
        }
        throw invalid(text);
      }

      private Integer inRange(BigInteger value, String text) throws InvalidValue {
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
          throw invalid(text);
        }
        return value.intValue();
      }
    };
  }

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

  /** A positive duration: a whole number and a unit, {@code 500ms}, {@code 15s}, {@code 1m}, {@code 2h}. */
  static final ValueType<Duration> DURATION_ABOVE_ZERO =
      new ValueType<Duration>("a duration above zero such as 500ms, 15s, 1m or 2h") {
        @Override
        Duration fromText(String text) throws InvalidValue {
          Matcher matcher = DURATION.matcher(text);
          if (!matcher.matches()) {
            if (text.matches("[0-9]+")) {
              throw invalid(text, "add a unit, such as '" + text + "s'");
            }
            throw invalid(text);
          }
          long amount = Long.parseLong(matcher.group(1));
          if (amount == 0) {
            throw invalid(text);
          }
          switch (matcher.group(2)) {
            case "ms":
              return Duration.ofMillis(amount);
            case "s":
              return Duration.ofSeconds(amount);
            case "m":
              return Duration.ofMinutes(amount);
            default:
              return Duration.ofHours(amount);
          }
        }
      };

  /** Text that is not empty, such as a Pushgateway job name. */
  static ValueType<String> nonEmptyText(String expected) {
    return new ValueType<String>(expected) {
      @Override
      String fromText(String text) throws InvalidValue {
        if (text.isEmpty()) {
          throw invalid(text);
        }
        return text;
      }
    };
  }

  /** The address to listen on: a host name or IP address, without scheme or path. */
  static final ValueType<String> LISTEN_HOST =
      new ValueType<String>("a host name or IP address to listen on, such as 0.0.0.0 or 127.0.0.1") {
        @Override
        String fromText(String text) throws InvalidValue {
          if (text.contains("://")) {
            throw invalid(text, "leave out the scheme");
          }
          if (text.isEmpty() || text.contains("/") || hasWhitespace(text)) {
            throw invalid(text);
          }
          return text;
        }
      };

  /** The HTTP path the metrics are served at. */
  static final ValueType<String> URL_PATH = new ValueType<String>("a path starting with '/', such as /metrics") {
    @Override
    String fromText(String text) throws InvalidValue {
      if (hasWhitespace(text) || text.contains("?") || text.contains("#")) {
        throw invalid(text);
      }
      if (!text.startsWith("/")) {
        throw text.isEmpty() ? invalid(text) : invalid(text, "write '/" + text + "'");
      }
      return text;
    }
  };

  /** {@code host:port}, IPv6 hosts in brackets; no scheme, no path. */
  static final ValueType<String> HOST_AND_PORT = new ValueType<String>("host:port such as localhost:9091") {
    @Override
    String fromText(String text) throws InvalidValue {
      if (text.contains("://")) {
        throw invalid(text, "leave out the scheme (set pushgateway.scheme for https)");
      }
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        throw text.isEmpty() ? invalid(text) : invalid(text, "add the port, such as '" + text + ":9091'");
      }
      String host = text.substring(0, colon);
      String port = text.substring(colon + 1);
      if (host.contains(":") && !(host.startsWith("[") && host.endsWith("]"))) {
        throw invalid(text, "write IPv6 addresses in brackets, such as [::1]:9091");
      }
      if (host.isEmpty() || host.contains("/") || hasWhitespace(host) || !isPort(port)) {
        throw invalid(text);
      }
      return text;
    }
  };

  /** A path to a file, made absolute against the working directory. */
  static final ValueType<Path> FILE_PATH = path("a file path");

  /** A path to a directory, which need not exist yet, made absolute like a file's. */
  static final ValueType<Path> DIRECTORY_PATH = path("a directory path");

  private static ValueType<Path> path(String description) {
    return new ValueType<Path>(description) {
      @Override
      Path fromText(String text) throws InvalidValue {
        if (text.isEmpty()) {
          throw invalid(text);
        }
        try {
          return Paths.get(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
          throw invalid(text, e.getReason());
        }
      }
    };
  }

  /**
   * One of a few words, compared case-insensitively, with "did you mean" for near misses. The
   * map's iteration order is the order the error message lists them in.
   */
  static <T> ValueType<T> oneOf(Map<String, T> choices) {
    List<String> names = new ArrayList<>(choices.keySet());
    Map<String, T> byLowerCase = new LinkedHashMap<>();
    choices.forEach((name, value) -> byLowerCase.put(name.toLowerCase(Locale.ROOT), value));
    return new ValueType<T>(alternatives(names)) {
      @Override
      T fromText(String text) throws InvalidValue {
        T value = byLowerCase.get(text.toLowerCase(Locale.ROOT));
        if (value != null) {
          return value;
        }
        String suggestion = Suggestions.closest(text, names);
        throw suggestion == null ? invalid(text) : invalid(text, "did you mean '" + suggestion + "'?");
      }
    };
  }

  static final ValueType<String> SCHEME = oneOf(words("http", "https"));

  /** Words that stand for themselves, in the order error messages list them. */
  static Map<String, String> words(String... words) {
    Map<String, String> choices = new LinkedHashMap<>();
    for (String word : words) {
      choices.put(word, word);
    }
    return choices;
  }

  /** "a or b", "a, b or c". */
  static String alternatives(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  static boolean hasWhitespace(String text) {
    return text.chars().anyMatch(Character::isWhitespace);
  }

  static boolean isPort(String text) {
    if (!text.matches("[0-9]{1,5}")) {
      return false;
    }
    int port = Integer.parseInt(text);
    return port >= 1 && port <= 65535;
  }
}
