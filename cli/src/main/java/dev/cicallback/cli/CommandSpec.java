package dev.cicallback.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One command's options and parameters: parses its arguments and prints its help.
 *
 * <p>Hand-written rather than a command-line library: the command runs once per CI step, and a reflective parser
 * cost more start-up time than validating a small payload (see BENCHMARKS.md).
 */
final class CommandSpec {

  /**
   * An option taking one value: {@code defaultValue} null means none, {@code choices} empty means any value, and a
   * required option has no default.
   */
  record Option(
      String name,
      String label,
      String description,
      String defaultValue,
      List<String> choices,
      boolean required,
      Arity arity) {
    Option {
      choices = List.copyOf(choices);
    }

    Option(String name, String label, String description, String defaultValue, List<String> choices,
        boolean required) {
      this(name, label, description, defaultValue, choices, required, Arity.ONE);
    }

    /** An option whose value is one of {@code choices}, the first being the default. */
    static Option choice(String name, String description, String... choices) {
      return new Option(name, String.join("|", choices), description, choices[0], List.of(choices), false);
    }

    /** An option that must be given, with one of {@code choices}. */
    static Option requiredChoice(String name, String description, String... choices) {
      return new Option(name, String.join("|", choices), description, null, List.of(choices), true);
    }

    /** An option with any value, {@code defaultValue} (or null) when it is not given. */
    static Option value(String name, String label, String description, String defaultValue) {
      return new Option(name, label, description, defaultValue, List.of(), false);
    }

    /** An option without a value ({@code --list}): present or not. */
    static Option flag(String name, String description) {
      return new Option(name, null, description, null, List.of(), false, Arity.FLAG);
    }

    /** An option with any value that may be given more than once ({@code --set A --set B}), in order. */
    static Option repeated(String name, String label, String description) {
      return new Option(name, label, description, null, List.of(), false, Arity.MANY);
    }
  }

  /** How many values an option takes: one, none (a flag), or one each time it is given (repeatable). */
  enum Arity { ONE, FLAG, MANY }

  /** The command line was wrong; the message says how, in a sentence for the user. */
  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * What the user gave: option values (defaults filled in; a flag given has the value "true"), the positional
   * parameters, whether help was asked, and the values of repeatable options in the order given.
   */
  record Parsed(
      Map<String, String> values, List<String> parameters, boolean help, boolean version,
      Map<String, List<String>> repeated) {
    Parsed(Map<String, String> values, List<String> parameters, boolean help, boolean version) {
      this(values, parameters, help, version, Map.of());
    }

    String value(String option) {
      return values.get(option);
    }

    /** Whether the flag {@code option} was given. */
    boolean flag(String option) {
      return values.containsKey(option);
    }

    /** Every value of the repeatable {@code option}, in the order given (empty when it was not). */
    List<String> all(String option) {
      return repeated.getOrDefault(option, List.of());
    }

    /** The value of {@code option} as a whole number of at least {@code min}. */
    int wholeNumber(String option, int min) throws UsageError {
      String value = value(option);
      try {
        int number = Integer.parseInt(value);
        if (number >= min) {
          return number;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      throw new UsageError(option + " takes a whole number of at least " + min + ", not \"" + value + "\"");
    }
  }

  /**
   * {@code value} as an http or https URL with a host. The messages name {@code --to}, the option trigger requires;
   * listen's {@code --forward-to}, checked only when given, gets the same ones.
   */
  static URI httpUrl(String value) throws UsageError {
    if (value == null) {
      throw new UsageError("option --to is required (URL)");
    }
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new UsageError("--to takes an http or https URL such as http://127.0.0.1:8080/, not \"" + value + "\"");
  }

  private final String name;
  private final List<String> description;
  private final List<Option> options;
  private final String parameterLabel;
  private final String parameterDescription;
  private final int minParameters;
  private final int maxParameters;

  CommandSpec(
      String name,
      List<String> description,
      List<Option> options,
      String parameterLabel,
      String parameterDescription,
      int minParameters,
      int maxParameters) {
    this.name = name;
    this.description = List.copyOf(description);
    this.options = List.copyOf(options);
    this.parameterLabel = parameterLabel;
    this.parameterDescription = parameterDescription;
    this.minParameters = minParameters;
    this.maxParameters = maxParameters;
  }

  String name() {
    return name;
  }

  /** The first line of the description. */
  String summary() {
    return description.get(0);
  }

  /**
   * Parses {@code args[from..]}: {@code --name value} or {@code --name=value}, {@code --} ends the options, and a
   * lone {@code -} is a parameter (standard input).
   */
  Parsed parse(String[] args, int from) throws UsageError {
    Map<String, String> values = new HashMap<>();
    Map<String, List<String>> repeated = new HashMap<>();
    List<String> parameters = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        parameters.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return new Parsed(Map.of(), List.of(), true, false);
      }
      if (arg.equals("-V") || arg.equals("--version")) {
        return new Parsed(Map.of(), List.of(), false, true);
      }
      int equals = arg.indexOf('=');
      String optionName = equals < 0 ? arg : arg.substring(0, equals);
      Option option = option(optionName);
      if (option.arity() == Arity.FLAG) {
        if (equals >= 0) {
          throw new UsageError("option " + optionName + " takes no value");
        }
        if (values.put(optionName, "true") != null) {
          throw new UsageError("option " + optionName + " is given twice");
        }
        continue;
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageError("option " + optionName + " needs a value (" + option.label() + ")");
      }
      if (!option.choices().isEmpty() && !option.choices().contains(value)) {
        throw new UsageError(
            "option " + optionName + " takes " + String.join(", ", option.choices()) + ", not \"" + value + "\"");
      }
      if (option.arity() == Arity.MANY) {
        repeated.computeIfAbsent(optionName, k -> new ArrayList<>()).add(value);
      } else if (values.put(optionName, value) != null) {
        throw new UsageError("option " + optionName + " is given twice");
      }
    }
    if (minParameters > 1 && minParameters == maxParameters && parameters.size() != minParameters) {
      throw new UsageError(parameterLabel + " are needed (" + minParameters + " parameters), got "
          + parameters.size() + (parameters.isEmpty() ? "" : ": " + String.join(" ", parameters)));
    }
    if (parameters.size() < minParameters) {
      throw new UsageError(minParameters == 1 && maxParameters == 1
          ? "one " + parameterLabel + " is needed"
          : "at least " + (minParameters == 1 ? "one" : String.valueOf(minParameters)) + " " + parameterLabel
              + " is needed");
    }
    if (parameters.size() > maxParameters && maxParameters == 0) {
      throw new UsageError("takes no parameters, got: " + String.join(" ", parameters));
    }
    if (parameters.size() > maxParameters) {
      throw new UsageError(
          "one " + parameterLabel + " only, got " + parameters.size() + ": " + String.join(" ", parameters));
    }
    for (Option option : options) {
      if (option.defaultValue() != null) {
        values.putIfAbsent(option.name(), option.defaultValue());
      }
    }
    for (Option option : options) {
      if (option.required() && !values.containsKey(option.name())) {
        throw new UsageError("option " + option.name() + " is required (" + option.label() + ")");
      }
    }
    return new Parsed(values, parameters, false, false, Map.copyOf(repeated));
  }

  private Option option(String optionName) throws UsageError {
    for (Option option : options) {
      if (option.name().equals(optionName)) {
        return option;
      }
    }
    throw new UsageError("unknown option " + optionName);
  }

  /** "Usage: " and the synopsis, wrapped to 100 columns. */
  String usage() {
    return wrap("Usage: " + synopsis(), 100, "       ");
  }

  /** {@code text} broken at spaces into lines of at most {@code width} characters, the later ones indented. */
  private static String wrap(String text, int width, String indent) {
    StringBuilder wrapped = new StringBuilder();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= indent.length()) {
        break; // one word longer than the line: leave it whole
      }
      wrapped.append(rest, 0, cut).append('\n');
      rest = indent + rest.substring(cut + 1);
    }
    return wrapped.append(rest).toString();
  }

  /** The one-line synopsis: {@code ci-callback NAME [--opt=LABEL]... PARAM...}. */
  String synopsis() {
    StringBuilder line = new StringBuilder("ci-callback ").append(name).append(" [-hV]");
    for (Option option : options) {
      String usage = option.arity() == Arity.FLAG ? option.name() : option.name() + "=" + option.label();
      line.append(' ').append(option.required() ? usage : "[" + usage + "]")
          .append(option.arity() == Arity.MANY ? "..." : "");
    }
    if (maxParameters > 0) {
      line.append(' ').append(minParameters == 0 ? "[" + parameterUsage() + "]" : parameterUsage());
    }
    return line.toString();
  }

  /** The parameters as the synopsis names them: {@code PATH...} when more may follow, {@code OLD NEW} when not. */
  private String parameterUsage() {
    return parameterLabel + (maxParameters > Math.max(1, minParameters) ? "..." : "");
  }

  void printHelp(PrintWriter out) {
    out.println(usage());
    description.forEach(line -> out.println(wrap(line, 100, "")));
    List<String[]> rows = new ArrayList<>();
    if (maxParameters > 0) {
      rows.add(new String[] {parameterUsage(), parameterDescription});
    }
    for (Option option : options) {
      String text = option.description();
      if (option.defaultValue() != null) {
        text += " (default: " + option.defaultValue() + ")";
      }
      if (option.arity() == Arity.MANY) {
        text += " (may be given more than once)";
      }
      String label = option.arity() == Arity.FLAG ? option.name() : option.name() + "=" + option.label();
      rows.add(new String[] {label, text});
    }
    rows.add(new String[] {"-h, --help", "show this help and exit"});
    rows.add(new String[] {"-V, --version", "print the version and exit"});
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
    for (String[] row : rows) {
      String lead = "  " + row[0] + " ".repeat(width - row[0].length() + 2);
      out.println(wrap(lead + row[1], 120, " ".repeat(lead.length())));
    }
  }
}
